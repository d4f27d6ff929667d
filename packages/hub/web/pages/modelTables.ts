import type { Doc } from '@qlikit/qix';

/** A field of a table in the data model. */
export interface ModelField {
  readonly name: string;
  /** NOT_KEY, ANY_KEY, PRIMARY_KEY or PERFECT_KEY, as GetTablesAndKeys says. */
  readonly keyType: string;
  readonly distinct: number;
  readonly tags: readonly string[];
}

/** A table of the data model. */
export interface ModelTable {
  readonly name: string;
  readonly rows: number;
  readonly synthetic: boolean;
  readonly fields: readonly ModelField[];
}

/** A key linking tables: the field(s) they share (SourceKeyRecord). */
export interface ModelKey {
  readonly tables: readonly string[];
  readonly fields: readonly string[];
}

interface TablesAndKeys {
  qtr: {
    qName?: string;
    qNoOfRows: number;
    qIsSynthetic?: boolean;
    qFields: {
      qName?: string;
      qKeyType?: string;
      qnTotalDistinctValues?: number;
      qTags?: string[];
    }[];
  }[];
  qk: { qTables?: string[]; qKeyFields?: string[] }[];
}

/** The tables and keys of an app's data model (GetTablesAndKeys). */
export async function tablesAndKeys(doc: Doc): Promise<{ tables: ModelTable[]; keys: ModelKey[] }> {
  const result = (await doc.getTablesAndKeys(
    { qcx: 1000, qcy: 1000 },
    { qcx: 0, qcy: 0 },
    30,
    true,
    false,
  )) as unknown as TablesAndKeys;
  return {
    tables: result.qtr.map((table) => ({
      name: String(table.qName ?? ''),
      rows: table.qNoOfRows,
      synthetic: table.qIsSynthetic === true,
      fields: table.qFields.map((field) => ({
        name: String(field.qName ?? ''),
        keyType: field.qKeyType ?? 'NOT_KEY',
        distinct: field.qnTotalDistinctValues ?? 0,
        tags: field.qTags ?? [],
      })),
    })),
    keys: result.qk.map((key) => ({ tables: key.qTables ?? [], fields: key.qKeyFields ?? [] })),
  };
}

/** Just the tables. */
export async function modelTables(doc: Doc): Promise<ModelTable[]> {
  return (await tablesAndKeys(doc)).tables;
}
