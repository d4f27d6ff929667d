import { Dual, type Value } from '../value/Value.js';
import type { ColumnBuilder } from './ColumnBuilder.js';

/** What a dictionary entry is: a number, a text, or a dual (its text and its number). */
const NUMBER = 0;
const TEXT = 1;
const DUAL = 2;

/**
 * A worker's dictionary as it crosses to the loading thread in flat arrays
 * (two of them transferred), rather than one small array per dual to clone:
 * entry i is `nums[i]`, the next of `texts` or both, as `kinds[i]` says.
 */
export interface PortableValues {
  readonly kinds: Uint8Array;
  readonly nums: Float64Array;
  /**
   * The texts of the text and dual entries, in entry order: none for a
   * number (an array with a slot per entry took 60 ms to clone for the
   * worker's half a million ids of a 1M-row JSON file, most of it on the
   * loading thread).
   */
  readonly texts: string[];
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
  const texts: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) throw new Error('a dictionary holds no null');
    if (typeof value === 'number') nums[i] = value;
    else if (typeof value === 'string') {
      kinds[i] = TEXT;
      nums[i] = NaN;
      texts.push(value);
    } else {
      kinds[i] = DUAL;
      nums[i] = value.num;
      texts.push(value.text);
    }
  }
  return { kinds, nums, texts };
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
    let t = 0;
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i];
      // A number or a text is its own key: one lookup that adds it when new (a worker's half of
      // an id column is half a million of them). A dual is looked up by key first, so only a
      // new one is made.
      if (kind === NUMBER) remap[i] = target.indexOf(nums[i]);
      else if (kind === TEXT) remap[i] = target.indexOf(texts[t++]);
      else {
        // As keyOf: a dual by its number, or by its text when it has no number.
        const num = nums[i];
        const text = texts[t++];
        const found = target.find(Number.isNaN(num) ? text : num);
        remap[i] = found >= 0 ? found : target.indexOf(new Dual(text, num));
      }
    }
    target.appendRemapped(column.indexes.subarray(0, rows), remap);
  });
  return rows;
}
