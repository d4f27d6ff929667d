import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoadedTable } from '../../src/model/LoadedTable.js';
import { runScript } from '../../src/script/runScript.js';
import type { ScriptResult } from '../../src/script/ScriptOptions.js';
import type { Value } from '../../src/value/Value.js';

/** A table as field names and rows of values, for exact comparison. */
export interface PlainTable {
  fields: string[];
  rows: Value[][];
}

/** Decodes a loaded table's dictionary columns back into rows. */
export function plain(table: LoadedTable | undefined): PlainTable {
  if (!table) throw new Error('table missing');
  const rows: Value[][] = [];
  for (let row = 0; row < table.rowCount; row++) {
    rows.push(
      table.columns.map((column) =>
        column.indexes[row] < 0 ? null : column.values[column.indexes[row]],
      ),
    );
  }
  return { fields: table.columns.map((column) => column.name), rows };
}

/** The named table of a result, decoded. */
export function tableOf(result: ScriptResult, name: string): PlainTable {
  return plain(result.tables.find((table) => table.name === name));
}

/** Names of the result's tables in order. */
export function tableNames(result: ScriptResult): string[] {
  return result.tables.map((table) => table.name);
}

/** A temp data dir with the given files; `dispose` removes it. */
export async function makeDataDir(
  files: Record<string, string> = {},
): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qlikit-script-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs a script that touches no files. */
export function run(script: string): Promise<ScriptResult> {
  return runScript(script, { dataDir: tmpdir() });
}
