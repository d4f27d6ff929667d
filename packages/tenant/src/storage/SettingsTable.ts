import type { Db } from './openDatabase.js';

/** Tenant-wide values kept across restarts: the tenant id, signing keys, secrets. */
export class SettingsTable {
  private readonly select;
  private readonly insert;
  private readonly upsert;

  constructor(db: Db) {
    this.select = db.prepare<[string], { value: string }>(
      'SELECT value FROM settings WHERE key = ?',
    );
    this.insert = db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)');
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /** The value of `key`, or undefined. */
  get(key: string): string | undefined {
    return this.select.get(key)?.value;
  }

  /** Stores `value` under `key`, replacing any. */
  set(key: string, value: string): void {
    this.upsert.run(key, value);
  }

  /** The value of `key`, created by `create` and stored the first time it is asked for. */
  getOrCreate(key: string, create: () => string): string {
    const existing = this.select.get(key);
    if (existing) return existing.value;
    this.insert.run(key, create());
    return this.select.get(key)!.value;
  }
}
