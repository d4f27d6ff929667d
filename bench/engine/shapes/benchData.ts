// The generated data of the shapes bench, written once for both sides: each
// column is a formula of the row number i, as JavaScript (giving a symbol
// code and the code's value) and as the same formula in DuckDB's SQL. The
// engine receives dictionary-encoded tables directly (the load path is timed
// in load.ts, not here); DuckDB builds its tables from range().
import type { LoadedTable } from '../../../packages/engine/src/model/LoadedTable.js';

type Cell = number | string;

/** One generated column: per row a code in 0..cardinality-1, per code a value. */
export interface ColumnSpec {
  readonly name: string;
  readonly cardinality: number;
  /** The code of row i. */
  readonly code: (i: number) => number;
  /** The value of a code. */
  readonly value: (code: number) => Cell;
  /** The same two steps in SQL over the BIGINT `i`. */
  readonly sql: string;
}

/** A generated table: its columns and how many rows per `rows` of the fact table. */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Its own row count, or undefined for the fact tables (the run's row count). */
  readonly rowCount?: number;
}

const texts = (list: readonly string[]) => (code: number) => list[code]!;
const sqlList = (list: readonly string[]) => `[${list.map((t) => `'${t}'`).join(', ')}]`;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const C_VALUES = ['x', 'y', 'z', 'w', 'v'];
const F_VALUES = ['v', 'w', 'u', 't'];

/** Numeric column `(i * multiplier + offset) % cardinality` (then `value(code)`). */
function modColumn(
  name: string,
  cardinality: number,
  multiplier: number,
  divisor = 1,
): Omit<ColumnSpec, 'value' | 'sql'> & { sqlCode: string } {
  const code = (i: number) => (Math.floor(i / divisor) * multiplier) % cardinality;
  const base = divisor === 1 ? 'i' : `(i // ${divisor})`;
  return { name, cardinality, code, sqlCode: `((${base} * ${multiplier}) % ${cardinality})` };
}

function numeric(
  spec: ReturnType<typeof modColumn>,
  value: (code: number) => number = (code) => code,
  sqlValue: (code: string) => string = (code) => code,
): ColumnSpec {
  return { ...spec, value, sql: `(${sqlValue(spec.sqlCode)})::DOUBLE AS "${spec.name}"` };
}

function text(spec: ReturnType<typeof modColumn>, list: readonly string[]): ColumnSpec {
  return {
    ...spec,
    value: texts(list),
    sql: `${sqlList(list)}[${spec.sqlCode} + 1] AS "${spec.name}"`,
  };
}

/**
 * The flat fact table: four dimension fields of co-prime cardinalities (all
 * their combinations occur), a 100,000-value field K, two measures A (steps of
 * 0.25, so sums are exact) and B, two text fields C and F for conditions and
 * sets, and Sel, the field the bench's selections are made in.
 */
export const FLAT: TableSpec = {
  name: 'Flat',
  columns: [
    numeric(modColumn('D1', 50, 1)),
    numeric(modColumn('D2', 21, 1)),
    numeric(modColumn('D3', 13, 1)),
    numeric(modColumn('D4', 11, 1)),
    numeric(modColumn('K', 100_000, 7919)),
    numeric(
      modColumn('A', 1000, 7919),
      (code) => code / 4,
      (code) => `${code} / 4`,
    ),
    numeric(
      modColumn('B', 997, 104_729),
      (code) => code + 1,
      (code) => `${code} + 1`,
    ),
    text(modColumn('C', 5, 1, 7), C_VALUES),
    text(modColumn('F', 4, 1, 11), F_VALUES),
    numeric(modColumn('Sel', 100, 1, 13)),
  ],
};

const PRODUCTS = 1000;
const STORES = 200;

/** The star's fact table: keys to Products and Stores, a Day field and the measure A. */
export const FACTS: TableSpec = {
  name: 'Facts',
  columns: [
    numeric(modColumn('Prod', PRODUCTS, 7919)),
    numeric(modColumn('Store', STORES, 1, 3)),
    numeric(modColumn('Day', 365, 1)),
    numeric(
      modColumn('Amount', 1000, 104_729),
      (code) => code / 4,
      (code) => `${code} / 4`,
    ),
  ],
};

/** Products: 1,000 rows, 20 categories, 100 brands. */
export const PRODUCT_TABLE: TableSpec = {
  name: 'Products',
  rowCount: PRODUCTS,
  columns: [
    numeric(modColumn('Prod', PRODUCTS, 1)),
    {
      ...modColumn('Category', 20, 7),
      value: (code) => `Cat ${pad(code, 2)}`,
      sql: `'Cat ' || lpad(((i * 7) % 20)::VARCHAR, 2, '0') AS "Category"`,
    },
    numeric(modColumn('Brand', 100, 13)),
  ],
};

/** Stores: 200 rows, 8 regions. */
export const STORE_TABLE: TableSpec = {
  name: 'Stores',
  rowCount: STORES,
  columns: [
    numeric(modColumn('Store', STORES, 1)),
    {
      ...modColumn('Region', 8, 3),
      value: (code) => `Region ${code}`,
      sql: `'Region ' || ((i * 3) % 8)::VARCHAR AS "Region"`,
    },
  ],
};

/** The two models of a run: the flat table alone, and the star. */
export const MODELS = {
  flat: [FLAT],
  star: [FACTS, PRODUCT_TABLE, STORE_TABLE],
} as const;

export type ModelName = keyof typeof MODELS;

/** The table as the engine's data model takes it. */
export function loadedTable(spec: TableSpec, factRows: number): LoadedTable {
  const rowCount = spec.rowCount ?? factRows;
  return {
    name: spec.name,
    rowCount,
    columns: spec.columns.map((column) => {
      const indexes = new Int32Array(rowCount);
      for (let i = 0; i < rowCount; i++) indexes[i] = column.code(i);
      const values = Array.from({ length: column.cardinality }, (_, code) => column.value(code));
      return { name: column.name, values, indexes };
    }),
  };
}

/** The SQL that makes the same table in DuckDB. */
export function createTableSql(spec: TableSpec, factRows: number): string {
  const rowCount = spec.rowCount ?? factRows;
  const select = spec.columns.map((column) => column.sql).join(', ');
  return `CREATE OR REPLACE TABLE "${spec.name}" AS SELECT ${select} FROM range(${rowCount}) r(i)`;
}
