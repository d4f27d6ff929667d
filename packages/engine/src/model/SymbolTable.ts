import { Dual, type Value } from '../value/Value.js';

/**
 * The distinct values of one field, each a dual (text and number, NaN when it
 * has no number). A value's index here is its `qElemNumber`; the order is the
 * first-seen load order across all tables.
 */
export class SymbolTable {
  private textLookup: Map<string, number> | undefined;
  private numLookup: Map<number, number> | undefined;
  private allTexts: string[] | undefined;

  constructor(
    /**
     * Text of each value; undefined where it is the number's own text
     * (`String(num)`), which is then made when asked for: a load of a million
     * distinct numbers need not spell out a million strings before anyone reads them.
     */
    private readonly givenTexts: readonly (string | undefined)[],
    /** Number of each value, NaN for values with no number. */
    readonly nums: Float64Array,
  ) {}

  /** Number of distinct values. */
  get size(): number {
    return this.nums.length;
  }

  /** Text of each value (made once, on first read, where the load left them to the numbers). */
  get texts(): readonly string[] {
    this.allTexts ??= Array.from({ length: this.size }, (_, i) => this.text(i));
    return this.allTexts;
  }

  /** Text of value `index`. */
  text(index: number): string {
    return this.givenTexts[index] ?? String(this.nums[index]);
  }

  /** Whether value `index` is spelled as its number's own text (a plain number: digits, sign, point, exponent). */
  hasNumberText(index: number): boolean {
    return this.givenTexts[index] === undefined;
  }

  /** Number of value `index`, NaN when it has none. */
  num(index: number): number {
    return this.nums[index];
  }

  /** Whether value `index` has a number. */
  isNumeric(index: number): boolean {
    return !Number.isNaN(this.nums[index]);
  }

  /** Value `index` as the engine's `Value` (a primitive when text and number agree). */
  value(index: number): Value {
    const num = this.nums[index];
    const text = this.givenTexts[index];
    if (text === undefined) return num;
    if (Number.isNaN(num)) return text;
    return String(num) === text ? num : new Dual(text, num);
  }

  /** Index of the first value whose text is `text`, or -1. */
  indexOfText(text: string): number {
    this.textLookup ??= indexTexts(this.texts);
    return this.textLookup.get(text) ?? -1;
  }

  /** Index of the first value whose number is `num`, or -1. */
  indexOfNum(num: number): number {
    this.numLookup ??= indexNums(this.nums);
    return this.numLookup.get(num) ?? -1;
  }
}

function indexTexts(texts: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < texts.length; i++) if (!map.has(texts[i])) map.set(texts[i], i);
  return map;
}

function indexNums(nums: Float64Array): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    if (!Number.isNaN(nums[i]) && !map.has(nums[i])) map.set(nums[i], i);
  }
  return map;
}
