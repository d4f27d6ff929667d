import type { Value } from '../../value/Value.js';
import type { AggregationSpec } from './AggregationSpec.js';
import { valueKey } from './groupReaders.js';

/**
 * Reduces one group's records with an aggregation's kernel. Under DISTINCT
 * the records repeating an earlier record's first argument are dropped (so
 * `Concat(DISTINCT t, ',', w)` keeps each text with its first weight); NULL
 * counts as one value of its own.
 */
export function reduceRecords(
  spec: AggregationSpec,
  columns: readonly (readonly Value[])[],
  constants: readonly (Value | undefined)[],
  distinct: boolean,
): Value {
  if (!distinct || columns.length === 0) return spec.reduce({ columns, constants });
  const first = columns[0]!;
  const seen = new Set<string | number | null>();
  const kept: number[] = [];
  for (let i = 0; i < first.length; i++) {
    const value = first[i]!;
    const key = value === null ? null : valueKey(value);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(i);
  }
  const distinctColumns = columns.map((column) => kept.map((i) => column[i]!));
  return spec.reduce({ columns: distinctColumns, constants });
}
