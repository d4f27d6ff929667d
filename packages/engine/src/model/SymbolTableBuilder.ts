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
  private texts: (string | undefined)[] = [];
  /** Per symbol its number (NaN for a text), the first `count` entries of a growing array. */
  private nums = new Float64Array(64);
  private count = 0;
  private readonly byNum = new SymbolTableNumberIndex();
  private readonly byText = new Map<string, number>();
  private nanIndex = -1;
  /** Symbols up to here are in the lookups; adopted ones are added on the first `add`. */
  private indexed = 0;

  /** Number of symbols so far. */
  get size(): number {
    return this.count;
  }

  /** Adds `value` if new and returns its symbol index. */
  add(value: Exclude<Value, null>): number {
    if (this.indexed < this.count) this.indexAdopted();
    if (typeof value === 'number') return this.addNumeric(undefined, value);
    if (typeof value === 'string') return this.addText(value);
    if (value instanceof Dual && !Number.isNaN(value.num))
      return this.addNumeric(value.text, value.num);
    return this.addText(value.text);
  }

  /**
   * Takes the values of a field's first column as its symbols, in order,
   * without a lookup each; the caller vouches that no two share a key
   * (`LoadedColumn.distinct`). False when symbols were added before.
   */
  adopt(values: readonly Value[]): boolean {
    if (this.count > 0) return false;
    const count = values.length;
    const nums = new Float64Array(Math.max(count, 64));
    // Holes where the number spells the text: the symbol table makes those texts when read.
    const texts = new Array<string | undefined>(count);
    for (let i = 0; i < count; i++) {
      const value = values[i];
      if (value === null) throw new Error('a dictionary holds no null');
      if (typeof value === 'number') {
        nums[i] = value;
        if (value !== value) {
          texts[i] = 'NaN';
          this.nanIndex = i;
        }
      } else if (typeof value === 'string') {
        nums[i] = NaN;
        texts[i] = value;
      } else {
        nums[i] = value.num;
        texts[i] = value.text;
      }
    }
    this.nums = nums;
    this.texts = texts;
    this.count = count;
    this.indexed = 0;
    return true;
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
    return new SymbolTable(this.texts, this.nums.slice(0, this.count));
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
    const index = this.count++;
    if (index === this.nums.length) {
      const grown = new Float64Array(index * 2);
      grown.set(this.nums);
      this.nums = grown;
    }
    this.nums[index] = num;
    this.texts[index] = text;
    this.indexed = this.count;
    return index;
  }

  /** Puts the adopted symbols in the lookups, now that another column of the field needs them. */
  private indexAdopted(): void {
    for (let i = this.indexed; i < this.count; i++) {
      const num = this.nums[i];
      const text = this.texts[i];
      // The NaN number (nanIndex) is spelled 'NaN' too, but is no text.
      if (Number.isNaN(num)) {
        if (i !== this.nanIndex && !this.byText.has(text!)) this.byText.set(text!, i);
      } else if (this.byNum.get(num) < 0) this.byNum.set(num, i);
    }
    this.indexed = this.count;
  }
}
