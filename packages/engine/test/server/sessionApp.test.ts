import { randomBytes } from 'node:crypto';
import enigma from 'enigma.js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qixSchema, type Global } from '@qlikit/qix';
import qixEnigma from '@qlikit/qix/enigma';
import { enigmaGlobal, enigmaSocket } from './helpers/clients.js';
import { startFixture, type EngineFixture, SALES_SCRIPT } from './helpers/engineFixture.js';

// Qlik Cloud's session apps: a socket on /app/SessionApp_<x> owns an app that lives in memory only.
let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(() => fixture.close());

/** What the program uses of a session, from either `create`. */
interface ProgramSession {
  open(): Promise<Global>;
  suspend(): Promise<unknown>;
  resume(onlyIfAttached?: boolean): Promise<unknown>;
  close(): Promise<unknown>;
}

/** enigma.js's `create`, and @qlikit/qix/enigma's, called the same way. */
const CLIENTS: [string, (url: string) => ProgramSession][] = [
  [
    'enigma.js',
    (url) => {
      const session = enigma.create({
        schema: qixSchema,
        url,
        createSocket: enigmaSocket,
      });
      return {
        open: () => enigmaGlobal(session),
        suspend: () => session.suspend(),
        resume: (onlyIfAttached) => session.resume(onlyIfAttached),
        close: () => session.close(),
      };
    },
  ],
  [
    '@qlikit/qix/enigma',
    (url) =>
      qixEnigma.create({
        schema: qixSchema,
        url,
        createSocket: (socketUrl) => new WebSocket(socketUrl),
      }),
  ],
];

function sessionAppUrl(ttl?: number): string {
  const id = randomBytes(20).toString('hex');
  return `${fixture.engine.url}/app/SessionApp_${id}${ttl === undefined ? '' : `/ttl/${ttl}`}`;
}

describe.each(CLIENTS)('a Qlik Cloud session-app program on %s', (_name, create) => {
  it('opens /app/SessionApp_<random>/ttl/5, finds the app with GetActiveDoc, creates objects, suspends and resumes', async () => {
    const session = create(sessionAppUrl(5));
    const global = await session.open();
    const app = await global.getActiveDoc();
    await app.createObject({ qInfo: { qId: 'OBJ01', qType: 'abc' } });
    await app.destroyObject('OBJ01');
    const object = await app.createObject({ qInfo: { qId: 'OBJ02', qType: 'abc' } });
    const before = await object.getProperties();
    await app.setScript(SALES_SCRIPT);
    await app.doReload();
    await (await app.getField('Customer')).select('Bob');

    await session.suspend();
    await session.resume(true);

    expect(await object.getProperties()).toEqual(before);
    // The same app with its data and the selection made before suspending.
    expect(await app.evaluate('Sum(Amount)')).toBe('8');
    expect((await global.getActiveDoc()).id).toBe(app.id);
    const layout = await app.getAppLayout();
    expect(layout).toMatchObject({ qIsSessionApp: true });
    await session.close();
  });
});

describe('session apps on the URL', () => {
  it('gives each session its own app, even under the same id, and no other session can open it', async () => {
    const url = sessionAppUrl(5);
    const id = new URL(url).pathname.split('/')[2]!;
    const first = await fixture.session(`${new URL(url).pathname}/identity/one`).open();
    const doc = await first.getActiveDoc();
    await doc.setScript(SALES_SCRIPT);
    await doc.doReload();

    const second = await fixture.session(`/app/${id}/identity/two`).open();
    const other = await second.getActiveDoc();
    expect(await other.getScript()).not.toBe(SALES_SCRIPT);
    expect(await doc.evaluate('Sum(Amount)')).toBe('45');

    const outsider = await fixture.session('/app/engineData/identity/outsider').open();
    await expect(outsider.openDoc(id)).rejects.toMatchObject({ code: 1003 });
    expect((await outsider.getDocList()).map((entry) => entry.qDocId)).not.toContain(id);
  });

  it('ends the app with its session when no ttl keeps it', async () => {
    const url = sessionAppUrl();
    const path = new URL(url).pathname;
    const session = fixture.session(path);
    const doc = await (await session.open()).getActiveDoc();
    await doc.setScript(SALES_SCRIPT);
    await doc.doReload();
    await session.close();
    const again = await (await fixture.session(path).open()).getActiveDoc();
    expect(await again.getScript()).not.toBe(SALES_SCRIPT);
    await expect(again.evaluate('Sum(Amount)')).rejects.toThrow(/no table/);
  });

  it('keeps the app for a reattach within the ttl: SESSION_ATTACHED, same data', async () => {
    const path = new URL(sessionAppUrl(30)).pathname;
    const raw = await fixture.raw(path);
    expect(await raw.next()).toMatchObject({ params: { qSessionState: 'SESSION_CREATED' } });
    const doc = (
      (await raw.call({ handle: -1, method: 'GetActiveDoc' })).result as {
        qReturn: { qHandle: number; qGenericId: string };
      }
    ).qReturn;
    expect(doc.qGenericId).toBe(path.split('/')[2]);
    await raw.call({ handle: doc.qHandle, method: 'SetScript', params: [SALES_SCRIPT] });
    await raw.call({ handle: doc.qHandle, method: 'DoReload' });
    await raw.close();

    const back = await fixture.raw(path);
    expect(await back.next()).toMatchObject({ params: { qSessionState: 'SESSION_ATTACHED' } });
    const active = await back.call({ handle: -1, method: 'GetActiveDoc' });
    expect(active.result).toMatchObject({ qReturn: { qHandle: doc.qHandle } });
    expect(
      await back.call({ handle: doc.qHandle, method: 'Evaluate', params: ['Sum(Amount)'] }),
    ).toMatchObject({ result: { qReturn: '45' } });
  });
});
