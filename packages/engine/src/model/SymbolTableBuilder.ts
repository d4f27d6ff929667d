import { Dual, type Value } from '../value/Value.js';
import { SymbolTable } from './SymbolTable.js';

/**
 * Merges the dictionaries of same-named columns into one symbol table.
 * Values with a number are the same symbol when their numbers are equal (the
 * first text seen wins, as in Qlik); values with no number by their text.
 */
export class SymbolTableBuilder {
  private readonly texts: string[] = [];
  private readonly nums: number[] = [];
  private readonly byNum = new Map<number, number>();
  private readonly byText = new Map<string, number>();

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

  /** `text` undefined: a plain number, its text made only when it is new (most adds are repeats). */
  private addNumeric(text: string | undefined, num: number): number {
    const known = this.byNum.get(num);
    if (known !== undefined) return known;
    const index = this.push(text ?? String(num), num);
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

  private push(text: string, num: number): number {
    this.texts.push(text);
    this.nums.push(num);
    return this.texts.length - 1;
  }
}
