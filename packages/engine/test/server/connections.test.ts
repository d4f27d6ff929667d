import Database from 'better-sqlite3';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type EngineFixture, type RawSocket } from './helpers/engineFixture.js';

let fixture: EngineFixture;
let raw: RawSocket;
let doc: number;

beforeAll(async () => {
  fixture = await startFixture();
  const db = new Database(path.join(fixture.dataDir, 'files', 'shop.db'));
  db.exec(
    `CREATE TABLE orders (id INTEGER, amount REAL); INSERT INTO orders VALUES (1, 2.5), (2, 4);`,
  );
  db.close();
  raw = await fixture.raw('/app/engineData/identity/connections');
  await raw.next();
  doc = (
    (await raw.call({ handle: -1, method: 'CreateSessionApp' })).result as {
      qReturn: { qHandle: number };
    }
  ).qReturn.qHandle;
});
afterAll(async () => {
  await raw.close();
  await fixture.close();
});

const call = (method: string, params: unknown) => raw.call({ handle: doc, method, params });

describe('data connections over QIX', () => {
  it('creates, lists, reads, changes and deletes connections; credentials never come back', async () => {
    const created = await call('CreateConnection', {
      qConnection: {
        qName: 'Warehouse',
        qType: 'postgresql',
        qConnectionString: 'postgresql://admin:s3cret@127.0.0.1:5432/dw',
        qPassword: 'other',
      },
    });
    const id = (created.result as { qConnectionId: string }).qConnectionId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const got = (await call('GetConnection', [id])).result as {
      qConnection: Record<string, unknown>;
    };
    expect(got.qConnection).toMatchObject({
      qId: id,
      qName: 'Warehouse',
      qType: 'postgresql',
      qConnectionString: 'postgresql://127.0.0.1:5432/dw',
    });
    expect(JSON.stringify(got)).not.toMatch(/s3cret|other|admin/);
    const listed = (await call('GetConnections', [])).result as { qConnections: unknown[] };
    expect(JSON.stringify(listed)).not.toMatch(/s3cret|other|admin/);
    expect(listed.qConnections).toHaveLength(1);

    // Stored for the engine, readable by its owner only.
    const file = path.join(fixture.dataDir, 'connections.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))[0]).toMatchObject({
      userName: 'admin',
      password: 'other',
    });

    expect(await call('ModifyConnection', [id, { qName: 'DW' }, false])).toMatchObject({
      result: {},
    });
    const renamed = (await call('GetConnection', [id])).result as {
      qConnection: { qName: string };
    };
    expect(renamed.qConnection.qName).toBe('DW');
    expect(JSON.parse(await readFile(file, 'utf8'))[0]).toMatchObject({ password: 'other' });

    expect(await call('DeleteConnection', [id])).toMatchObject({ result: {} });
    expect(await call('GetConnection', [id])).toMatchObject({ error: { code: 2001 } });
    expect(await call('DeleteConnection', [id])).toMatchObject({ error: { code: 2001 } });
  });

  it('refuses duplicate names, empty names and unknown types', async () => {
    const make = (qConnection: object) => call('CreateConnection', { qConnection });
    expect(await make({ qName: 'A', qType: 'sqlite', qConnectionString: 'a.db' })).toHaveProperty(
      'result',
    );
    expect(await make({ qName: 'a', qType: 'sqlite', qConnectionString: 'b.db' })).toMatchObject({
      error: { code: 2000 },
    });
    expect(await make({ qName: ' ', qType: 'sqlite', qConnectionString: 'b.db' })).toMatchObject({
      error: { code: 2004 },
    });
    expect(await make({ qName: 'B', qType: 'ODBC', qConnectionString: 'x' })).toMatchObject({
      error: { code: 8 },
    });
  });

  it('reloads a script that loads through a connection made with CreateConnection', async () => {
    await call('CreateConnection', {
      qConnection: { qName: 'Shop', qType: 'sqlite', qConnectionString: 'lib://DataFiles/shop.db' },
    });
    await call('SetScript', [
      `LIB CONNECT TO 'Shop';\nOrders: LOAD id, amount; SQL SELECT * FROM orders;`,
    ]);
    expect((await call('DoReload', [])).result).toEqual({ qReturn: true });
    expect((await call('Evaluate', ['Sum(amount)'])).result).toEqual({ qReturn: '6.5' });
  });
});
