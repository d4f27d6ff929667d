import { Dual, type Value } from '../value/Value.js';
import type { ColumnBuilder } from './ColumnBuilder.js';

/** A value as it crosses to another thread: duals as [text, num]. */
export type PortableValue = number | string | [string, number];

/**
 * Rows of part of a source encoded by a worker thread into dictionary
 * columns of its own (undefined where a field is not loaded).
 */
export interface ColumnsPart {
  readonly rows: number;
  readonly columns: ({ values: PortableValue[]; indexes: Int32Array } | undefined)[];
}

/** The part's columns, ready to post: tight index arrays (whose buffers can be transferred), portable values. */
export function columnsPart(
  rows: number,
  targets: readonly (ColumnBuilder | undefined)[],
): ColumnsPart {
  const columns = targets.map((target) => {
    if (!target) return undefined;
    const { values, indexes } = target.toLoadedColumn();
    return { values: values.map(portable), indexes: indexes.slice() };
  });
  return { rows, columns };
}

function portable(value: Value): PortableValue {
  if (value === null) throw new Error('a dictionary holds no null');
  return typeof value === 'object' ? [value.text, value.num] : value;
}

/**
 * Appends a worker's rows to the columns: its dictionary entries are looked
 * up (or added, in its first-seen order) in each column's, so the columns
 * come out as one thread reading the whole source makes them.
 */
export function appendColumnsPart(
  targets: readonly (ColumnBuilder | undefined)[],
  part: ColumnsPart,
): number {
  const rows = part.rows;
  targets.forEach((target, c) => {
    const column = part.columns[c];
    if (!target || !column) return;
    const remap = Int32Array.from(column.values, (value) =>
      target.indexOf(Array.isArray(value) ? new Dual(value[0], value[1]) : value),
    );
    // The worker's array is ours (transferred): rewritten in place, then copied in at once.
    const indexes = column.indexes.subarray(0, rows);
    for (let r = 0; r < rows; r++) {
      const local = indexes[r];
      if (local >= 0) indexes[r] = remap[local];
    }
    target.appendIndexes(indexes);
  });
  return rows;
}
