import { Dual, type Value } from '../value/Value.js';
import type { ColumnBuilder } from './ColumnBuilder.js';

/** What a dictionary entry is: a number, a text, or a dual (its text and its number). */
const NUMBER = 0;
const TEXT = 1;
const DUAL = 2;

/**
 * A worker's dictionary as it crosses to the loading thread in flat arrays
 * (two of them transferred), rather than one small array per dual to clone:
 * entry i is `nums[i]`, `texts[i]` or both, as `kinds[i]` says.
 */
export interface PortableValues {
  readonly kinds: Uint8Array;
  readonly nums: Float64Array;
  /** The text of each text and dual entry; null for a number. */
  readonly texts: (string | null)[];
}

/**
 * Rows of part of a source encoded by a worker thread into dictionary
 * columns of its own (undefined where a field is not loaded).
 */
export interface ColumnsPart {
  readonly rows: number;
  readonly columns: ({ values: PortableValues; indexes: Int32Array } | undefined)[];
}

/**
 * The part's columns, ready to post: each index array is a view of its
 * builder's own buffer, posted as it is (shared when big, else transferred:
 * either costs the same whatever its unused tail, where trimming it first
 * cost two copies).
 */
export function columnsPart(
  rows: number,
  targets: readonly (ColumnBuilder | undefined)[],
): ColumnsPart {
  const columns = targets.map((target) => {
    if (!target) return undefined;
    return {
      values: portableValues(target.values),
      indexes: target.indexes.subarray(0, target.length),
    };
  });
  return { rows, columns };
}

/** The buffers of a part to transfer with it (a shared one crosses as it is, without). */
export function partBuffers(part: ColumnsPart | undefined): ArrayBuffer[] {
  if (!part) return [];
  return part.columns.flatMap((c) =>
    c
      ? [c.indexes.buffer, c.values.kinds.buffer, c.values.nums.buffer].filter(
          (b): b is ArrayBuffer => b instanceof ArrayBuffer,
        )
      : [],
  );
}

function portableValues(values: readonly Value[]): PortableValues {
  const kinds = new Uint8Array(values.length);
  const nums = new Float64Array(values.length);
  const texts: (string | null)[] = new Array<string | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) throw new Error('a dictionary holds no null');
    if (typeof value === 'number') {
      nums[i] = value;
      texts[i] = null;
    } else if (typeof value === 'string') {
      kinds[i] = TEXT;
      nums[i] = NaN;
      texts[i] = value;
    } else {
      kinds[i] = DUAL;
      nums[i] = value.num;
      texts[i] = value.text;
    }
  }
  return { kinds, nums, texts };
}

/** Entry i of a worker's dictionary, made only when the loading thread's column lacks it. */
function valueAt(values: PortableValues, i: number): Value {
  const kind = values.kinds[i];
  if (kind === NUMBER) return values.nums[i];
  if (kind === TEXT) return values.texts[i] as string;
  return new Dual(values.texts[i] as string, values.nums[i]);
}

/**
 * Appends a worker's rows to the columns: its dictionary entries are looked
 * up by key (or added, in its first-seen order) in each column's, so the
 * columns come out as one thread reading the whole source makes them.
 */
export function appendColumnsPart(
  targets: readonly (ColumnBuilder | undefined)[],
  part: ColumnsPart,
): number {
  const rows = part.rows;
  targets.forEach((target, c) => {
    const column = part.columns[c];
    if (!target || !column) return;
    const { kinds, nums, texts } = column.values;
    const remap = new Int32Array(kinds.length);
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i];
      const num = nums[i];
      // As keyOf: numbers and duals by number, texts (and duals with no number) by text.
      const key =
        kind === TEXT || (kind === DUAL && Number.isNaN(num)) ? (texts[i] as string) : num;
      const found = target.find(key);
      remap[i] = found >= 0 ? found : target.indexOf(valueAt(column.values, i));
    }
    target.appendRemapped(column.indexes.subarray(0, rows), remap);
  });
  return rows;
}
