/** One plain-field aggregation computed in a fused pass. */
export interface FusedSpec {
  readonly op: 'sum' | 'avg' | 'min' | 'max' | 'count';
  /** The field's codes (table rows), and per code its number (NaN for null/text). */
  readonly codes: ArrayLike<number>;
  readonly nums: Float64Array;
  /** The code that means null. */
  readonly nullCode: number;
}

type Kernel = (rows: Int32Array, ofRow: Int32Array, ...columns: unknown[]) => void;

const kernels = new Map<string, Kernel>();

/**
 * Computes several plain-field aggregations (Sum, Avg, Min, Max, Count) over
 * the same frame rows and groups in one pass: one loop, typed-array
 * accumulators per group, no call per row. The loop body is generated once
 * per combination of operations, so each accumulator update is inlined.
 */
export function fusedAggregates(
  specs: readonly FusedSpec[],
  rows: Int32Array,
  ofRow: Int32Array,
  groups: number,
): Float64Array[] {
  const primary = specs.map((spec) => new Float64Array(groups).fill(initialValue(spec.op)));
  const secondary = specs.map(
    (spec) => new Float64Array(spec.op === 'count' || spec.op === 'sum' ? 0 : groups),
  );
  const args: unknown[] = [];
  specs.forEach((spec, k) =>
    args.push(spec.codes, spec.nums, spec.nullCode, primary[k], secondary[k]),
  );
  kernelFor(specs.map((spec) => spec.op))(rows, ofRow, ...args);
  return specs.map((spec, k) => finish(spec.op, primary[k]!, secondary[k]!));
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

function kernelFor(ops: readonly FusedSpec['op'][]): Kernel {
  const key = ops.join(',');
  let kernel = kernels.get(key);
  if (!kernel) {
    kernel = compileKernel(ops);
    kernels.set(key, kernel);
  }
  return kernel;
}

function compileKernel(ops: readonly FusedSpec['op'][]): Kernel {
  const params = ops.flatMap((_, k) => [`c${k}`, `n${k}`, `z${k}`, `p${k}`, `q${k}`]);
  const body = ops.map((op, k) => update(op, k)).join('\n');
  const source = `
    const length = rows.length;
    for (let i = 0; i < length; i++) {
      const r = rows[i];
      const g = ofRow[i];
      ${body}
    }`;
  return new Function('rows', 'ofRow', ...params, source) as Kernel;
}

function update(op: FusedSpec['op'], k: number): string {
  switch (op) {
    case 'count':
      return `if (c${k}[r] !== z${k}) p${k}[g]++;`;
    case 'sum':
      return `{ const v = n${k}[c${k}[r]]; if (v === v) p${k}[g] += v; }`;
    case 'avg':
      return `{ const v = n${k}[c${k}[r]]; if (v === v) { p${k}[g] += v; q${k}[g]++; } }`;
    case 'min':
      return `{ const v = n${k}[c${k}[r]]; if (v === v) { if (v < p${k}[g]) p${k}[g] = v; q${k}[g]++; } }`;
    case 'max':
      return `{ const v = n${k}[c${k}[r]]; if (v === v) { if (v > p${k}[g]) p${k}[g] = v; q${k}[g]++; } }`;
  }
}
