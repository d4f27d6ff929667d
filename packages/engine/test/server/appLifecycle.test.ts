import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Doc } from '@qlikit/qix';
import { AppStore } from '../../src/index.js';
import { startFixture, type EngineFixture, SALES_SCRIPT } from './helpers/engineFixture.js';

// Qlik's engine unloads an app when the last session that has it open ends; opening it again reads it from disk.

let fixture: EngineFixture;
beforeEach(async () => {
  fixture = await startFixture();
});
afterEach(() => fixture.close());

/** Waits until `check` holds (the server sees a client's close a moment after it). */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

async function openAs(user: string, appId: string, on = fixture) {
  const session = on.session(`/app/${appId}/identity/${user}`);
  const doc = await (await session.open()).openDoc(appId);
  return { session, doc };
}

/** A saved app with the sales data and one stored chart; every session of it is closed. */
async function savedSalesApp(on = fixture): Promise<string> {
  const owner = on.session('/app/engineData/identity/owner');
  const { qAppId } = await (await owner.open()).createApp('Lifecycle');
  const doc = await (await owner.open()).openDoc(qAppId);
  await doc.setScript(SALES_SCRIPT);
  expect(await doc.doReload()).toBe(true);
  await doc.createObject({ qInfo: { qId: 'kpi', qType: 'kpi' }, qMetaDef: { title: 'Total' } });
  await doc.doSave();
  await owner.close();
  return qAppId;
}

const total = (doc: Doc) => doc.evaluate('Sum(Amount)');

describe('apps leave engine memory when no session holds them, over real sockets', () => {
  it('does not keep an app made by CreateApp loaded, and opens it from disk afterwards', async () => {
    const global = await fixture.session().open();
    const { qAppId } = await global.createApp('Made and left');
    await eventually(() => !fixture.engine.apps.isLoaded(qAppId));
    expect((await global.getDocList()).map((entry) => entry.qDocId)).toContain(qAppId);
    const { doc } = await openAs('ann', qAppId);
    expect(fixture.engine.apps.isLoaded(qAppId)).toBe(true);
    expect(((await doc.getAppProperties()) as { qTitle: string }).qTitle).toBe('Made and left');
  });

  it('unloads the app and its shared results when its last session ends; reopening gives the same data', async () => {
    const appId = await savedSalesApp();
    const { session, doc } = await openAs('ann', appId);
    expect(await total(doc)).toBe('45');
    const chart = await doc.createSessionObject({
      qInfo: { qType: 'chart' },
      qHyperCubeDef: {
        qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
        qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
      },
    });
    await chart.getLayout();
    expect(fixture.engine.apps.results.stats().entries).toBeGreaterThan(0);
    expect(fixture.engine.apps.connectedUsers(appId)).toBe(1);
    await session.close();
    await eventually(() => !fixture.engine.apps.isLoaded(appId));
    expect(fixture.engine.apps.connectedUsers(appId)).toBe(0);
    expect(fixture.engine.apps.results.stats().entries).toBe(0);

    const again = await openAs('ann', appId);
    expect(await total(again.doc)).toBe('45');
    expect(await again.doc.evaluate('Count(DISTINCT Customer)')).toBe('3');
    expect((await (await again.doc.getObject('kpi')).getProperties()).qMetaDef).toEqual({
      title: 'Total',
    });
  });

  it('lets the garbage collector take the unloaded app: nothing in the engine still points at it', async () => {
    const appId = await savedSalesApp();
    const { session, doc } = await openAs('ann', appId);
    expect(await total(doc)).toBe('45');
    const loaded = new WeakRef(await fixture.engine.apps.get(appId));
    await session.close();
    await eventually(() => !fixture.engine.apps.isLoaded(appId));
    // gc() of a context made after the flag is set: the test process was not started with --expose-gc.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    for (let i = 0; i < 20 && loaded.deref(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    expect(loaded.deref()).toBeUndefined();
  });

  it('keeps the app loaded while a second session has it open, and shares one instance', async () => {
    const appId = await savedSalesApp();
    const first = await openAs('ann', appId);
    const second = await openAs('ben', appId);
    expect(fixture.engine.apps.connectedUsers(appId)).toBe(2);
    // A change one session makes without saving is seen by the other: the same app in memory.
    await first.doc.createObject({ qInfo: { qId: 'note', qType: 'note' } });
    await first.session.close();
    await eventually(() => fixture.engine.apps.connectedUsers(appId) === 1);
    expect(fixture.engine.apps.isLoaded(appId)).toBe(true);
    expect(await total(second.doc)).toBe('45');
    expect((await (await second.doc.getObject('note')).getProperties()).qInfo).toEqual({
      qId: 'note',
      qType: 'note',
    });
    await second.session.close();
    await eventually(() => !fixture.engine.apps.isLoaded(appId));
  });

  it('saves what the last session changed except the data as it ends, as Qlik autosaves at session end', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qlikit-engine-'));
    // Qlik's App cache time, short: how long unsaved reloaded data stays loaded without a session.
    const cached = await startFixture({
      dataDir,
      apps: new AppStore(dataDir, { appCacheSeconds: 0.05 }),
    });
    try {
      const appId = await savedSalesApp(cached);
      const { session, doc } = await openAs('ann', appId, cached);
      await doc.createObject({ qInfo: { qId: 'unsaved', qType: 'note' }, title: 'kept' });
      await doc.setScript('Orders: LOAD * INLINE [Amount\n1];');
      expect(await doc.doReload()).toBe(true);
      expect(await total(doc)).toBe('1');
      await session.close();
      await eventually(() => !cached.engine.apps.isLoaded(appId));

      const again = await openAs('ann', appId, cached);
      expect((await (await again.doc.getObject('unsaved')).getProperties()).title).toBe('kept');
      // The reload was never saved: the saved data and script stand.
      expect(await total(again.doc)).toBe('45');
      expect(await again.doc.getScript()).toBe(SALES_SCRIPT);
    } finally {
      await cached.close();
    }
  });

  it('keeps unsaved reloaded data loaded for the app cache time (8 hours by default), for the next session', async () => {
    const appId = await savedSalesApp();
    const { session, doc } = await openAs('ann', appId);
    await doc.setScript('Orders: LOAD * INLINE [Amount\n1];');
    expect(await doc.doReload()).toBe(true);
    await session.close();
    await eventually(() => fixture.engine.apps.connectedUsers(appId) === 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fixture.engine.apps.isLoaded(appId)).toBe(true);
    const again = await openAs('ben', appId);
    expect(await total(again.doc)).toBe('1');
  });

  it('keeps an app held by work under way (AppStore.use) until the work ends', async () => {
    const appId = await savedSalesApp();
    const { apps } = fixture.engine;
    await apps.use(appId, async (app) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(apps.isLoaded(appId)).toBe(true);
      const { session, doc } = await openAs('ann', appId);
      expect(await total(doc)).toBe('45');
      await session.close();
      await eventually(() => apps.connectedUsers(appId) === 0);
      expect(apps.isLoaded(appId)).toBe(true);
      expect(await apps.get(appId)).toBe(app);
    });
    await eventually(() => !apps.isLoaded(appId));
  });
  it('refuses an app cache time a timer cannot wait (it would drop unsaved data at once)', () => {
    for (const appCacheSeconds of [-1, Number.NaN, 30 * 24 * 3600]) {
      expect(() => new AppStore(tmpdir(), { appCacheSeconds })).toThrow(
        expect.objectContaining({ code: 'LOCERR_GENERIC_INVALID_PARAMETERS' }),
      );
    }
    expect(() => new AppStore(tmpdir(), { appCacheSeconds: 0 })).not.toThrow();
  });
});
