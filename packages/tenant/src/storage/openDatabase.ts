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
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
