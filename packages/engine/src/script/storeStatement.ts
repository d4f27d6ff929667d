import { ScriptFault } from './ScriptFault.js';
import type { ScriptFiles } from './ScriptFiles.js';
import type { Statement } from './Statement.js';
import { storeTable, type StoreContext } from './storeTable.js';
import type { TableCatalog } from './TableCatalog.js';

/** STORE: writes a table, or the fields named of it, to a file; answers the log line. */
export async function storeStatement(
  statement: Extract<Statement, { kind: 'store' }>,
  catalog: TableCatalog,
  files: ScriptFiles,
  context: StoreContext,
): Promise<string> {
  const table = catalog.require(statement.table);
  const fields = statement.fields ?? table.fieldNames;
  const columns = fields.map((field) => {
    const column = table.column(field);
    if (!column)
      throw new ScriptFault(
        'SCRIPT_FIELD_NOT_FOUND',
        `Field '${field}' not found in table '${table.name}'`,
      );
    return column;
  });
  const path = files.inDirectory(statement.path);
  const target = await files.resolve(statement.path, 'write');
  await storeTable(table, columns, target, path, statement.format, context);
  return `${table.name} >> ${statement.path}  ${table.rowCount} Lines stored`;
}
