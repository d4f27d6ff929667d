/**
 * A Qlik value. Qlik's values are duals: a text and an optional number. A
 * plain number or string is the common case and stays a primitive so that
 * columns of them cost nothing extra; `Dual` carries both when they differ
 * (e.g. a date shown as '2024-01-31' with the number 45322).
 */
export type Value = null | number | string | Dual;

/** A value with both a text and a number, as Qlik's `Dual()` makes. */
export class Dual {
  constructor(
    readonly text: string,
    readonly num: number,
  ) {}
}
