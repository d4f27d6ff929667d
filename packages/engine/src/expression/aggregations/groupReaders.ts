import { Dual, type Value } from '../../value/Value.js';

/** The number of a value as aggregations read it: a number or a dual's number; text and NULL are none (NaN). */
export function numberOf(value: Value | undefined): number {
  if (typeof value === 'number') return value;
  if (value instanceof Dual) return value.num;
  return NaN;
}

/** The numbers among values, in order; NULL and text are left out. */
export function numbersOf(values: readonly Value[]): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (const value of values) {
    const num = numberOf(value);
    if (num === num) out[n++] = num;
  }
  return out.subarray(0, n);
}

/** The records where every column holds a number, as one array of numbers per column. */
export function numericRows(columns: readonly (readonly Value[])[]): Float64Array[] {
  const length = columns[0]?.length ?? 0;
  const out = columns.map(() => new Float64Array(length));
  let n = 0;
  for (let i = 0; i < length; i++) {
    let complete = true;
    for (const column of columns) {
      const num = numberOf(column[i]);
      if (num !== num) {
        complete = false;
        break;
      }
    }
    if (!complete) continue;
    for (let c = 0; c < columns.length; c++) out[c]![n] = numberOf(columns[c]![i]);
    n++;
  }
  return out.map((column) => column.subarray(0, n));
}

/** A constant argument's number, or the fallback when it was not given or is NULL. */
export function constantNumber(value: Value | undefined, fallback: number): number {
  return value === undefined || value === null ? fallback : numberOf(value);
}

/** A number result: NaN and infinities are NULL. */
export function numberResult(num: number): Value {
  return Number.isFinite(num) ? num : null;
}

/** A key equal for equal values (numbers by number, text by text). */
export function valueKey(value: Value): string | number {
  const num = numberOf(value);
  if (num === num) return num;
  return value instanceof Dual ? value.text : String(value);
}
