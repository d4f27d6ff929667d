import type { Value } from '../value/Value.js';
import type { GroupIndex } from './GroupIndex.js';
import type { GroupTarget } from './MeasureEvaluator.js';

/**
 * Results per group of `index` (grouped by `dims`, a subset of the target's
 * dims) looked up for each target group by its symbols in those dims.
 */
export function mapToTarget(
  perGroup: Value[],
  index: GroupIndex,
  dims: readonly string[],
  target: GroupTarget,
  empty: Value,
): Value[] {
  if (index === target.index) return perGroup;
  const positions = dims.map((dim) => target.dims.indexOf(dim));
  const keys = new Int32Array(dims.length);
  const out: Value[] = new Array(target.index.count);
  for (let g = 0; g < out.length; g++) {
    for (let d = 0; d < positions.length; d++) keys[d] = target.index.keys[positions[d]!]![g]!;
    const found = index.find(keys);
    out[g] = found >= 0 ? perGroup[found]! : empty;
  }
  return out;
}
