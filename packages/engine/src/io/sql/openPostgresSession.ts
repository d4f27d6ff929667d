import pg from 'pg';
import Cursor from 'pg-cursor';
import type { FormatSettings } from '../../value/FormatSettings.js';
import type { Value } from '../../value/Value.js';
import { connectionFailed, sqlError } from './DataConnectionError.js';
import {
  noRows,
  SQL_BATCH_ROWS,
  type SqlQueryOptions,
  type SqlRows,
  type SqlSession,
} from './SqlSession.js';
import {
  booleanValue,
  clockFraction,
  dateValue,
  isoSerial,
  timestampValue,
  timeValue,
} from '../typedValues.js';

/** PostgreSQL type oids whose text the connector turns into Qlik values itself. */
const OID = {
  BOOL: 16,
  INT8: 20,
  INT2: 21,
  INT4: 23,
  OID: 26,
  FLOAT4: 700,
  FLOAT8: 701,
  NUMERIC: 1700,
  DATE: 1082,
  TIME: 1083,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

/** Where and as whom to connect. */
export interface PostgresTarget {
  readonly connectionString: string;
  readonly user: string;
  readonly password: string;
}

/**
 * Connects to PostgreSQL (the session's time zone set to UTC, so
 * `timestamptz` values arrive as UTC). Each query runs through a cursor that
 * fetches a batch at a time, so rows stream however many there are; numbers
 * (also int8 and numeric) become numbers, dates, times and timestamps duals
 * shown with the script's formats, booleans 'true' -1 / 'false' 0.
 */
export async function openPostgresSession(
  name: string,
  target: PostgresTarget,
): Promise<SqlSession> {
  let client: pg.Client;
  try {
    client = new pg.Client(clientConfig(target));
  } catch (cause) {
    throw connectionFailed(name, 'PostgreSQL', cause);
  }
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => undefined);
    throw connectionFailed(name, 'PostgreSQL', cause);
  }
  return {
    query: (sql, options) => query(client, name, sql, options),
    close: () => client.end(),
  };
}

/**
 * Host, port, database and TLS from the URL; user and password from the
 * connection's own members (pg would let a URL's empty user override them).
 */
function clientConfig(target: PostgresTarget): pg.ClientConfig {
  const url = new URL(target.connectionString);
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(url.hostname) || 'localhost',
    port: url.port ? Number(url.port) : 5432,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    user: target.user || undefined,
    password: target.password || undefined,
    ssl:
      sslmode === 'require' || sslmode === 'verify-full'
        ? { rejectUnauthorized: sslmode === 'verify-full' }
        : undefined,
    options: '-c TimeZone=UTC',
  };
}

async function query(
  client: pg.Client,
  name: string,
  sql: string,
  options: SqlQueryOptions,
): Promise<SqlRows> {
  const cursor = client.query(
    new Cursor(sql, [], { rowMode: 'array', types: typesFor(options.format) }),
  );
  let first: { rows: unknown[][]; fields: string[] };
  try {
    first = await read(cursor);
  } catch (cause) {
    await closeCursor(cursor);
    throw sqlError(name, cause);
  }
  if (first.fields.length === 0) {
    await closeCursor(cursor);
    return noRows();
  }
  return { fieldNames: first.fields, batches: batches(cursor, first.rows, name, options.signal) };
}

async function* batches(
  cursor: Cursor,
  firstRows: unknown[][],
  name: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<Value[][]> {
  try {
    let rows = firstRows;
    while (rows.length > 0) {
      yield rows as Value[][];
      if (rows.length < SQL_BATCH_ROWS || signal?.aborted) return;
      try {
        rows = (await read(cursor)).rows;
      } catch (cause) {
        throw sqlError(name, cause);
      }
    }
  } finally {
    await closeCursor(cursor);
  }
}

function read(cursor: Cursor): Promise<{ rows: unknown[][]; fields: string[] }> {
  return new Promise((resolve, reject) => {
    cursor.read(SQL_BATCH_ROWS, (error, rows, result) => {
      if (error) reject(error);
      else
        resolve({ rows: rows as unknown[][], fields: (result?.fields ?? []).map((f) => f.name) });
    });
  });
}

function closeCursor(cursor: Cursor): Promise<void> {
  return new Promise((resolve) => cursor.close(() => resolve()));
}

/** Text parsers per type oid: each cell arrives as Postgres's text and leaves as a Qlik value. */
function typesFor(format: FormatSettings): {
  getTypeParser: (oid: number) => (text: string) => Value;
} {
  const number = (text: string): Value => {
    const num = Number(text);
    return Number.isNaN(num) ? null : num;
  };
  const date = (text: string): Value => {
    const parsed = isoSerial(text);
    return parsed ? dateValue(parsed.serial, format) : text;
  };
  const timestamp = (text: string): Value => {
    const parsed = isoSerial(text);
    return parsed ? timestampValue(parsed.serial, format) : text;
  };
  const time = (text: string): Value => {
    const fraction = clockFraction(text);
    return fraction === undefined ? text : timeValue(fraction, format);
  };
  const text = (value: string): Value => value;
  const parsers = new Map<number, (text: string) => Value>([
    [OID.BOOL, (value) => booleanValue(value === 't')],
    [OID.INT8, number],
    [OID.INT2, number],
    [OID.INT4, number],
    [OID.OID, number],
    [OID.FLOAT4, number],
    [OID.FLOAT8, number],
    [OID.NUMERIC, number],
    [OID.DATE, date],
    [OID.TIME, time],
    [OID.TIMESTAMP, timestamp],
    [OID.TIMESTAMPTZ, timestamp],
  ]);
  return { getTypeParser: (oid) => parsers.get(oid) ?? text };
}
