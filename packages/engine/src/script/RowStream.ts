import type { DelimitedCell } from '../io/DelimitedParser.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import type { Value } from '../value/Value.js';

/** A batch of source rows; each row holds one value per source field. */
export type RowBatch = readonly (readonly Value[])[];

/** The rows a LOAD reads: field names first, then batches of rows. */
export type RowStream = ValueRowStream | TextRowStream;

/** Rows whose values are already typed (JSON, RESIDENT, AUTOGENERATE). */
export interface ValueRowStream {
  readonly kind: 'values';
  readonly fieldNames: readonly string[];
  readonly batches: AsyncIterable<RowBatch> | Iterable<RowBatch>;
}

/**
 * Rows of texts read from a delimited file, not yet interpreted: a plain
 * `LOAD *` encodes each distinct text once, straight into the dictionary.
 */
export interface TextRowStream {
  readonly kind: 'texts';
  readonly fieldNames: readonly string[];
  readonly batches: AsyncIterable<DelimitedCell[][]> | Iterable<DelimitedCell[][]>;
  readonly numbers: NumberInterpretation;
}
