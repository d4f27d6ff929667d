import { type AxisSlot, type ChartRows, RowAxis } from '../aggregate/ChartRows.js';
import type { GroupIndex } from '../aggregate/GroupIndex.js';
import type { Value } from '../value/Value.js';
import type { GroupComparator } from './sortGroups.js';

/** What laying out a chart's sorted groups as rows needs. */
export interface ChartRowsInput {
  readonly index: GroupIndex;
  /** The groups shown, in display order. */
  readonly order: readonly number[];
  /** How many dimensions the chart has. */
  readonly dims: number;
  /** How many of them a pivot table has on the left; `dims` for a straight table. */
  readonly leftDims: number;
  /** The dimension columns in their inter-column sort order. */
  readonly sortOrder: readonly number[];
  /** Compares two groups by one dimension column's sort criteria. */
  readonly compareColumn: (column: number) => GroupComparator;
  /** Measure n's values (1-based) per group, for Column(n). */
  readonly measure: (n: number) => readonly Value[] | undefined;
}

/**
 * The rows of a sorted chart as its inter-record and ranking functions see
 * them. In a straight table a column segment holds consecutive rows that
 * agree on every dimension but the last one of the sort order; TOTAL spans
 * the whole column. In a pivot table each top-dimension combination is a
 * column of its own, segmented by the left dimensions but the last, and
 * each left combination a row of columns, segmented by the top dimensions
 * but the last; TOTAL spans the whole column or row.
 */
export function chartRows(input: ChartRowsInput): ChartRows {
  const { index, order, dims, leftDims } = input;
  const count = index.count;
  const keyOf = (columns: readonly number[]) => (g: number) =>
    columns.map((d) => index.keys[d]![g]).join(',');
  const base = {
    measure: input.measure,
    dimensionality: Math.min(leftDims, dims),
    secondaryDimensionality: Math.max(0, dims - leftDims),
  };
  if (leftDims >= dims) {
    const last = input.sortOrder.filter((c) => c < dims).at(-1);
    const segmentOf = keyOf(range(0, dims).filter((d) => d !== last));
    return {
      ...base,
      vertical: RowAxis.of([order.map((group) => ({ group, segment: segmentOf(group) }))], count),
      verticalTotal: RowAxis.of([order.map((group) => ({ group, segment: '' }))], count),
    };
  }
  // A pivot table is a dense grid: every left combination meets every top combination.
  const leftKey = keyOf(range(0, leftDims));
  const topKey = keyOf(range(leftDims, dims));
  const rows = partition(order, leftKey);
  const columns = partition(order, topKey);
  const compareTop = topComparator(input);
  columns.sort((a, b) => compareTop(a[0]!, b[0]!));
  const cell = new Map<string, number>();
  for (const g of order) cell.set(`${leftKey(g)}|${topKey(g)}`, g);
  const rowSegment = keyOf(range(0, leftDims - 1));
  const columnSegment = keyOf(range(leftDims, dims - 1));
  const grid = (
    outer: readonly number[][],
    inner: readonly number[][],
    outerKey: (g: number) => string,
    innerKey: (g: number) => string,
    segment: (g: number) => string,
    whole: boolean,
    cellKey: (o: string, i: string) => string,
  ): AxisSlot[][] =>
    outer.map((line) =>
      inner.map((across) => {
        const group = cell.get(cellKey(outerKey(line[0]!), innerKey(across[0]!))) ?? -1;
        return { group, segment: whole ? '' : segment(across[0]!) };
      }),
    );
  const down = (whole: boolean) =>
    RowAxis.of(
      grid(columns, rows, topKey, leftKey, rowSegment, whole, (t, l) => `${l}|${t}`),
      count,
    );
  const across = (whole: boolean) =>
    RowAxis.of(
      grid(rows, columns, leftKey, topKey, columnSegment, whole, (l, t) => `${l}|${t}`),
      count,
    );
  return {
    ...base,
    vertical: down(false),
    verticalTotal: down(true),
    horizontal: across(false),
    horizontalTotal: across(true),
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** Groups split by a key, in order of first appearance, each keeping display order. */
function partition(order: readonly number[], key: (group: number) => string): number[][] {
  const parts = new Map<string, number[]>();
  for (const g of order) {
    const k = key(g);
    const part = parts.get(k);
    if (part) part.push(g);
    else parts.set(k, [g]);
  }
  return [...parts.values()];
}

/** The top combinations' order: by the top dimensions' own sort criteria, in sort order. */
function topComparator(input: ChartRowsInput): GroupComparator {
  const comparators = input.sortOrder
    .filter((c) => c >= input.leftDims && c < input.dims)
    .map(input.compareColumn);
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}
