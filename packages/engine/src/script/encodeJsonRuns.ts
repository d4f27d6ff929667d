import { encodeJsonRecords } from '../io/jsonRecordValues.js';
import { readJsonRuns, type JsonOutline } from '../io/readJsonFile.js';
import { ColumnBuilder } from './ColumnBuilder.js';
import { columnsPart, type ColumnsPart } from './ColumnsPart.js';

/** Some runs of a JSON file's records to encode on their own. */
export interface JsonRunsJob {
  readonly kind: 'json';
  readonly outline: Omit<JsonOutline, 'single'>;
  /** [start, end) byte offsets of the runs, in pairs. */
  readonly runs: readonly number[];
  /** Per field, whether it is loaded. */
  readonly loaded: readonly boolean[];
}

/** Encodes the runs into fresh dictionary columns, as the loading thread would from there on. */
export async function encodeJsonRuns(job: JsonRunsJob): Promise<ColumnsPart> {
  const targets = job.loaded.map((loaded, i) =>
    loaded ? new ColumnBuilder(String(i)) : undefined,
  );
  let rows = 0;
  for await (const records of readJsonRuns(job.outline, job.runs)) {
    encodeJsonRecords(records, job.outline.fieldNames, targets);
    rows += records.length;
  }
  return columnsPart(rows, targets);
}
