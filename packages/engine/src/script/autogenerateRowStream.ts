import type { Value } from '../value/Value.js';
import type { RowBatch, ValueRowStream } from './RowStream.js';

const BATCH_ROWS = 65_536;
const NO_FIELDS: readonly Value[] = [];

/** `count` records with no fields, for AUTOGENERATE. */
export function autogenerateRowStream(count: number): ValueRowStream {
  return { kind: 'values', fieldNames: [], batches: emptyRowBatches(count) };
}

function* emptyRowBatches(count: number): Generator<RowBatch> {
  const full: readonly Value[][] = new Array(Math.min(BATCH_ROWS, Math.max(count, 0))).fill(
    NO_FIELDS,
  );
  for (let done = 0; done < count; done += BATCH_ROWS) {
    yield count - done >= BATCH_ROWS ? full : full.slice(0, count - done);
  }
}
