import Database from 'better-sqlite3';
import type { Value } from '../../value/Value.js';
import { connectionFailed, sqlError } from './DataConnectionError.js';
import {
  noRows,
  SQL_BATCH_ROWS,
  type SqlQueryOptions,
  type SqlRows,
  type SqlSession,
} from './SqlSession.js';
import { isoDateValue } from '../typedValues.js';

/**
 * The statements that open or write files other than the connection's own
 * (prepare takes one statement, so its first keyword decides); a script
 * reaches its data files and nothing else.
 */
const LEAVES_DATABASE =
  /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(?:ATTACH|VACUUM\b[\s\S]*\bINTO)\b/i;

/**
 * Opens a SQLite database file (which must exist) or `:memory:`. Rows come
 * from a stepping statement, a batch at a time; integers and reals are
 * numbers, texts stay texts except in columns declared as a date or time
 * type, whose ISO texts become date or timestamp duals.
 */
export function openSqliteSession(name: string, file: string): SqlSession {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: file !== ':memory:' });
  } catch (cause) {
    throw connectionFailed(name, 'SQLite', cause);
  }
  return {
    query: async (sql, options) => query(db, name, sql, options),
    close: async () => {
      db.close();
    },
  };
}

function query(
  db: Database.Database,
  name: string,
  sql: string,
  options: SqlQueryOptions,
): SqlRows {
  let statement: Database.Statement;
  try {
    if (LEAVES_DATABASE.test(sql))
      throw new Error('ATTACH and VACUUM INTO reach files beyond the connection: refused');
    statement = db.prepare(sql);
    if (!statement.reader) {
      statement.run();
      return noRows();
    }
    statement.raw(true);
  } catch (cause) {
    throw sqlError(name, cause);
  }
  const columns = statement.columns();
  const isDate = columns.map((column) => /DATE|TIME/i.test(column.type ?? ''));
  return {
    fieldNames: columns.map((column) => column.name),
    batches: batches(statement.iterate() as IterableIterator<unknown[]>, isDate, name, options),
  };
}

async function* batches(
  rows: IterableIterator<unknown[]>,
  isDate: readonly boolean[],
  name: string,
  options: SqlQueryOptions,
): AsyncGenerator<Value[][]> {
  try {
    for (;;) {
      const batch: Value[][] = [];
      let next: IteratorResult<unknown[]>;
      try {
        while (batch.length < SQL_BATCH_ROWS && !(next = rows.next()).done)
          batch.push(next.value.map((cell, c) => toValue(cell, isDate[c], options)));
      } catch (cause) {
        throw sqlError(name, cause);
      }
      if (batch.length > 0) yield batch;
      if (batch.length < SQL_BATCH_ROWS) return;
    }
  } finally {
    rows.return?.();
  }
}

function toValue(cell: unknown, isDate: boolean, options: SqlQueryOptions): Value {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'string') return isDate ? isoDateValue(cell, options.format) : cell;
  if (cell instanceof Uint8Array) return Buffer.from(cell).toString('hex');
  return String(cell);
}
