import { notSupported } from './LoadRunner.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptOptions } from './ScriptOptions.js';
import { ScriptTable } from './ScriptTable.js';
import type { TableCatalog } from './TableCatalog.js';

/**
 * BINARY: starts from another app's tables (and its section access); it must be
 * the script's first statement, so `first` says whether nothing ran or loaded
 * before it. Answers the log line.
 */
export async function binaryStatement(
  source: string,
  first: boolean,
  options: ScriptOptions,
  application: TableCatalog,
  access: TableCatalog,
): Promise<string> {
  if (!options.binary) throw notSupported(`BINARY [${source}] (no apps to read from here)`);
  if (!first)
    throw new ScriptFault('SCRIPT_RUNTIME', 'BINARY must be the first statement of the script');
  const loaded = await options.binary(source);
  for (const table of loaded.tables)
    application.tables.set(table.name, ScriptTable.fromLoaded(table));
  for (const table of loaded.sectionAccess ?? [])
    access.tables.set(table.name, ScriptTable.fromLoaded(table));
  return `Binary: ${loaded.tables.length} tables from ${source}`;
}
