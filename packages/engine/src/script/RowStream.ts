import type { Value } from '../value/Value.js';

/** A batch of source rows; each row holds one value per source field. */
export type RowBatch = readonly (readonly Value[])[];

/** The rows a LOAD reads: field names first, then batches of rows. */
export interface RowStream {
  readonly fieldNames: readonly string[];
  readonly batches: AsyncIterable<RowBatch> | Iterable<RowBatch>;
}
