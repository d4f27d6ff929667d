/** One plain-field aggregation computed in a fused pass. */
export interface FusedSpec {
  readonly op: 'sum' | 'avg' | 'min' | 'max' | 'count';
  /** The field's codes (table rows), and per code its number (NaN for null/text). */
  readonly codes: ArrayLike<number>;
  readonly nums: Float64Array;
  /** The code that means null. */
  readonly nullCode: number;
}

import {
  accumulator,
  reduceInBlocks,
  reduceInFixedBlocks,
  runsInBlocks,
} from '../parallel/inBlocks.js';
import { type GroupCode, type RowGroups, groupCode } from './rowGroups.js';

// (from, to, rows, total, ...the group's arguments, ...five per aggregation)
type Kernel = (from: number, to: number, ...args: unknown[]) => void;

const kernels = new Map<string, Kernel>();

/**
 * Computes several plain-field aggregations (Sum, Avg, Min, Max, Count) over
 * the same frame rows and groups in one pass: one loop, typed-array
 * accumulators per group, no call per row. The loop body is generated once
 * per combination of operations, so each accumulator update is inlined.
 * With `withTotal`, each result has one more slot (index `groups.count`)
 * holding the aggregation over all rows, computed in the same pass.
 */
export function fusedAggregates(
  specs: readonly FusedSpec[],
  rows: Int32Array,
  groups: RowGroups,
  withTotal = false,
): Float64Array[] {
  const slots = groups.count + (withTotal ? 1 : 0);
  const group = groupCode(groups, rows);
  const kernel = kernelFor(
    specs.map((spec) => spec.op),
    withTotal,
    group,
  );
  const leading = [rows, groups.count, ...group.args];
  if (runsInBlocks(rows.length)) return fusedInBlocks(kernel, specs, leading, rows.length, slots);
  const primary = specs.map((spec) => new Float64Array(slots).fill(initialValue(spec.op)));
  const secondary = specs.map(
    (spec) => new Float64Array(spec.op === 'count' || spec.op === 'sum' ? 0 : slots),
  );
  const args: unknown[] = [...leading];
  specs.forEach((spec, k) =>
    args.push(spec.codes, spec.nums, spec.nullCode, primary[k], secondary[k]),
  );
  kernel(0, rows.length, ...args);
  return specs.map((spec, k) => finish(spec.op, primary[k]!, secondary[k]!));
}

/**
 * `fusedAggregates` over groups given by their key slots, in the fixed blocks
 * of `reduceInFixedBlocks` (spread over the engine's threads), plus each
 * slot's first frame row (Infinity for a slot no row reached): what the
 * grouping pass would have numbered, found in the same pass.
 */
export function fusedWithFirstRows(
  specs: readonly FusedSpec[],
  rows: Int32Array,
  groups: Extract<RowGroups, { kind: 'keys' }>,
  withTotal: boolean,
): { results: Float64Array[]; first: Float64Array } {
  const slots = groups.count + (withTotal ? 1 : 0);
  const group = groupCode(groups, rows);
  const kernel = kernelFor(
    specs.map((spec) => spec.op),
    withTotal,
    group,
    true,
  );
  const args = accumulatorArgs(specs, [rows, groups.count, ...group.args], slots);
  args.push(accumulator(groups.count, Infinity, 'min'));
  const merged = reduceInFixedBlocks(kernel, args, rows.length);
  return { results: finishMerged(specs, merged), first: merged[2 * specs.length]! };
}

// The same kernel over blocks of rows, on the engine's threads, the blocks' accumulators merged in order.
function fusedInBlocks(
  kernel: Kernel,
  specs: readonly FusedSpec[],
  leading: readonly unknown[],
  length: number,
  slots: number,
): Float64Array[] {
  return finishMerged(
    specs,
    reduceInBlocks(kernel, accumulatorArgs(specs, leading, slots), length),
  );
}

// The results from accumulatorArgs' accumulators once merged: each aggregation's values and counts.
function finishMerged(
  specs: readonly FusedSpec[],
  merged: readonly Float64Array[],
): Float64Array[] {
  return specs.map((spec, k) => finish(spec.op, merged[2 * k]!, merged[2 * k + 1]!));
}

// The kernel's arguments with, per aggregation, an accumulator of values and one of counts.
function accumulatorArgs(
  specs: readonly FusedSpec[],
  leading: readonly unknown[],
  slots: number,
): unknown[] {
  const args: unknown[] = [...leading];
  for (const spec of specs) {
    const merge =
      spec.op === 'sum' || spec.op === 'avg' ? 'add' : spec.op === 'count' ? 'count' : spec.op;
    const numbers = spec.op === 'count' || spec.op === 'sum' ? 0 : slots;
    args.push(
      spec.codes,
      spec.nums,
      spec.nullCode,
      accumulator(slots, initialValue(spec.op), merge),
    );
    args.push(accumulator(numbers, 0, 'count'));
  }
  return args;
}

function initialValue(op: FusedSpec['op']): number {
  if (op === 'min') return Infinity;
  if (op === 'max') return -Infinity;
  return 0;
}

// Per group: Sum and Avg keep the sum and how many numbers; Min/Max keep the
// extreme and how many numbers (none -> NaN); Count how many non-null codes.
function finish(op: FusedSpec['op'], primary: Float64Array, numbers: Float64Array): Float64Array {
  if (op === 'count' || op === 'sum') return primary;
  for (let g = 0; g < primary.length; g++) {
    if (numbers[g] === 0) primary[g] = NaN;
    else if (op === 'avg') primary[g] = primary[g]! / numbers[g]!;
  }
  return primary;
}

function kernelFor(
  ops: readonly FusedSpec['op'][],
  withTotal: boolean,
  group: GroupCode,
  withFirst = false,
): Kernel {
  const key = `${ops.join(',')}${withTotal ? '+total' : ''}${withFirst ? '+first' : ''}|${group.key}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    kernel = compileKernel(ops, withTotal, group, withFirst);
    kernels.set(key, kernel);
  }
  return kernel;
}

// The group's slot `g`, and with totals also the total's slot `total`, whose
// accumulators are kept in locals through the loop: an update of the same
// array slot on every row waits for the previous row's store (measured: a
// third of a plain Sum's pass with a total).
function compileKernel(
  ops: readonly FusedSpec['op'][],
  withTotal: boolean,
  group: GroupCode,
  withFirst: boolean,
): Kernel {
  const params = ops.flatMap((_, k) => [`c${k}`, `n${k}`, `z${k}`, `p${k}`, `q${k}`]);
  // The slot's first row: rows run in order within a block, the blocks' minimum is the whole's.
  if (withFirst) params.push('first');
  const totals = withTotal
    ? ops.map((op, k) => ({ p: `tp${k}`, q: `tq${k}`, counted: counts(op) }))
    : [];
  const body = ops
    .map((op, k) => {
      const own = update(op, k, `p${k}[g]`, `q${k}[g]`);
      const total = totals[k];
      return total ? `${own}\n${update(op, k, total.p, total.q)}` : own;
    })
    .join('\n');
  const before = totals.map(
    (t, k) => `let ${t.p} = p${k}[total];${t.counted ? ` let ${t.q} = q${k}[total];` : ''}`,
  );
  const after = totals.map(
    (t, k) => `p${k}[total] = ${t.p};${t.counted ? ` q${k}[total] = ${t.q};` : ''}`,
  );
  const source = `
    ${before.join('\n')}
    for (let i = from; i < to; i++) {
      const r = rows[i];
      const g = ${group.code};
      ${withFirst ? 'if (i < first[g]) first[g] = i;' : ''}
      ${body}
    }
    ${after.join('\n')}`;
  return new Function('from', 'to', 'rows', 'total', ...group.params, ...params, source) as Kernel;
}

// Whether an operation keeps a count of numbers beside its value (see finish).
function counts(op: FusedSpec['op']): boolean {
  return op === 'avg' || op === 'min' || op === 'max';
}

function update(op: FusedSpec['op'], k: number, p: string, q: string): string {
  switch (op) {
    case 'count':
      return `if (c${k}[r] !== z${k}) ${p}++;`;
    case 'sum':
      return `{ const v = n${k}[c${k}[r]]; if (v === v) ${p} += v; }`;
    case 'avg':
      return `{ const v = n${k}[c${k}[r]]; if (v === v) { ${p} += v; ${q}++; } }`;
    case 'min':
      return `{ const v = n${k}[c${k}[r]]; if (v === v) { if (v < ${p}) ${p} = v; ${q}++; } }`;
    case 'max':
      return `{ const v = n${k}[c${k}[r]]; if (v === v) { if (v > ${p}) ${p} = v; ${q}++; } }`;
  }
}
