import type { Value } from '../value/Value.js';
import { keyOf } from './ColumnBuilder.js';

/** One key for the values of a row at some positions (GROUP BY groups, Window partitions); NULL is a value of its own. */
export function rowValuesKey(row: readonly Value[], positions: readonly number[]): string {
  return positions
    .map((at) => {
      const value = row[at] ?? null;
      if (value === null) return '\u0000';
      const key = keyOf(value);
      return typeof key === 'number' ? `n${key}` : `s${key}`;
    })
    .join('\u0001');
}
