import type { FunctionGroup } from '../expression/FunctionGroup.js';

/** What GetFunctions and GetBNF say of a function only a running script has. */
export interface ScriptFunctionInfo {
  readonly name: string;
  readonly group: FunctionGroup;
  readonly params: string;
}

/**
 * The functions the script interpreter provides itself (script/
 * contextFunctions and the LOAD compiler's counters), with their Qlik group
 * and syntax. A test checks this list against the interpreter's functions.
 */
export const SCRIPT_FUNCTION_INFO: readonly ScriptFunctionInfo[] = [
  { name: 'AutoNumber', group: 'COUNT', params: 'expression[ , AutoID]' },
  { name: 'AutoNumberHash128', group: 'COUNT', params: 'expression {, expression}' },
  { name: 'AutoNumberHash256', group: 'COUNT', params: 'expression {, expression}' },
  { name: 'IterNo', group: 'COUNT', params: '' },
  { name: 'RecNo', group: 'COUNT', params: '' },
  { name: 'RowNo', group: 'COUNT', params: '' },
  { name: 'ApplyMap', group: 'MAPP', params: "'map_name', expression [ , default_mapping ]" },
  { name: 'MapSubString', group: 'MAPP', params: "'map_name', expression" },
  { name: 'Exists', group: 'RCRD', params: 'field_name [, expr]' },
  { name: 'Peek', group: 'RCRD', params: 'field_name[, row_no[, table_name ] ]' },
  { name: 'Previous', group: 'RCRD', params: 'expr' },
  {
    name: 'Lookup',
    group: 'RCRD',
    params: 'field_name, match_field_name, match_field_value [, table_name]',
  },
  { name: 'Window', group: 'RCRD', params: 'main_expr [, partition1, partition2, ...]' },
  { name: 'FieldValue', group: 'RCRD', params: 'field_name, elem_no' },
  { name: 'FieldIndex', group: 'RCRD', params: 'field_name, value' },
  { name: 'FieldValueCount', group: 'RCRD', params: 'field_name' },
  { name: 'FieldName', group: 'TBL', params: 'field_number ,table_name' },
  { name: 'FieldNumber', group: 'TBL', params: "'field_name ', 'table_name '" },
  { name: 'NoOfFields', group: 'TBL', params: '[table_name ]' },
  { name: 'NoOfRows', group: 'TBL', params: "['table_name ']" },
  { name: 'NoOfTables', group: 'TBL', params: '' },
  { name: 'TableName', group: 'TBL', params: "'table_number'" },
  { name: 'TableNumber', group: 'TBL', params: "'table_name'" },
  { name: 'FileName', group: 'FILE', params: "[ 'filename' ]" },
  { name: 'FileBaseName', group: 'FILE', params: "[ 'filename' ]" },
  { name: 'FileExtension', group: 'FILE', params: "[ 'filename' ]" },
  { name: 'FilePath', group: 'FILE', params: "[ 'filename' ]" },
  { name: 'FileDir', group: 'FILE', params: "[ 'filename' ]" },
  { name: 'FileSize', group: 'FILE', params: "[ 'filename' ]" },
  { name: 'FileTime', group: 'FILE', params: "[ 'filename' ]" },
  { name: 'QvdCreateTime', group: 'FILE', params: 'filename' },
  { name: 'QvdNoOfRecords', group: 'FILE', params: 'filename' },
  { name: 'QvdNoOfFields', group: 'FILE', params: 'filename' },
  { name: 'QvdFieldName', group: 'FILE', params: 'filename , fieldno' },
  { name: 'QvdTableName', group: 'FILE', params: 'filename' },
  { name: 'IsPartialReload', group: 'LOG', params: '' },
  { name: 'DocumentName', group: 'SYS', params: '' },
  { name: 'DocumentPath', group: 'SYS', params: '' },
  { name: 'ComputerName', group: 'SYS', params: '' },
];
