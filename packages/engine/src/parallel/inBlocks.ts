import { enginePool, parallelism } from './engineThreads.js';
import { type AccumulatorArg, type Block, type BlockLoop, runBlocks } from './runBlocks.js';
import { shareable } from './sharedArrays.js';
import { noteSplit } from './splitChoice.js';

/** An accumulator argument of `length` slots starting at `initial`, merged with `merge`. */
export function accumulator(
  length: number,
  initial = 0,
  merge: AccumulatorArg['merge'] = 'add',
): AccumulatorArg {
  return { accumulator: true, length, initial, merge };
}

/** Whether a scan of `rows` rows runs in blocks (and, with a pool, on several threads). */
export function runsInBlocks(rows: number): boolean {
  return rows >= parallelism().minRows;
}

/** Whether a scan of `rows` rows that needs no blocks for its result runs on several threads. */
export function runsInParallel(rows: number): boolean {
  return runsInBlocks(rows) && enginePool() !== undefined;
}

/**
 * Whether a pass over `rows` rows runs in `FIXED_BLOCKS` blocks
 * (`reduceInFixedBlocks`): from a quarter of the split threshold up to it,
 * where `reduceInBlocks` leaves a scan whole.
 */
export function runsInFixedBlocks(rows: number): boolean {
  const { minRows } = parallelism();
  return rows >= minRows / 4 && rows < minRows;
}

/** How many blocks `reduceInFixedBlocks` cuts its rows into (one accumulator set each). */
export const FIXED_BLOCKS = 8;

/**
 * `reduceInBlocks` over FIXED_BLOCKS blocks of rows 0..length, for passes
 * shorter than the split threshold: blocks of a few hundred microseconds,
 * which threads claim as they go. The blocks depend on the row count only,
 * so the sums are the same with or without worker threads.
 */
export function reduceInFixedBlocks(
  loop: BlockLoop,
  args: readonly unknown[],
  length: number,
): Float64Array[] {
  const specs = args.filter(isAccumulator);
  const blocks = blocksOf(length, Math.max(Math.ceil(length / FIXED_BLOCKS), 1));
  const pool = enginePool();
  const perBlock =
    pool && parallelism().threads > 1
      ? pool.run(loop, args.map(shareable), blocks)
      : runBlocks(loop, args, blocks);
  return mergeBlocks(specs, perBlock);
}

/**
 * Runs `loop` over rows 0..length in fixed blocks, spread over the engine's
 * threads, and returns its accumulators merged across the blocks in block
 * order (so a sum is the same for any thread count).
 */
export function reduceInBlocks(
  loop: BlockLoop,
  args: readonly unknown[],
  length: number,
): Float64Array[] {
  const specs = args.filter(isAccumulator);
  // Counts, minimums and maximums do not depend on the order: one block per thread.
  const orderFree = specs.every((spec) => spec.merge !== 'add');
  return mergeBlocks(specs, runSplit(loop, args, length, orderFree));
}

// Each accumulator's blocks merged in block order.
function mergeBlocks(specs: readonly AccumulatorArg[], perBlock: Float64Array[][]): Float64Array[] {
  return specs.map((spec, k) => {
    const merged = perBlock[0]?.[k] ?? new Float64Array(spec.length).fill(spec.initial);
    for (let b = 1; b < perBlock.length; b++) mergeInto(merged, perBlock[b]![k]!, spec.merge);
    return merged;
  });
}

/** Runs `loop` (which writes into shared arrays) over rows 0..length across the engine's threads. */
export function fillInBlocks(loop: BlockLoop, args: readonly unknown[], length: number): void {
  runSplit(loop, args, length, true);
}

function runSplit(
  loop: BlockLoop,
  args: readonly unknown[],
  length: number,
  orderFree: boolean,
): Float64Array[][] {
  const pool = enginePool();
  const { threads } = parallelism();
  // Order-free merges (counts, minimums, maximums, writes into shared arrays) take
  // any blocks: a few per thread, so a thread that starts late leaves its blocks to the others.
  const size = orderFree ? Math.ceil(length / (threads * ORDER_FREE_BLOCKS)) : blockSize(length);
  if (!pool || threads <= 1)
    return runBlocks(loop, args, orderFree ? [[0, length]] : blocksOf(length, Math.max(size, 1)));
  const blocks = blocksOf(length, Math.max(size, 1));
  const started = performance.now();
  const results = pool.run(loop, args.map(shareable), blocks, orderFree);
  noteSplit(loop, performance.now() - started, pool.lastOwnMs, pool.lastOwnShare);
  return results;
}

// Blocks per thread of an order-free loop.
const ORDER_FREE_BLOCKS = 4;

/** How many blocks an order-dependent sum over `length` rows runs in (with one accumulator each). */
export function blockCount(length: number): number {
  return Math.ceil(length / Math.max(blockSize(length), 1));
}

// Sums: blocks of a size that depends on the row count only, never on the threads.
function blockSize(length: number): number {
  return Math.max(parallelism().blockRows, Math.ceil(length / MAX_BLOCKS));
}

// At most this many blocks (so as many accumulators per sum), whatever the row count.
const MAX_BLOCKS = 16;

function blocksOf(length: number, size: number): Block[] {
  const blocks: Block[] = [];
  for (let from = 0; from < length; from += size)
    blocks.push([from, Math.min(length, from + size)]);
  return blocks;
}

function isAccumulator(arg: unknown): arg is AccumulatorArg {
  return arg !== null && typeof arg === 'object' && 'accumulator' in arg;
}

function mergeInto(into: Float64Array, from: Float64Array, merge: AccumulatorArg['merge']): void {
  // Compared as the loops compare (a tie keeps the earlier block's value).
  if (merge === 'add' || merge === 'count')
    for (let g = 0; g < into.length; g++) into[g]! += from[g]!;
  else if (merge === 'min') {
    for (let g = 0; g < into.length; g++) if (from[g]! < into[g]!) into[g] = from[g]!;
  } else for (let g = 0; g < into.length; g++) if (from[g]! > into[g]!) into[g] = from[g]!;
}
