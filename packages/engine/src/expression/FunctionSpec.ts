import type { ScalarFunction } from './EvalContext.js';
import type { FunctionContext, FunctionGroup } from './FunctionGroup.js';

/** A built-in scalar function: its name, group, syntax, arity and implementation. */
export interface FunctionSpec {
  /** The name as Qlik's reference writes it (`Len`, `Num#`, `RangeSum`). */
  readonly name: string;
  readonly group: FunctionGroup;
  /** The syntax as Qlik's reference shows it (`Left(text, count)`), for GetFunctions. */
  readonly signature: string;
  readonly min: number;
  /** `Infinity` for functions taking any number of arguments. */
  readonly max: number;
  readonly fn: ScalarFunction;
  /** Where the function may be called; both when absent. */
  readonly contexts?: readonly FunctionContext[];
}

/** Functions of one family, keyed by upper-cased name. */
export type FunctionTable = Readonly<Record<string, FunctionSpec>>;

/** A function of a family before the family names it: arity, implementation and parameter list. */
export interface FunctionEntry {
  readonly min: number;
  readonly max: number;
  readonly fn: ScalarFunction;
  /** The parameters as the reference writes them, e.g. `text, count [, n]`. */
  readonly params: string;
  readonly contexts?: readonly FunctionContext[];
}

/** Shorthand for a `FunctionEntry`. */
export function fn(
  min: number,
  max: number,
  impl: ScalarFunction,
  params = '',
  contexts?: readonly FunctionContext[],
): FunctionEntry {
  return { min, max, fn: impl, params, contexts };
}

/**
 * A family of functions of one group, keyed by upper-cased name; the
 * entries' keys are the names as Qlik writes them (`Len`, `Num#`).
 */
export function functionFamily(
  group: FunctionGroup,
  entries: Readonly<Record<string, FunctionEntry>>,
): FunctionTable {
  const table: Record<string, FunctionSpec> = {};
  for (const [name, entry] of Object.entries(entries)) {
    table[name.toUpperCase()] = {
      name,
      group,
      signature: `${name}(${entry.params})`,
      min: entry.min,
      max: entry.max,
      fn: entry.fn,
      ...(entry.contexts ? { contexts: entry.contexts } : {}),
    };
  }
  return table;
}
