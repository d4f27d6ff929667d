import type { CodeArray } from './CodeArray.js';
import type { Field } from './Field.js';

/**
 * One field's column in a table: per row the field's symbol index, stored in
 * the narrowest typed array; the code `nullCode` (= the field's cardinality)
 * marks null so a per-symbol mask of cardinality + 1 entries can be indexed by
 * any code without a branch. `codes` has one entry more than the table has
 * rows, always null: the row an outer join pairs with rows that match nothing.
 */
export class Column {
  constructor(
    readonly field: Field,
    readonly codes: CodeArray,
  ) {}

  /** The code that stands for null in `codes`. */
  get nullCode(): number {
    return this.field.cardinality;
  }

  /** Symbol index at `row`, or -1 when the row holds null. */
  symbolAt(row: number): number {
    const code = this.codes[row];
    return code === this.field.cardinality ? -1 : code;
  }
}
