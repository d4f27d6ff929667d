import { Dual, type Value } from '../value/Value.js';

/** A record of a JSON file, as JSON.parse makes it. */
export type JsonRecord = Record<string, unknown>;

/** A dictionary column being filled: the index of a value (added when new), and rows by index. */
export interface DictionaryColumn {
  indexOf(value: Value): number;
  pushIndex(index: number): void;
}

/**
 * A JSON value as the engine holds it: numbers stay numbers, strings stay
 * text (dates too), booleans become the duals 'true' -1 / 'false' 0 as in
 * Qlik, null or a missing key is null, and nested values are kept as their JSON text.
 */
export function jsonToValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? new Dual('true', -1) : new Dual('false', 0);
  return JSON.stringify(value);
}
