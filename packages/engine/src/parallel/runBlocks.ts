/**
 * A loop over rows `from` (inclusive) to `to` (exclusive); its other
 * arguments are typed arrays, numbers and the accumulators it adds into.
 */
export type BlockLoop = (from: number, to: number, ...args: never[]) => void;

/** A row range: [from, to). */
export type Block = readonly [from: number, to: number];

/**
 * An argument standing for an accumulator: each block gets a fresh
 * Float64Array of `length` entries set to `initial`, and the blocks' arrays
 * are merged in block order with `merge`: `add` for sums (whose rounding
 * depends on the order), `count` for sums of whole numbers (exact in any
 * order), `min`/`max` (a tie keeps the earlier block's value).
 */
export interface AccumulatorArg {
  readonly accumulator: true;
  readonly length: number;
  readonly initial: number;
  readonly merge: 'add' | 'count' | 'min' | 'max';
}

/** A block's index and its accumulators; index -1 for a thread's pooled accumulators. */
export type BlockResult = [index: number, accumulators: Float64Array[]];

/**
 * Runs `loop` over each block in turn with fresh accumulators in place of
 * the accumulator arguments, and returns per block its accumulators.
 */
export function runBlocks(
  loop: BlockLoop,
  args: readonly unknown[],
  blocks: readonly Block[],
): Float64Array[][] {
  const claims = new Int32Array(blocks.length);
  return runClaimed(loop, args, blocks, claims, 0, false).map(([, accumulators]) => accumulators);
}

/**
 * Runs `loop` over the blocks this thread claims in `claims` (0 free, else
 * the `mark` of the thread that took it; threads share it, so each block
 * runs once): the block at `start` first, then those after it, then those
 * before it. Returns per block run
 * its index and fresh accumulators or, with `pooled` (merges that do not
 * depend on the order), one set of accumulators for every block this thread
 * ran, under index -1 (none when it ran no block). It reads nothing outside
 * itself: worker threads run its source text.
 */
export function runClaimed(
  loop: BlockLoop,
  args: readonly unknown[],
  blocks: readonly Block[],
  claims: Int32Array,
  start: number,
  pooled: boolean,
  mark = 1,
): BlockResult[] {
  const results: BlockResult[] = [];
  let actual: unknown[] | undefined;
  let fresh: Float64Array[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const index = (start + k) % blocks.length;
    if (Atomics.compareExchange(claims, index, 0, mark) !== 0) continue;
    if (!actual || !pooled) {
      fresh = [];
      actual = args.map((arg) => {
        if (arg === null || typeof arg !== 'object' || !('accumulator' in arg)) return arg;
        const spec = arg as AccumulatorArg;
        const accumulator = new Float64Array(spec.length);
        if (spec.initial !== 0) accumulator.fill(spec.initial);
        fresh.push(accumulator);
        return accumulator;
      });
      results.push([pooled ? -1 : index, fresh]);
    }
    const [from, to] = blocks[index]!;
    (loop as (from: number, to: number, ...rest: unknown[]) => void)(from, to, ...actual);
  }
  return results;
}
