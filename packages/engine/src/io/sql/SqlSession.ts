import type { FormatSettings } from '../../value/FormatSettings.js';
import type { Value } from '../../value/Value.js';

/** The rows a statement sends back: its column names, then batches of rows already as Qlik values. */
export interface SqlRows {
  readonly fieldNames: readonly string[];
  /** Read once; ending the iteration early releases the database cursor. */
  readonly batches: AsyncIterable<Value[][]>;
}

/** How a query's values become Qlik values: dates and timestamps get their texts from these formats. */
export interface SqlQueryOptions {
  readonly format: FormatSettings;
  readonly signal?: AbortSignal;
}

/** An open connection to a database, as `LIB CONNECT TO` makes one for the `SQL` statements after it. */
export interface SqlSession {
  /** Sends one statement; rows stream from the database a batch at a time. A statement that returns no columns yields none. */
  query(sql: string, options: SqlQueryOptions): Promise<SqlRows>;
  close(): Promise<void>;
}

/** Rows per batch a connector hands to the LOAD. */
export const SQL_BATCH_ROWS = 8192;

/** What a statement that returns no columns (CREATE, INSERT, ...) gives back. */
export function noRows(): SqlRows {
  return { fieldNames: [], batches: (async function* () {})() };
}
