import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbSession } from '../../src/io/sql/openDuckDbSession.js';
import { openSqliteSession } from '../../src/io/sql/openSqliteSession.js';
import type { SqlSession } from '../../src/io/sql/SqlSession.js';
import { DEFAULT_FORMAT_SETTINGS } from '../../src/value/FormatSettings.js';

const OPTIONS = { format: DEFAULT_FORMAT_SETTINGS };

/** All rows of a query, as plain arrays. */
async function rows(session: SqlSession, sql: string): Promise<unknown[][]> {
  const result = await session.query(sql, OPTIONS);
  const out: unknown[][] = [];
  for await (const batch of result.batches) out.push(...batch);
  return out;
}

describe('SQL connections reach their database file and nothing else', () => {
  let dir: string;
  let outside: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qlikit-sql-sandbox-'));
    outside = await mkdtemp(path.join(tmpdir(), 'qlikit-sql-outside-'));
    const sqlite = new Database(path.join(dir, 'shop.db'));
    sqlite.exec('CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (42);');
    sqlite.close();
    const duck = await DuckDBInstance.create(path.join(dir, 'shop.duckdb'));
    const connection = await duck.connect();
    await connection.run('CREATE TABLE t AS SELECT 42 AS a');
    connection.closeSync();
    duck.closeSync();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('SQLite: reads and writes its own tables, refuses ATTACH and VACUUM INTO', async () => {
    const session = openSqliteSession('Shop', path.join(dir, 'shop.db'));
    try {
      expect((await rows(session, 'SELECT a FROM t')).length).toBe(1);
      const escape = path.join(outside, 'escape.db');
      for (const sql of [
        `ATTACH '${escape}' AS x`,
        `  /* hidden */ attach database '${escape}' as x`,
        `-- note\nVACUUM INTO '${escape}'`,
        `VACUUM main INTO '${escape}'`,
      ])
        await expect(session.query(sql, OPTIONS), sql).rejects.toMatchObject({
          code: 'SCRIPT_SQL_ERROR',
        });
      expect(existsSync(escape)).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('DuckDB: reads its own tables, refuses other files (read_csv, COPY TO, ATTACH)', async () => {
    const session = await openDuckDbSession('Duck', path.join(dir, 'shop.duckdb'));
    try {
      expect((await rows(session, 'SELECT a FROM t')).length).toBe(1);
      const escape = path.join(outside, 'escape.csv');
      for (const sql of [
        `SELECT * FROM read_csv('${path.join(dir, '..', path.basename(dir), 'shop.db')}')`,
        `COPY (SELECT 1) TO '${escape}'`,
        `ATTACH '${path.join(outside, 'other.duckdb')}' AS o`,
      ])
        await expect(rows(session, sql), sql).rejects.toMatchObject({ code: 'SCRIPT_SQL_ERROR' });
      expect(existsSync(escape)).toBe(false);
    } finally {
      await session.close();
    }
  });
});
