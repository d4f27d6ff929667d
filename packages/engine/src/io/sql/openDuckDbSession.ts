import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeValue,
  ResultReturnType,
  type DuckDBConnection,
  type DuckDBResult,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Value } from '../../value/Value.js';
import { connectionFailed, sqlError } from './DataConnectionError.js';
import { noRows, type SqlQueryOptions, type SqlRows, type SqlSession } from './SqlSession.js';
import { booleanValue, dateValue, timestampValue, timeValue } from '../typedValues.js';

/**
 * A script reaches its data files and nothing else: without this, DuckDB's SQL
 * reads and writes any file (read_csv('/etc/passwd'), COPY ... TO, ATTACH) and
 * installs extensions. The database file itself stays open to the session.
 */
const SANDBOX = { enable_external_access: 'false' };

/** Days between Qlik's day 0 (1899-12-30) and DuckDB's (1970-01-01). */
const EPOCH_SERIAL = 25569;
const MICROS_PER_DAY = 86_400_000_000;

/**
 * Opens a DuckDB database file (shared with other sessions on the same
 * file through DuckDB's instance cache) or `:memory:`. Results stream a
 * data chunk at a time; DATE, TIME and TIMESTAMP values become duals shown
 * with the script's formats, DECIMAL and BIGINT numbers.
 */
export async function openDuckDbSession(name: string, file: string): Promise<SqlSession> {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  try {
    instance =
      file === ':memory:'
        ? await DuckDBInstance.create(file, SANDBOX)
        : await DuckDBInstance.fromCache(file, SANDBOX);
    connection = await instance.connect();
  } catch (cause) {
    throw connectionFailed(name, 'DuckDB', cause);
  }
  return {
    query: (sql, options) => query(connection, name, sql, options),
    close: async () => {
      connection.closeSync();
      // This closure holds the instance until the session closes: a
      // connection does not keep its instance alive, and a collected cached
      // instance left the next session on the same file hanging.
      if (file === ':memory:') instance.closeSync();
    },
  };
}

async function query(
  connection: DuckDBConnection,
  name: string,
  sql: string,
  options: SqlQueryOptions,
): Promise<SqlRows> {
  let result: DuckDBResult;
  try {
    result = await connection.stream(sql);
  } catch (cause) {
    throw sqlError(name, cause);
  }
  if (result.returnType !== ResultReturnType.QUERY_RESULT) return noRows();
  return { fieldNames: result.columnNames(), batches: batches(result, name, options) };
}

async function* batches(
  result: DuckDBResult,
  name: string,
  options: SqlQueryOptions,
): AsyncGenerator<Value[][]> {
  for (;;) {
    let chunk;
    try {
      chunk = await result.fetchChunk();
    } catch (cause) {
      throw sqlError(name, cause);
    }
    if (!chunk || chunk.rowCount === 0) return;
    const rows = chunk.getRows();
    const batch = new Array<Value[]>(rows.length);
    for (let r = 0; r < rows.length; r++) batch[r] = rows[r].map((cell) => toValue(cell, options));
    yield batch;
  }
}

function toValue(cell: DuckDBValue, options: SqlQueryOptions): Value {
  if (cell === null) return null;
  switch (typeof cell) {
    case 'number':
      return cell;
    case 'string':
      return cell;
    case 'bigint':
      return Number(cell);
    case 'boolean':
      return booleanValue(cell);
  }
  if (cell instanceof DuckDBDateValue) return dateValue(cell.days + EPOCH_SERIAL, options.format);
  if (cell instanceof DuckDBTimestampValue || cell instanceof DuckDBTimestampTZValue)
    return timestampValue(Number(cell.micros) / MICROS_PER_DAY + EPOCH_SERIAL, options.format);
  if (cell instanceof DuckDBTimestampMillisecondsValue)
    return timestampValue(Number(cell.millis) / 86_400_000 + EPOCH_SERIAL, options.format);
  if (cell instanceof DuckDBTimestampSecondsValue)
    return timestampValue(Number(cell.seconds) / 86_400 + EPOCH_SERIAL, options.format);
  if (cell instanceof DuckDBTimestampNanosecondsValue)
    return timestampValue(
      Number(cell.nanos) / (MICROS_PER_DAY * 1000) + EPOCH_SERIAL,
      options.format,
    );
  if (cell instanceof DuckDBTimeValue)
    return timeValue(Number(cell.micros) / MICROS_PER_DAY, options.format);
  if (cell instanceof DuckDBDecimalValue) return cell.toDouble();
  return String(cell);
}
