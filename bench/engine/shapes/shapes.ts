// The chart shapes of the bench: each a hypercube definition for the engine
// and the SQL that answers the same question in DuckDB, plus the selection a
// user makes before looking at it (a different one every round, so no round
// is answered from an earlier one's results).
import type { ModelName } from './benchData.js';

/** What a round selects: values of one field. */
export interface Pick {
  readonly field: string;
  readonly values: readonly (number | string)[];
}

/** One chart shape. */
export interface Shape {
  readonly name: string;
  readonly model: ModelName;
  readonly dims: readonly string[];
  readonly measures: readonly string[];
  /** Sort by the first measure, descending, instead of by the dimensions. */
  readonly byMeasure?: boolean;
  /** Rows the chart shows first (default: a table's first page, FIRST_PAGE). */
  readonly fetchRows?: number;
  /** The selection of round r. */
  readonly pick: (round: number) => Pick;
  /** The grouped answer, one row per chart row: the dimensions, then the measures. */
  readonly sql: (where: string) => string;
}

const range = (count: number, from: number, step: number, modulo: number) =>
  Array.from({ length: count }, (_, j) => (from + j * step) % modulo);

/** 30 of the 100 Sel values: about 30% of the flat table. */
const selPick = (round: number): Pick => ({ field: 'Sel', values: range(30, round * 7, 1, 100) });
/** 60 of the 365 days: about 16% of the facts. */
const dayPick = (round: number): Pick => ({ field: 'Day', values: range(60, round * 11, 1, 365) });
/** 10 of the 100 brands (in the Products dimension table): 10% of the facts; another ten each of 100 rounds. */
const brandPick = (round: number): Pick => ({
  field: 'Brand',
  values: range(10, round * 13, 7, 100),
});

function flat(
  name: string,
  dims: string[],
  measures: string[],
  sqlMeasures: string[],
  extra: Partial<Shape> = {},
): Shape {
  const columns = [...dims.map((d) => `"${d}"`), ...sqlMeasures].join(', ');
  const group = dims.map((d) => `"${d}"`).join(', ');
  return {
    name,
    model: 'flat',
    dims,
    measures,
    pick: selPick,
    sql: (where) => `SELECT ${columns} FROM "Flat" WHERE ${where} GROUP BY ${group}`,
    ...extra,
  };
}

/** Every shape of issue 14's item 2. */
export const SHAPES: readonly Shape[] = [
  flat('plain Sum/Count, 2 dims', ['D1', 'D2'], ['Sum(A)', 'Count(B)'], ['sum(A)', 'count(B)']),
  flat('Sum(A*B)', ['D1', 'D2'], ['Sum(A*B)'], ['sum(A * B)']),
  flat(
    "Sum(If(C='x', A))",
    ['D1', 'D2'],
    ["Sum(If(C='x', A))"],
    [`coalesce(sum(A) FILTER (WHERE C = 'x'), 0)`],
  ),
  flat(
    "Sum({<C={'x'}>} A) (the same as a set)",
    ['D1', 'D2'],
    ["Sum({<C={'x'}>} A)"],
    [`coalesce(sum(A) FILTER (WHERE C = 'x'), 0)`],
  ),
  flat('Avg(A)/Avg(B)', ['D1', 'D2'], ['Avg(A)/Avg(B)'], ['avg(A) / avg(B)']),
  flat('Count(DISTINCT K)', ['D2'], ['Count(DISTINCT K)'], ['count(DISTINCT K)']),
  flat('3 dims', ['D1', 'D2', 'D3'], ['Sum(A)'], ['sum(A)']),
  flat('4 dims', ['D1', 'D2', 'D3', 'D4'], ['Sum(A)'], ['sum(A)']),
  flat('100,000-value dim by Sum desc, top 50', ['K'], ['Sum(A)'], ['sum(A)'], {
    byMeasure: true,
    fetchRows: 50,
  }),
  flat(
    "Sum({<F={'v'}>} A)",
    ['D1', 'D2'],
    ["Sum({<F={'v'}>} A)"],
    [`coalesce(sum(A) FILTER (WHERE F = 'v'), 0)`],
  ),
  {
    name: 'Sum({1} A)',
    model: 'flat',
    dims: ['D1', 'D2'],
    measures: ['Sum({1} A)'],
    pick: selPick,
    // The rows are the current selection's; the sums run over every record.
    sql: (where) =>
      `SELECT g.D1, g.D2, s.m FROM (SELECT DISTINCT D1, D2 FROM "Flat" WHERE ${where}) g ` +
      `JOIN (SELECT D1, D2, sum(A) AS m FROM "Flat" GROUP BY D1, D2) s USING (D1, D2)`,
  },
  flat(
    "Sum({$<F-={'v'}>} A)",
    ['D1', 'D2'],
    ["Sum({$<F-={'v'}>} A)"],
    [`coalesce(sum(A) FILTER (WHERE F <> 'v'), 0)`],
  ),
  {
    name: 'Avg(Aggr(Sum(A), D2, K))',
    model: 'flat',
    dims: ['D2'],
    measures: ['Avg(Aggr(Sum(A), D2, K))'],
    pick: selPick,
    sql: (where) =>
      `SELECT D2, avg(s) FROM (SELECT D2, K, sum(A) AS s FROM "Flat" WHERE ${where} GROUP BY D2, K) GROUP BY D2`,
  },
  {
    name: 'star: fact + 2 dimension tables',
    model: 'star',
    dims: ['Category', 'Region'],
    measures: ['Sum(Amount)', 'Count(Prod)'],
    pick: dayPick,
    sql: (where) =>
      `SELECT Category, Region, sum(Amount), count(Prod) FROM "Facts" JOIN "Products" USING (Prod) ` +
      `JOIN "Stores" USING (Store) WHERE ${where} GROUP BY Category, Region`,
  },
  {
    name: 'star: selection in a dimension table',
    model: 'star',
    dims: ['Day'],
    measures: ['Sum(Amount)'],
    pick: brandPick,
    sql: (where) =>
      `SELECT Day, sum(Amount) FROM "Facts" JOIN "Products" USING (Prod) WHERE ${where} GROUP BY Day`,
  },
];

/** The SQL condition of a pick. */
export function whereOf(pick: Pick): string {
  const list = pick.values.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ');
  return `"${pick.field}" IN (${list})`;
}

/**
 * The first page a chart asks for, as nebula.js's table does (sn-table 2.9,
 * the one the hub serves): its properties' `qInitialDataFetch` is 50 columns
 * by 100 rows, so the layout carries the rows it shows first (the engine
 * clips the columns to the chart's), and it asks for more rows only when
 * scrolled. (Its paginated mode fetches the same 100 rows by
 * GetHyperCubeData; nebula's bar chart fetches 20 to 200 rows about the bars
 * in view.)
 */
export const FIRST_PAGE = { qTop: 0, qLeft: 0, qWidth: 50, qHeight: 100 } as const;

/** How many rows the chart shows first: the rows of its first page. */
export function fetchRowsOf(shape: Shape): number {
  return shape.fetchRows ?? FIRST_PAGE.qHeight;
}

/** The shape's hypercube definition: numeric/text ascending dims, or the first measure descending; `initialRows` of its first page in the layout. */
export function cubeDefOf(shape: Shape, initialRows: number): Record<string, unknown> {
  const measureColumns = shape.measures.map((_, m) => shape.dims.length + m);
  const dimColumns = shape.dims.map((_, d) => d);
  return {
    qDimensions: shape.dims.map((name) => ({
      qDef: { qFieldDefs: [name], qSortCriterias: [{ qSortByNumeric: 1, qSortByAscii: 1 }] },
    })),
    qMeasures: shape.measures.map((qDef, m) => ({
      qDef: { qDef },
      qSortBy: shape.byMeasure && m === 0 ? { qSortByNumeric: -1 } : {},
    })),
    qInterColumnSortOrder: shape.byMeasure
      ? [measureColumns[0]!, ...dimColumns]
      : [...dimColumns, ...measureColumns],
    qInitialDataFetch: initialRows > 0 ? [{ ...FIRST_PAGE, qHeight: initialRows }] : [],
  };
}

/** The shape's SQL as a chart asks it: sorted, the fetched rows only, with the count of all rows. */
export function chartSql(shape: Shape, where: string): string {
  const dims = shape.dims.length;
  const order = shape.byMeasure
    ? `${dims + 1} DESC, ${shape.dims.map((_, d) => d + 1).join(', ')}`
    : shape.dims.map((_, d) => d + 1).join(', ');
  return `SELECT *, count(*) OVER () AS chart_rows FROM (${shape.sql(where)}) ORDER BY ${order} LIMIT ${fetchRowsOf(shape)}`;
}
