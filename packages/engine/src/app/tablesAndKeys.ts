import type { FieldInTableData, SourceKeyRecord, TableRecord } from '@qlikit/qix';
import type { Column } from '../model/Column.js';
import type { DataModel } from '../model/DataModel.js';
import type { Table } from '../model/Table.js';
import type { ScriptComments } from '../script/ScriptOptions.js';
import { commentOf } from './fieldDescriptions.js';

/**
 * GetTablesAndKeys: every table with its fields (counts, key type, tags,
 * the script's comments) and the key fields that link tables.
 */
export function tablesAndKeys(
  model: DataModel,
  includeSystem: boolean,
  comments?: ScriptComments,
): { qtr: TableRecord[]; qk: SourceKeyRecord[] } {
  const tables = model.tables.filter((table) => includeSystem || !table.name.startsWith('$'));
  const qtr = tables.map((table, index): TableRecord => ({
    qName: table.name,
    qLoose: false,
    qNoOfRows: table.rowCount,
    qFields: table.columns.map((column) => fieldInTable(table, column, comments)),
    qPos: { qx: 0, qy: index * 120 },
    qComment: commentOf(comments?.tables, table.name),
    qIsDirectDiscovery: false,
    qIsSynthetic: table.isSynthetic,
    qTableTags: [],
    qProfilingData: { qNoOfRows: table.rowCount, qFieldProfiling: [] },
  }));
  const qk = model.fields
    .filter((field) => field.isKey)
    .map((field) => ({
      qTables: field.tableIndexes.map((index) => model.tables[index]!.name),
      qKeyFields: [field.name],
    }));
  return { qtr, qk };
}

/**
 * One field of a table as the data model viewer shows it: non-null rows,
 * distinct values in this table against the field's in all tables, and the
 * key type (primary: every row a different non-null value; perfect: a primary
 * key that also holds every value the field has anywhere).
 */
function fieldInTable(table: Table, column: Column, comments?: ScriptComments): FieldInTableData {
  const field = column.field;
  const { nonNulls, distinct } = countColumn(column, table.rowCount);
  const rows = table.rowCount;
  const total = field.cardinality;
  const primary = field.isKey && nonNulls === rows && distinct === rows;
  return {
    qName: field.name,
    qOriginalFields: [],
    qPresent: true,
    qHasNull: nonNulls < rows,
    qHasWild: false,
    qHasDuplicates: distinct < nonNulls,
    qIsSynthetic: field.name.startsWith('$Syn'),
    qInformationDensity: rows === 0 ? 0 : nonNulls / rows,
    qnNonNulls: nonNulls,
    qnRows: rows,
    qSubsetRatio: total === 0 ? 0 : distinct / total,
    qnTotalDistinctValues: total,
    qnPresentDistinctValues: distinct,
    qKeyType: !field.isKey
      ? 'NOT_KEY'
      : primary && distinct === total
        ? 'PERFECT_KEY'
        : primary
          ? 'PRIMARY_KEY'
          : 'ANY_KEY',
    qComment: commentOf(comments?.fields, field.name),
    qTags: [...field.tags],
    qDerivedFields: [],
    qIsFieldOnTheFly: false,
    qReadableName: field.name,
  };
}

/** Rows holding a value, and how many different values they hold. */
function countColumn(column: Column, rows: number): { nonNulls: number; distinct: number } {
  const nullCode = column.nullCode;
  const seen = new Uint8Array(nullCode);
  let nonNulls = 0;
  let distinct = 0;
  for (let row = 0; row < rows; row++) {
    const code = column.codes[row]!;
    if (code === nullCode) continue;
    nonNulls++;
    if (seen[code] === 0) {
      seen[code] = 1;
      distinct++;
    }
  }
  return { nonNulls, distinct };
}
