import { textToValue, type NumberInterpretation } from '../io/textToValue.js';
import type { Value } from '../value/Value.js';

/** Past this many distinct texts a column's cache stops growing: a unique column gains nothing from it. */
const MAX_CACHED = 100_000;

/** Interprets texts read from a file, remembering the result per distinct text of one column. */
export class TextValueCache {
  private readonly cache = new Map<string, Value>();

  constructor(private readonly numbers: NumberInterpretation) {}

  /** The value for a text, as `textToValue` reads it. */
  valueOf(text: string): Value {
    let value = this.cache.get(text);
    if (value === undefined) {
      value = textToValue(text, this.numbers);
      if (this.cache.size < MAX_CACHED) this.cache.set(text, value);
    }
    return value;
  }
}
