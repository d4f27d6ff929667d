import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

/** The tenant's SQLite database handle. */
export type Db = Database.Database;

/**
 * Opens (creating when missing) the tenant's database in WAL mode and brings
 * its schema up to date. WAL with `synchronous = NORMAL` keeps every committed
 * transaction through a killed process; each migration runs in a transaction
 * of its own, so a kill mid-migration leaves the previous version.
 */
export function openDatabase(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  cacheStatements(db);
  return db;
}

/**
 * Makes `db.prepare` answer the statement it prepared before for the same
 * SQL: the tables prepare their queries where they run them (some are built
 * per call from the filters given), and compiling one costs more than running
 * it. Nothing here changes a statement's mode (pluck, raw, expand), so one
 * statement serves every caller. Bounded, the oldest dropped first, since
 * filter combinations make new SQL texts.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= PREPARED_STATEMENTS)
        statements.delete(statements.keys().next().value!);
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}

const PREPARED_STATEMENTS = 500;

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
