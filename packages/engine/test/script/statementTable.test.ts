import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { checkScriptSyntax } from '../../src/script/checkScriptSyntax.js';
import { runScript } from '../../src/script/runScript.js';
import type { ScriptConnection } from '../../src/script/ScriptConnection.js';
import type { Value } from '../../src/value/Value.js';
import { makeDataDir } from './scriptTestKit.js';

/** The rows of the README's table of statements: name, status, example script. */
function statementRows(): [string, string, string][] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block =
    /<!-- statements:start -->([\s\S]*?)<!-- statements:end -->/.exec(readme)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => /^\|\s*(.+?)\s*\|\s*(.+?)\s*\|\s*`(.+)`\s*\|$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1], match[2], match[3]]);
}

async function duckConnection(): Promise<ScriptConnection> {
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  return {
    async select(sql) {
      const reader = await duck.runAndReadAll(sql);
      const rows = reader
        .getRowsJS()
        .map((row) => row.map((cell) => (typeof cell === 'bigint' ? Number(cell) : cell) as Value));
      return { kind: 'values', fieldNames: reader.columnNames(), batches: [rows] };
    },
    async close() {
      duck.closeSync();
    },
  };
}

const rows = statementRows();

describe("the README's table of statements", () => {
  it('lists the reference', () => {
    expect(rows.length).toBeGreaterThan(60);
  });

  it.each(rows)('%s: %s', async (_, status, example) => {
    expect(await checkScriptSyntax(example)).toEqual([]);
    const data = await makeDataDir({ 'x.csv': 'a\n1\n' });
    try {
      const outcome = await runScript(example, {
        dataDir: data.dir,
        connect: () => duckConnection(),
        binary: async () => ({
          tables: [
            {
              name: 'Other',
              rowCount: 1,
              columns: [{ name: 'o', values: [1], indexes: Int32Array.of(0) }],
            },
          ],
        }),
      }).then(
        () => 'runs',
        (error: unknown) => error,
      );
      if (status === 'runs') expect(outcome).toBe('runs');
      else {
        expect(status).toBe('parses, fails with not supported');
        expect(outcome).toMatchObject({ code: 'SCRIPT_NOT_SUPPORTED' });
      }
    } finally {
      await data.dispose();
    }
  });
});
