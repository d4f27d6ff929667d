import { SymbolTableNumberIndex } from '../model/SymbolTableNumberIndex.js';
import type { ValueKey } from './ColumnBuilder.js';

/**
 * A column's dictionary index by value key: numbers in a typed-array hash
 * (a `Map` slows down past a few hundred thousand number keys, and an id
 * column has one per row), texts in a `Map`, NaN on its own.
 */
export class ValuePositions {
  private readonly numbers = new SymbolTableNumberIndex();
  private readonly texts = new Map<string, number>();
  private nan = -1;

  /** The position stored for `key`, or -1. */
  get(key: ValueKey): number {
    if (typeof key === 'string') return this.texts.get(key) ?? -1;
    return key === key ? this.numbers.get(key) : this.nan;
  }

  /** Stores `position` for `key`, which must not be stored yet. */
  set(key: ValueKey, position: number): void {
    if (typeof key === 'string') this.texts.set(key, position);
    else if (key !== key) this.nan = position;
    else this.numbers.set(key, position);
  }
}
