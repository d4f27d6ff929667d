import type { ScalarFunction } from './EvalContext.js';

/** A built-in scalar function with the number of arguments it accepts. */
export interface FunctionSpec {
  readonly min: number;
  /** `Infinity` for functions taking any number of arguments. */
  readonly max: number;
  readonly fn: ScalarFunction;
}

/** Functions of one family, keyed by upper-cased name. */
export type FunctionTable = Readonly<Record<string, FunctionSpec>>;

/** Shorthand for a `FunctionSpec`. */
export function fn(min: number, max: number, impl: ScalarFunction): FunctionSpec {
  return { min, max, fn: impl };
}
