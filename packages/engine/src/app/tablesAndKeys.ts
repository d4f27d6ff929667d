import type { DataModel } from '../model/DataModel.js';
import type { Table } from '../model/Table.js';

/** GetTablesAndKeys: every table with its fields (cardinality, key type, tags) and the key fields that link tables. */
export function tablesAndKeys(
  model: DataModel,
  includeSystem: boolean,
): { qtr: unknown[]; qk: unknown[] } {
  const tables = model.tables.filter((table) => includeSystem || !table.name.startsWith('$'));
  const qtr = tables.map((table, index) => ({
    qName: table.name,
    qLoose: false,
    qNoOfRows: table.rowCount,
    qFields: table.fields.map((field) => ({
      qName: field.name,
      qOriginalFields: [],
      qPresent: true,
      qHasNull: hasNull(table, field.name),
      qHasWild: false,
      qHasDuplicates: field.cardinality < table.rowCount,
      qIsSynthetic: field.name.startsWith('$Syn'),
      qInformationDensity: 1,
      qnNonNulls: table.rowCount,
      qnRows: table.rowCount,
      qSubsetRatio: 1,
      qnTotalDistinctValues: field.cardinality,
      qnPresentDistinctValues: field.cardinality,
      qKeyType: field.isKey ? 'ANY_KEY' : 'NOT_KEY',
      qComment: '',
      qTags: [...field.tags],
      qDerivedFields: [],
      qIsFieldOnTheFly: false,
      qReadableName: field.name,
    })),
    qPos: { qx: 0, qy: index * 120 },
    qComment: '',
    qIsDirectDiscovery: false,
    qIsSynthetic: table.isSynthetic,
    qTableTags: [],
    qProfilingData: {},
  }));
  const qk = model.fields
    .filter((field) => field.isKey)
    .map((field) => ({
      qTables: field.tableIndexes.map((index) => model.tables[index]!.name),
      qKeyFields: [field.name],
    }));
  return { qtr, qk };
}

function hasNull(table: Table, fieldName: string): boolean {
  const column = table.column(fieldName)!;
  const nullCode = column.nullCode;
  for (let row = 0; row < table.rowCount; row++) if (column.codes[row] === nullCode) return true;
  return false;
}
