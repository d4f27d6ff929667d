import type { FrameField } from './ChartScope.js';

/**
 * How a grouped pass finds the group of frame row i: the ids of a grouping
 * already built (`ofRow`), or, where the dimensions' symbols combine into a
 * small key space, the key itself (each dimension's code, null code
 * included, times its stride) — one accumulator slot per possible
 * combination, and no grouping pass before the aggregation.
 */
export type RowGroups =
  | { readonly kind: 'ids'; readonly ofRow: Int32Array; readonly count: number }
  | {
      readonly kind: 'keys';
      readonly columns: readonly Pick<FrameField, 'codes' | 'rows'>[];
      /** Per column its stride (the product of the earlier columns' cardinalities + 1). */
      readonly strides: readonly number[];
      /** Slots: the product of every column's cardinality + 1. */
      readonly count: number;
    };

/** The generated expression of row i's group, the parameters it reads and their arguments. */
export interface GroupCode {
  readonly code: string;
  readonly params: readonly string[];
  readonly args: readonly unknown[];
  /** What makes the generated code differ (for a cache of compiled loops). */
  readonly key: string;
}

/**
 * The code of row i's group for a generated loop; a column over `rows` (the
 * loop's own, whose row i the loop holds in `r`) reads `r` instead of
 * loading row i again.
 */
export function groupCode(groups: RowGroups, rows?: Int32Array): GroupCode {
  if (groups.kind === 'ids')
    return { code: 'ofRow[i]', params: ['ofRow'], args: [groups.ofRow], key: 'ids' };
  const params: string[] = [];
  const args: unknown[] = [];
  const terms: string[] = [];
  const rowNames = new Map<Int32Array, string>();
  groups.columns.forEach((column, c) => {
    let row = column.rows === rows ? 'r' : rowNames.get(column.rows);
    if (!row) {
      row = `gr${c}[i]`;
      rowNames.set(column.rows, row);
      params.push(`gr${c}`);
      args.push(column.rows);
    }
    params.push(`gc${c}`, `gs${c}`);
    args.push(column.codes, groups.strides[c]);
    terms.push(`gc${c}[${row}] * gs${c}`);
  });
  const types = args.map((arg) =>
    typeof arg === 'number' ? 'n' : (arg as object).constructor.name,
  );
  // No columns: every row in slot 0 (a total).
  const code = terms.length > 0 ? terms.join(' + ') : '0';
  return { code, params, args, key: `${code}|${params.join(',')}|${types.join(',')}` };
}

// At most this many key slots: beyond, the accumulators cost more than a grouping pass.
const KEY_SPACE_LIMIT = 1 << 16;

/**
 * The key space of `columns` (field cardinalities given) when small enough
 * for `rows` frame rows, else undefined.
 */
export function keyGroups(
  columns: readonly (Pick<FrameField, 'codes' | 'rows'> & { readonly cardinality: number })[],
  rows: number,
): RowGroups | undefined {
  const strides: number[] = [];
  let space = 1;
  for (const column of columns) {
    strides.push(space);
    space *= column.cardinality + 1;
  }
  // No columns: one slot, every row's (a total).
  if (columns.length > 0 && (space > KEY_SPACE_LIMIT || space > rows)) return undefined;
  return { kind: 'keys', columns, strides, count: space };
}

/** The key slot of a group given its symbol per column (-1 for null). */
export function keySlot(
  groups: Extract<RowGroups, { kind: 'keys' }>,
  symbols: readonly number[],
): number {
  let slot = 0;
  groups.strides.forEach((stride, c) => {
    const next = groups.strides[c + 1] ?? groups.count;
    const symbol = symbols[c]!;
    slot += (symbol < 0 ? next / stride - 1 : symbol) * stride;
  });
  return slot;
}
