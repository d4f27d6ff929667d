import type { Value } from '../value/Value.js';

/**
 * A table as the load script hands it to the data model: dictionary-encoded
 * columns, one per field, all `rowCount` long. The script interpreter builds
 * these; `DataModel` merges the dictionaries of same-named fields across
 * tables into one symbol table per field and finds the associations.
 */
export interface LoadedTable {
  readonly name: string;
  readonly columns: readonly LoadedColumn[];
  readonly rowCount: number;
}

/** One column of a loaded table. */
export interface LoadedColumn {
  /** Field name; tables associate through fields of the same name. */
  readonly name: string;
  /** Distinct values in first-seen (load) order; never contains null. */
  readonly values: readonly Value[];
  /** Per row, an index into `values`, or -1 for null. Only the first `rowCount` entries count. */
  readonly indexes: Int32Array;
  /**
   * Set when no two values share a key (a number, or a dual's number, by the
   * number; a text by the text): the model then takes a field's first column
   * as its symbols without looking each value up.
   */
  readonly distinct?: boolean;
}
