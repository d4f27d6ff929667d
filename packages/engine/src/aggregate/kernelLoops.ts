// The loops a column kernel runs: one that writes each frame row's number
// into a vector, and one per grouped aggregation that adds each row's number
// straight into the per-group accumulators (no vector, one pass). Both are
// generated from the kernel's row code and compiled once per shape of code.
import {
  accumulator,
  fillInBlocks,
  reduceInBlocks,
  runsInBlocks,
  runsInParallel,
} from '../parallel/inBlocks.js';
import { type AccumulatorArg, type BlockLoop, runBlocks } from '../parallel/runBlocks.js';
import { type RowGroups, groupCode } from './rowGroups.js';
import { sharedFloat64 } from '../parallel/sharedArrays.js';

/** A compiled argument: the JavaScript of one row's number (NaN for null) and what it reads. */
export interface KernelBody {
  /** The parameter names the code reads its inputs by, in order. */
  readonly names: readonly string[];
  /** The typed arrays behind those names. */
  readonly inputs: readonly unknown[];
  /** Statements run first on every row (the frame row's table rows). */
  readonly loads: string;
  /** How many temporaries (`t0`, `t1`, ...) the code uses. */
  readonly temps: number;
  /** The row's number, an expression over `i`, the loads and the temporaries. */
  readonly code: string;
  /**
   * The same number for a loop that skips null rows, when the code is
   * arithmetic: `set` computes it, `test` says it is a number (finite), then
   * `value` reads it — one test per row instead of a NaN made and tested.
   */
  readonly finite?: { readonly set: string; readonly test: string; readonly value: string };
}

/** What a grouped pass computes per group from the rows' numbers (null rows skipped). */
export type GroupedOp = 'sum' | 'avg' | 'min' | 'max' | 'count';

const loops = new Map<string, BlockLoop>();

/** Each frame row's number, `length` rows (on every thread when the frame is big). */
export function fillRows(body: KernelBody, length: number): Float64Array {
  const loop = loopOf(body, ['out'], 'out[i] = v;');
  if (runsInParallel(length)) {
    const shared = sharedFloat64(length);
    fillInBlocks(loop, [shared, ...body.inputs], length);
    return shared;
  }
  const out = new Float64Array(length);
  (loop as (...args: unknown[]) => void)(0, length, out, ...body.inputs);
  return out;
}

/**
 * `op` of the rows' numbers per group (see RowGroups) in one pass, NaN where
 * a group has none (0 for Sum and Count, as Qlik). With `withTotal`, slot
 * `groups.count` holds `op` over all rows, from the same pass. Sums are
 * added in the fixed row blocks of `reduceInBlocks` when the rows are that
 * many, so results equal the vector path's at any thread count.
 */
export function reduceRows(
  body: KernelBody,
  length: number,
  op: GroupedOp,
  groups: RowGroups,
  withTotal = false,
): Float64Array {
  const slots = groups.count + (withTotal ? 1 : 0);
  const group = groupCode(groups);
  // The total's accumulators are locals through the loop (see fusedAggregates' compileKernel).
  const counted = op === 'avg' || op === 'min' || op === 'max';
  const totalUpdate = UPDATES[op].replaceAll('p[g]', 'tp').replaceAll('q[g]', 'tq');
  const around = withTotal
    ? {
        before: `let tp = p[total];${counted ? ' let tq = q[total];' : ''}`,
        after: `p[total] = tp;${counted ? ' q[total] = tq;' : ''}`,
      }
    : undefined;
  const loop = loopOf(
    body,
    ['total', 'p', 'q', ...group.params],
    `const g = ${group.code}; ${UPDATES[op]}${withTotal ? ` ${totalUpdate}` : ''}`,
    group.key,
    around,
  );
  const args = [groups.count, ...accumulators(op, slots), ...group.args, ...body.inputs];
  const [primary, numbers] = runsInBlocks(length)
    ? reduceInBlocks(loop, args, length)
    : runBlocks(loop, args, [[0, length]])[0]!;
  if (op === 'sum' || op === 'count') return primary!;
  for (let g = 0; g < slots; g++) {
    if (numbers![g] === 0) primary![g] = NaN;
    else if (op === 'avg') primary![g] = primary![g]! / numbers![g]!;
  }
  return primary!;
}

// Per group `p` holds the sum, count or extreme, `q` how many numbers (none: NaN).
const UPDATES: Readonly<Record<GroupedOp, string>> = {
  sum: 'p[g] += v;',
  count: 'p[g]++;',
  avg: 'p[g] += v; q[g]++;',
  min: 'if (v < p[g]) p[g] = v; q[g]++;',
  max: 'if (v > p[g]) p[g] = v; q[g]++;',
};

function accumulators(op: GroupedOp, slots: number): [AccumulatorArg, AccumulatorArg] {
  const numbers = accumulator(op === 'sum' || op === 'count' ? 0 : slots, 0, 'count');
  switch (op) {
    case 'sum':
    case 'avg':
      return [accumulator(slots), numbers];
    case 'count':
      return [accumulator(slots, 0, 'count'), numbers];
    case 'min':
      return [accumulator(slots, Infinity, 'min'), numbers];
    case 'max':
      return [accumulator(slots, -Infinity, 'max'), numbers];
  }
}

// The loop over rows from..to: the row's number `v`, then `use` (null rows skipped unless writing).
function loopOf(
  body: KernelBody,
  params: readonly string[],
  use: string,
  variant = '',
  around?: { readonly before: string; readonly after: string },
): BlockLoop {
  const temps = Array.from({ length: body.temps }, (_, t) => `t${t}`);
  const declare = temps.length > 0 ? `let ${temps.join(', ')};` : '';
  const { finite } = body;
  const row =
    params[0] === 'out'
      ? `const v = ${body.code}; ${use}`
      : finite
        ? `${finite.set} if (${finite.test}) { const v = ${finite.value}; ${use} }`
        : `const v = ${body.code}; if (v === v) { ${use} }`;
  const loopSource = `for (let i = from; i < to; i++) { ${body.loads} ${row} }`;
  const source = `${declare} ${around ? `${around.before} ${loopSource} ${around.after}` : loopSource}`;
  // Typed arrays of other types make other machine code: one function per combination.
  const types = body.inputs.map((input) => (input as object).constructor.name).join(',');
  const key = `${body.names.join(',')}|${types}|${params.join(',')}|${variant}|${source}`;
  let loop = loops.get(key);
  if (!loop) {
    loop = new Function('from', 'to', ...params, ...body.names, source) as BlockLoop;
    loops.set(key, loop);
  }
  return loop;
}
