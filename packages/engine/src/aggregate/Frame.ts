import type { JoinTree } from '../model/JoinTree.js';
import type { Table } from '../model/Table.js';
import { runsInParallel } from '../parallel/inBlocks.js';
import { joinInChildOrder } from './childOrderJoin.js';
import { type FactSide, dimensionRows, factCodes, factSide } from './factFrame.js';
import type { CodeArray } from '../model/CodeArray.js';
import type { KeyCodes } from '../selection/propagate.js';
import {
  expandOnThreads,
  gatherOnThreads,
  keyMatchesOnThreads,
  lookupMatches,
  orphansOnThreads,
} from '../parallel/joinScans.js';
import { isShared, rowArray } from '../parallel/sharedArrays.js';
import { AggregateError } from './AggregateError.js';

/** Table rows a frame may use, ascending, per table. */
export type RowSource = (table: Table) => Int32Array;

/** A key's codes in the rows a frame may use of a table, where known without reading them. */
export type KeyCodesOf = (table: Table, key: string) => KeyCodes | undefined;

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
    private readonly rowsByTable: Map<Table, Int32Array>,
    private readonly padded: ReadonlySet<Table>,
    private readonly once: ReadonlySet<Table>,
    /** When the frame is a fact table's rows: the other tables' rows are looked up when read. */
    private readonly side?: FactSide,
  ) {}

  /**
   * Joins the tables of `tree` over the rows `source` allows in each
   * (`keyCodes`, where given, tells a key's codes in them without reading them).
   */
  static join(tree: JoinTree, source: RowSource, keyCodes?: KeyCodesOf): Frame {
    const side = factSide(tree, source, keyCodes);
    if (side) {
      const { facts, factRows, padded } = side;
      return new Frame(
        factRows.length,
        new Map([[facts, factRows]]),
        padded,
        new Set([facts]),
        side,
      );
    }
    const rootRows = source(tree.root);
    let rows = new Map<Table, Int32Array>([[tree.root, rootRows]]);
    let length = rootRows.length;
    const padded = new Set<Table>();
    let once = new Set<Table>([tree.root]);
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
      if (joined.once === 'child') once = new Set([node.table]);
      else if (joined.once === 'none') once = new Set();
      rows = joined.rows;
      length = joined.length;
    }
    return new Frame(length, rows, padded, once);
  }

  /** How many tables the frame joins. */
  get tableCount(): number {
    return this.side ? this.side.links.size + 1 : this.rowsByTable.size;
  }

  /** Whether `table` is part of this frame. */
  has(table: Table): boolean {
    return this.rowsByTable.has(table) || this.side?.links.has(table) === true;
  }

  /**
   * Field `name` of `table` as codes on the rows of the frame's fact table,
   * when the frame is one (factFrame.ts) and `table` is another of its tables:
   * read through `rowsOf(facts)` it gives what `rowsOf(table)` gives.
   */
  factCodes(table: Table, name: string): { codes: CodeArray; facts: Table } | undefined {
    const side = this.side;
    if (!side || !side.links.has(table)) return undefined;
    return { codes: factCodes(side, table, name), facts: side.facts };
  }

  /**
   * Whether each row `source` allowed in `table` is in exactly one frame row
   * (the other frame rows holding its null row): an aggregation of its
   * fields over this frame then equals one over the table alone.
   */
  holdsEachRowOnce(table: Table): boolean {
    return this.once.has(table);
  }

  /** Whether some frame row holds `table`'s null row (no row of it matched). */
  hasNullRows(table: Table): boolean {
    return this.padded.has(table);
  }

  /** Table row of every frame row for `table`. */
  rowsOf(table: Table): Int32Array {
    let rows = this.rowsByTable.get(table);
    if (!rows && this.side?.links.has(table)) {
      rows = dimensionRows(this.side, table, (near) => this.rowsOf(near));
      this.rowsByTable.set(table, rows);
    }
    if (!rows)
      throw new AggregateError('NO_JOIN_PATH', `Table "${table.name}" is not part of this frame`);
    return rows;
  }
}

/** Which tables hold each of their rows once after a join: as before, only the child, or none. */
type Once = 'kept' | 'child' | 'none';

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
  // A dimension table alone in the frame, joined to a bigger table: the frame
  // follows the bigger table's rows, so later reads of its columns are in order.
  if (rows.size === 1 && childRows.length > 4 * length) {
    const flipped = joinInChildOrder(
      parent,
      parentRows,
      parentCodes,
      child,
      childRows,
      childCodes,
      nullCode,
    );
    if (flipped) return flipped;
  }
  const { start, members } = rowsByCode(childCodes, childRows, nullCode);
  // A small parent (a dimension table at the root) may still repeat into many rows: the child's size counts too.
  const parallel = runsInParallel(Math.max(length, childRows.length));
  // A dimension table (one row per key), seen from its own rows: one lookup pass, no counting pass.
  if (keysUnique(start, nullCode))
    return uniqueKeyJoin(rows, length, parentCodes, parentRows, child, childRows, childCodes, {
      start,
      members,
      nullCode,
    });
  const threaded = parallel
    ? keyMatchesOnThreads(parentCodes, parentRows, start, nullCode, length)
    : undefined;
  const matched = threaded?.matched ?? new Uint8Array(nullCode + 1);
  let total = threaded?.total ?? 0;
  let childPadded = threaded?.childPadded ?? false;
  let most = threaded?.most ?? 0;
  const serialRows = threaded ? 0 : length;
  for (let i = 0; i < serialRows; i++) {
    const code = parentCodes[parentRows[i]!]!;
    const count = code < nullCode ? start[code + 1]! - start[code]! : 0;
    if (count > 0) matched[code] = 1;
    else childPadded = true;
    if (count > most) most = count;
    total += Math.max(count, 1);
  }
  let orphans = 0;
  if (runsInParallel(childRows.length)) orphans = orphansOnThreads(childCodes, childRows, matched);
  else
    for (let i = 0; i < childRows.length; i++) if (!matched[childCodes[childRows[i]!]!]) orphans++;
  total += orphans;
  // A dimension table (one row per key): frame rows keep their place, nothing is repeated.
  if (most <= 1)
    return lookupJoin(rows, length, parentCodes, parentRows, child, childRows, childCodes, {
      start,
      members,
      matched,
      nullCode,
      orphans,
      childPadded,
    });
  const source = rowArray(Int32Array, total);
  const childOut = rowArray(Int32Array, total);
  let out = 0;
  if (threaded && isShared(source) && isShared(childOut)) {
    const match = [parentCodes, parentRows, start, members, nullCode, child.rowCount] as const;
    expandOnThreads(match, threaded.chunkStarts, source, childOut, length);
    out = total - orphans;
  } else
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
  return {
    rows: expanded,
    length: total,
    childPadded,
    framePadded: orphans > 0,
    once: 'none' as Once,
  };
}

// The join when every frame row matches at most one child row: frame row i
// stays row i, the child's row is a lookup of its key, and the child rows no
// frame row matches come last (with every other table's null row).
function lookupJoin(
  rows: Map<Table, Int32Array>,
  length: number,
  parentCodes: ArrayLike<number>,
  parentRows: Int32Array,
  child: Table,
  childRows: Int32Array,
  childCodes: ArrayLike<number>,
  keyed: {
    readonly start: Int32Array;
    readonly members: Int32Array;
    readonly matched: Uint8Array;
    readonly nullCode: number;
    readonly orphans: number;
    readonly childPadded: boolean;
  },
) {
  const { start, members, matched, nullCode, orphans, childPadded } = keyed;
  const total = length + orphans;
  const childOut = rowArray(Int32Array, total, length);
  // The counting pass already knows the keys met: the lookup's own marks are not needed.
  const lookup = [parentCodes, parentRows, start, members, nullCode, child.rowCount] as const;
  lookupMatches(lookup, childOut, length);
  return appendUnmatched(rows, length, child, childRows, childCodes, {
    matched,
    orphans,
    childPadded,
    childOut,
  });
}

// lookupJoin when the child's keys are known unique: the pass that looks each
// frame row's child row up also marks the keys met (on the engine's threads
// for a big frame), so the count of child rows no frame row meets is known
// only afterwards.
function uniqueKeyJoin(
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
  // Room for the child rows no frame row meets, whose count is known after the pass.
  const room = rowArray(Int32Array, length + childRows.length, length);
  const lookup = [parentCodes, parentRows, start, members, nullCode, child.rowCount] as const;
  const { matched, childPadded } = lookupMatches(lookup, room, length);
  return withOrphans(rows, length, child, childRows, childCodes, room, matched, childPadded);
}

// uniqueKeyJoin's end: the child rows no frame row met, counted, then appended.
function withOrphans(
  rows: Map<Table, Int32Array>,
  length: number,
  child: Table,
  childRows: Int32Array,
  childCodes: ArrayLike<number>,
  room: Int32Array,
  matched: Uint8Array,
  childPadded: boolean,
) {
  let orphans = 0;
  if (runsInParallel(childRows.length)) orphans = orphansOnThreads(childCodes, childRows, matched);
  else
    for (let i = 0; i < childRows.length; i++) if (!matched[childCodes[childRows[i]!]!]) orphans++;
  const childOut = room.subarray(0, length + orphans);
  return appendUnmatched(rows, length, child, childRows, childCodes, {
    matched,
    orphans,
    childPadded,
    childOut,
  });
}

// After frame rows 0..length got their child row: the child rows no frame row
// met come last, with the null row of every table joined so far.
function appendUnmatched(
  rows: Map<Table, Int32Array>,
  length: number,
  child: Table,
  childRows: Int32Array,
  childCodes: ArrayLike<number>,
  joined: {
    readonly matched: Uint8Array;
    readonly orphans: number;
    readonly childPadded: boolean;
    readonly childOut: Int32Array;
  },
) {
  const { matched, orphans, childPadded, childOut } = joined;
  const total = length + orphans;
  let out = length;
  for (let i = 0; i < childRows.length; i++) {
    const row = childRows[i]!;
    if (!matched[childCodes[row]!]) childOut[out++] = row;
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
  return {
    rows: expanded,
    length: total,
    childPadded,
    framePadded: orphans > 0,
    once: 'kept' as Once,
  };
}

// The table's row for every new frame row; source -1 (no frame row) is its null row.
function gatherRows(tableRows: Int32Array, source: Int32Array, nullRow: number): Int32Array {
  const out = rowArray(Int32Array, source.length);
  if (runsInParallel(source.length) && isShared(out)) {
    gatherOnThreads(tableRows, source, nullRow, out);
    return out;
  }
  for (let i = 0; i < source.length; i++) {
    const from = source[i]!;
    out[i] = from < 0 ? nullRow : tableRows[from]!;
  }
  return out;
}

// Whether no key code has two rows (the null code's rows aside).
function keysUnique(start: Int32Array, nullCode: number): boolean {
  for (let c = 0; c < nullCode; c++) if (start[c + 1]! - start[c]! > 1) return false;
  return true;
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
