import type { FieldNumberFormat } from './FieldNumberFormat.js';
import type { FieldTag } from './FieldTag.js';
import type { SymbolTable } from './SymbolTable.js';

/** A field of the data model: one symbol table shared by every table holding it. */
export class Field {
  constructor(
    /** Position in `DataModel.fields`. */
    readonly index: number,
    readonly name: string,
    readonly symbols: SymbolTable,
    readonly tags: readonly FieldTag[],
    /** Indexes (in `DataModel.tables`) of the tables that hold this field. */
    readonly tableIndexes: readonly number[],
    /** The number format its source gave it (a QVD's), if any. */
    readonly numberFormat?: FieldNumberFormat,
  ) {}

  /** Number of distinct values. */
  get cardinality(): number {
    return this.symbols.size;
  }

  /** Whether the field links two or more tables. */
  get isKey(): boolean {
    return this.tableIndexes.length > 1;
  }

  /** Whether the field is a system or synthetic field hidden from field lists. */
  get isHidden(): boolean {
    return this.tags.includes('$hidden');
  }

  /** Whether the field carries `tag`. */
  hasTag(tag: FieldTag): boolean {
    return this.tags.includes(tag);
  }
}
