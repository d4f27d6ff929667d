import type { JoinTree } from '../model/JoinTree.js';
import type { Table } from '../model/Table.js';
import { AggregateError } from './AggregateError.js';

/** Table rows a frame may use, ascending, per table. */
export type RowSource = (table: Table) => Int32Array;

/**
 * The rows an aggregation runs over: the full natural outer join of the
 * tables of a join tree (as Qlik's associations are), restricted to given
 * rows per table. Frame row i joins row `rowsOf(t)[i]` of every table t in
 * the tree, which is `t.rowCount` (the null row, see Column) where t has no
 * row to match; a single table is its own frame.
 */
export class Frame {
  private constructor(
    /** Number of frame rows. */
    readonly length: number,
    private readonly rowsByTable: ReadonlyMap<Table, Int32Array>,
    private readonly padded: ReadonlySet<Table>,
  ) {}

  /** Joins the tables of `tree` over the rows `source` allows in each. */
  static join(tree: JoinTree, source: RowSource): Frame {
    const rootRows = source(tree.root);
    let rows = new Map<Table, Int32Array>([[tree.root, rootRows]]);
    let length = rootRows.length;
    const padded = new Set<Table>();
    for (const node of tree.nodes) {
      if (!node.parent || !node.via) continue;
      const joined = joinChild(
        rows,
        length,
        node.parent,
        node.table,
        node.via.name,
        source(node.table),
      );
      if (joined.childPadded) padded.add(node.table);
      if (joined.framePadded) for (const table of rows.keys()) padded.add(table);
      rows = joined.rows;
      length = joined.length;
    }
    return new Frame(length, rows, padded);
  }

  /** How many tables the frame joins. */
  get tableCount(): number {
    return this.rowsByTable.size;
  }

  /** Whether `table` is part of this frame. */
  has(table: Table): boolean {
    return this.rowsByTable.has(table);
  }

  /** Whether some frame row holds `table`'s null row (no row of it matched). */
  hasNullRows(table: Table): boolean {
    return this.padded.has(table);
  }

  /** Table row of every frame row for `table`. */
  rowsOf(table: Table): Int32Array {
    const rows = this.rowsByTable.get(table);
    if (!rows)
      throw new AggregateError('NO_JOIN_PATH', `Table "${table.name}" is not part of this frame`);
    return rows;
  }
}

// Full outer join of the current frame with `child` on `key`: every frame row
// is repeated once per matching child row, or paired with the child's null row
// when none matches; child rows that no frame row matches (a null key
// included) come last, with the null row of every table joined so far.
function joinChild(
  rows: Map<Table, Int32Array>,
  length: number,
  parent: Table,
  child: Table,
  key: string,
  childRows: Int32Array,
) {
  const parentCodes = parent.column(key)!.codes;
  const parentRows = rows.get(parent)!;
  const childCodes = child.column(key)!.codes;
  const nullCode = child.column(key)!.nullCode;
  const { start, members } = rowsByCode(childCodes, childRows, nullCode);
  // A dimension table (at most one row per key): frame rows keep their place, nothing is repeated.
  if (mostPerCode(start) <= 1)
    return lookupJoin(rows, length, parentCodes, parentRows, child, childRows, childCodes, {
      start,
      members,
      nullCode,
    });
  const matched = new Uint8Array(nullCode + 1);
  let total = 0;
  let childPadded = false;
  for (let i = 0; i < length; i++) {
    const code = parentCodes[parentRows[i]!]!;
    const count = code < nullCode ? start[code + 1]! - start[code]! : 0;
    if (count > 0) matched[code] = 1;
    else childPadded = true;
    total += Math.max(count, 1);
  }
  let orphans = 0;
  for (let i = 0; i < childRows.length; i++) if (!matched[childCodes[childRows[i]!]!]) orphans++;
  total += orphans;
  const source = new Int32Array(total);
  const childOut = new Int32Array(total);
  let out = 0;
  for (let i = 0; i < length; i++) {
    const code = parentCodes[parentRows[i]!]!;
    const from = code < nullCode ? start[code]! : 0;
    const to = code < nullCode ? start[code + 1]! : 0;
    if (from === to) {
      source[out] = i;
      childOut[out++] = child.rowCount;
    }
    for (let m = from; m < to; m++) {
      source[out] = i;
      childOut[out++] = members[m]!;
    }
  }
  for (let i = 0; i < childRows.length; i++) {
    const row = childRows[i]!;
    if (matched[childCodes[row]!]) continue;
    source[out] = -1;
    childOut[out++] = row;
  }
  const expanded = new Map<Table, Int32Array>();
  for (const [table, tableRows] of rows)
    expanded.set(table, gatherRows(tableRows, source, table.rowCount));
  expanded.set(child, childOut);
  return { rows: expanded, length: total, childPadded, framePadded: orphans > 0 };
}

// The join when every frame row matches at most one child row: frame row i
// stays row i, the child's row is a lookup of its key (one pass over the
// frame rows), and the child rows no frame row matches come last (with
// every other table's null row).
function lookupJoin(
  rows: Map<Table, Int32Array>,
  length: number,
  parentCodes: ArrayLike<number>,
  parentRows: Int32Array,
  child: Table,
  childRows: Int32Array,
  childCodes: ArrayLike<number>,
  keyed: { readonly start: Int32Array; readonly members: Int32Array; readonly nullCode: number },
) {
  const { start, members, nullCode } = keyed;
  // Per key code, the child row it finds (nullRow for none), so the pass below is one lookup a row.
  const nullRow = child.rowCount;
  const rowOfCode = new Int32Array(nullCode + 1).fill(nullRow);
  for (let c = 0; c < nullCode; c++)
    if (start[c + 1]! > start[c]!) rowOfCode[c] = members[start[c]!]!;
  const matched = new Uint8Array(nullCode + 1);
  const found = new Int32Array(length);
  let childPadded = false;
  for (let i = 0; i < length; i++) {
    const code = parentCodes[parentRows[i]!]!;
    const row = rowOfCode[code]!;
    found[i] = row;
    if (row === nullRow) childPadded = true;
    else matched[code] = 1;
  }
  let orphans = 0;
  for (let i = 0; i < childRows.length; i++) if (!matched[childCodes[childRows[i]!]!]) orphans++;
  const total = length + orphans;
  let childOut = found;
  if (orphans > 0) {
    childOut = new Int32Array(total);
    childOut.set(found);
    let out = length;
    for (let i = 0; i < childRows.length; i++) {
      const row = childRows[i]!;
      if (!matched[childCodes[row]!]) childOut[out++] = row;
    }
  }
  const expanded = new Map<Table, Int32Array>();
  for (const [table, tableRows] of rows) {
    if (orphans === 0) {
      expanded.set(table, tableRows);
      continue;
    }
    const padded = new Int32Array(total);
    padded.set(tableRows);
    padded.fill(table.rowCount, length);
    expanded.set(table, padded);
  }
  expanded.set(child, childOut);
  return { rows: expanded, length: total, childPadded, framePadded: orphans > 0 };
}

// The most child rows any one non-null key code has (start has a bucket per code, then the null code's).
function mostPerCode(start: Int32Array): number {
  let most = 0;
  for (let c = 0; c + 2 < start.length; c++) most = Math.max(most, start[c + 1]! - start[c]!);
  return most;
}

// The table's row for every new frame row; source -1 (no frame row) is its null row.
function gatherRows(tableRows: Int32Array, source: Int32Array, nullRow: number): Int32Array {
  const out = new Int32Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const from = source[i]!;
    out[i] = from < 0 ? nullRow : tableRows[from]!;
  }
  return out;
}

// Groups the allowed rows of a table by key code (a counting sort).
function rowsByCode(codes: ArrayLike<number>, rows: Int32Array, nullCode: number) {
  const start = new Int32Array(nullCode + 2);
  for (let i = 0; i < rows.length; i++) start[codes[rows[i]!]! + 1]!++;
  for (let c = 0; c < nullCode + 1; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, nullCode + 1);
  const members = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) members[fill[codes[rows[i]!]!]!++] = rows[i]!;
  return { start, members };
}
