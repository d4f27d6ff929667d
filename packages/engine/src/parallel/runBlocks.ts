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

/**
 * Runs `loop` over each block in turn with fresh accumulators in place of
 * the accumulator arguments, and returns per block its accumulators. It
 * reads nothing outside itself: worker threads run its source text.
 */
export function runBlocks(
  loop: BlockLoop,
  args: readonly unknown[],
  blocks: readonly Block[],
): Float64Array[][] {
  const perBlock: Float64Array[][] = [];
  for (const [from, to] of blocks) {
    const fresh: Float64Array[] = [];
    const actual = args.map((arg) => {
      if (arg === null || typeof arg !== 'object' || !('accumulator' in arg)) return arg;
      const spec = arg as AccumulatorArg;
      const accumulator = new Float64Array(spec.length);
      if (spec.initial !== 0) accumulator.fill(spec.initial);
      fresh.push(accumulator);
      return accumulator;
    });
    (loop as (from: number, to: number, ...rest: unknown[]) => void)(from, to, ...actual);
    perBlock.push(fresh);
  }
  return perBlock;
}
