/**
 * A table between reading the load script's output and encoding it: columns
 * hold global symbol indexes (-1 for null) in full-width arrays so synthetic
 * keys can be folded in before the final narrow encoding.
 */
export interface DraftTable {
  readonly name: string;
  readonly rowCount: number;
  readonly columns: DraftColumn[];
  readonly isSynthetic: boolean;
}

/** One column of a draft table. */
export interface DraftColumn {
  readonly name: string;
  readonly codes: Int32Array;
}
