import { Dual, type Value } from '../value/Value.js';
import { SymbolTable } from './SymbolTable.js';
import { SymbolTableNumberIndex } from './SymbolTableNumberIndex.js';

/**
 * Merges the dictionaries of same-named columns into one symbol table.
 * Values with a number are the same symbol when their numbers are equal (the
 * first text seen wins, as in Qlik); values with no number by their text.
 */
export class SymbolTableBuilder {
  /** Per symbol its text, undefined for a plain number (the table spells it when asked). */
  private readonly texts: (string | undefined)[] = [];
  private readonly nums: number[] = [];
  private readonly byNum = new SymbolTableNumberIndex();
  private readonly byText = new Map<string, number>();
  private nanIndex = -1;

  /** Number of symbols so far. */
  get size(): number {
    return this.nums.length;
  }

  /** Adds `value` if new and returns its symbol index. */
  add(value: Exclude<Value, null>): number {
    if (typeof value === 'number') return this.addNumeric(undefined, value);
    if (typeof value === 'string') return this.addText(value);
    if (value instanceof Dual && !Number.isNaN(value.num))
      return this.addNumeric(value.text, value.num);
    return this.addText(value.text);
  }

  /** Maps each of a column's local values to its symbol index. */
  addAll(values: readonly Value[]): Int32Array {
    const remap = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      remap[i] = value === null ? -1 : this.add(value);
    }
    return remap;
  }

  /** Freezes the symbols gathered so far. */
  build(): SymbolTable {
    return new SymbolTable(this.texts, Float64Array.from(this.nums));
  }

  /** `text` undefined: a plain number, whose text is left to the symbol table. */
  private addNumeric(text: string | undefined, num: number): number {
    // NaN equals nothing in the index; it is one symbol of its own, spelled 'NaN'.
    if (Number.isNaN(num)) {
      if (this.nanIndex < 0) this.nanIndex = this.push(text ?? 'NaN', num);
      return this.nanIndex;
    }
    const known = this.byNum.get(num);
    if (known >= 0) return known;
    const index = this.push(text, num);
    this.byNum.set(num, index);
    return index;
  }

  private addText(text: string): number {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const index = this.push(text, NaN);
    this.byText.set(text, index);
    return index;
  }

  private push(text: string | undefined, num: number): number {
    this.texts.push(text);
    this.nums.push(num);
    return this.nums.length - 1;
  }
}
