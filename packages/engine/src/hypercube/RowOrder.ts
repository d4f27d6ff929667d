import type { GroupComparator } from './sortGroups.js';

/**
 * The display order of a cube's rows: row i shows group `at(i)`. A sorted
 * order is worked out lazily: a chart that shows its first rows only gets
 * them by a partial selection, and the whole order is sorted the first time
 * a row past them is read.
 */
export class RowOrder {
  private sorted: Int32Array | undefined;
  /** How many leading rows of `prefixRows` are in their final place. */
  private prefix = 0;
  private prefixRows: Int32Array | undefined;

  private constructor(
    /** The groups shown, in no particular order. */
    readonly groups: Int32Array,
    private readonly sort: ((groups: Int32Array) => Int32Array) | undefined,
    private readonly compare: GroupComparator | undefined,
    private primary: PrimaryNumbers | ((groups: Int32Array) => PrimaryNumbers) | undefined,
  ) {
    if (!sort) this.sorted = groups;
  }

  /** Rows in the order given. */
  static of(groups: Int32Array): RowOrder {
    return new RowOrder(groups, undefined, undefined, undefined);
  }

  /**
   * The groups sorted by `sort` (the whole order at once), or by `compare`
   * for partial orders too; `primary`, when given, orders the groups as
   * `compare` does wherever two of its numbers differ, so a partial
   * selection compares numbers and calls `compare` on ties only (given as
   * a function of the groups, it is worked out when a partial selection
   * first needs it).
   */
  static sorted(
    groups: Int32Array,
    sort: (groups: Int32Array) => Int32Array,
    compare?: GroupComparator,
    primary?: PrimaryNumbers | ((groups: Int32Array) => PrimaryNumbers),
  ): RowOrder {
    return new RowOrder(groups, sort, compare, primary);
  }

  /** Number of rows. */
  get length(): number {
    return this.groups.length;
  }

  /** The group shown at `row`. */
  at(row: number): number {
    if (this.sorted) return this.sorted[row]!;
    if (row < this.prefix) return this.prefixRows![row]!;
    this.ensure(row + 1);
    return (this.sorted ?? this.prefixRows)![row]!;
  }

  /** Every row's group, in display order. */
  all(): Int32Array {
    this.sorted ??= this.sort!(this.groups);
    return this.sorted;
  }

  /**
   * Makes sure the first `count` rows are known: by selecting the smallest
   * `count` groups when that is far fewer than all (a chart's first page),
   * by sorting everything otherwise.
   */
  ensure(count: number): void {
    if (this.sorted || count <= this.prefix) return;
    const n = this.groups.length;
    // The first page exactly; past it, at least four times as many rows each time, so
    // reading row after row selects a few times, not once per row, before sorting all.
    const wanted = this.prefix === 0 ? count : Math.max(count, this.prefix * 4, 1024);
    if (!this.compare || wanted * 16 > n) {
      this.all();
      return;
    }
    if (typeof this.primary === 'function') this.primary = this.primary(this.groups);
    this.prefixRows = smallest(this.groups, wanted, this.compare, this.primary);
    this.prefix = wanted;
  }
}

/**
 * A number per group that orders as the first sort key does where two
 * differ: `values[g]` in direction `dir`, NaN (null, last either way) after
 * every number.
 */
export interface PrimaryNumbers {
  readonly values: Float64Array;
  readonly dir: number;
}

const NO_NUMBERS = new Float64Array(0);

/** The `k` smallest groups by `compare`, sorted: a bounded max-heap over one pass. */
function smallest(
  groups: Int32Array,
  k: number,
  compare: GroupComparator,
  primary: PrimaryNumbers | undefined,
): Int32Array {
  const sign = primary ? (primary.dir > 0 ? 1 : -1) : 0;
  return selectSmallest(groups, k, compare, primary?.values ?? NO_NUMBERS, sign);
}

// The heap orders groups by their primary numbers where those differ and asks
// `compare` on ties only: a comparator is a closure made per chart, and after a
// full collection V8 runs a new one's code interpreted until it compiles it
// again (one call per comparison, thousands per page). Typed arrays, numbers
// and the comparator only, for the same reason (bench/engine/HISTORY.md,
// "Machine code lost to full collections"). `sign` 0: no numbers, `compare` alone.
function selectSmallest(
  groups: Int32Array,
  k: number,
  compare: GroupComparator,
  values: Float64Array,
  sign: number,
): Int32Array {
  const heap = new Int32Array(k);
  let size = 0;
  let i = 0;
  for (; i < groups.length && size < k; i++) {
    heap[size] = groups[i]!;
    siftUp(heap, size++, compare, values, sign);
  }
  // Most groups lose to the heap's largest on the number alone.
  let top = size > 0 && sign !== 0 ? turned(values[heap[0]!]!, sign) : 0;
  for (; i < groups.length; i++) {
    const g = groups[i]!;
    if (sign !== 0) {
      const mine = turned(values[g]!, sign);
      if (mine > top || (mine === top && compare(g, heap[0]!) >= 0)) continue;
    } else if (compare(g, heap[0]!) >= 0) continue;
    heap[0] = g;
    siftDown(heap, size, compare, values, sign);
    if (sign !== 0) top = turned(values[heap[0]!]!, sign);
  }
  // The largest left is taken off the heap each time: the groups in ascending order.
  const out = new Int32Array(size);
  for (let n = size; n > 0; n--) {
    out[n - 1] = heap[0]!;
    heap[0] = heap[n - 1]!;
    siftDown(heap, n - 1, compare, values, sign);
  }
  return out;
}

/** A primary number turned so that smaller sorts first (negated when descending), NaN (null) after every number. */
function turned(value: number, sign: number): number {
  return value !== value ? Infinity : sign * value;
}

/** Whether group a comes before b (negative), after (positive): by the turned numbers where they differ, else by `compare`. */
function order(
  a: number,
  b: number,
  compare: GroupComparator,
  values: Float64Array,
  sign: number,
): number {
  if (sign !== 0) {
    const x = turned(values[a]!, sign);
    const y = turned(values[b]!, sign);
    if (x !== y) return x < y ? -1 : 1;
  }
  return compare(a, b);
}

function siftUp(
  heap: Int32Array,
  at: number,
  compare: GroupComparator,
  values: Float64Array,
  sign: number,
): void {
  const item = heap[at]!;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (order(heap[parent]!, item, compare, values, sign) >= 0) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = item;
}

function siftDown(
  heap: Int32Array,
  size: number,
  compare: GroupComparator,
  values: Float64Array,
  sign: number,
): void {
  const item = heap[0]!;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && order(heap[child + 1]!, heap[child]!, compare, values, sign) > 0)
      child++;
    if (order(heap[child]!, item, compare, values, sign) <= 0) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = item;
}
