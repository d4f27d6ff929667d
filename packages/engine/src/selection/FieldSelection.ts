import type { SymbolSet } from './SymbolSet.js';

/** The selection held in one field: the selected symbols and whether the field is locked. */
export interface FieldSelection {
  readonly values: SymbolSet;
  readonly locked: boolean;
}

/** Selections by field index, in the order the fields were first selected. */
export type Selections = ReadonlyMap<number, FieldSelection>;
