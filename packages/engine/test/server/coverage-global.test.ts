import { arch, release, type as osType } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qixSchema, type Global } from '@qlikit/qix';
import { CLIENTS, closeEnigmaSessions } from './helpers/clients.js';
import { startFixture, type EngineFixture, SALES_SCRIPT } from './helpers/engineFixture.js';

// A reload that runs until something stops it: the abort tests need one in flight.
const ENDLESS_SCRIPT = 'Big: LOAD RecNo() AS N AUTOGENERATE 200000000;';

describe.each(CLIENTS)('Global methods through %s', (clientName, open) => {
  let fixture: EngineFixture;
  let global: Global;

  beforeAll(async () => {
    fixture = await startFixture();
    global = await open(fixture, `${clientName}-global`);
  });
  afterAll(async () => {
    await closeEnigmaSessions();
    await fixture.close();
  });

  it('describes the engine and the machine it runs on', async () => {
    expect(await global.engineVersion()).toEqual({ qComponentVersion: '12.2528.0' });
    expect(await global.productVersion()).toBe('12.2528.0');
    expect(await global.qvVersion()).toBe('12.2528.0');
    expect(await global.oSName()).toBe(osType());
    expect(await global.oSVersion()).toBe(`${release()} ${arch()}`);
    expect(await global.qTProduct()).toBe('qlikit engine');
    expect(await global.isDesktopMode()).toBe(false);
    expect(await global.isPersonalMode()).toBe(false);
    expect(await global.allowCreateApp()).toBe(true);
  });

  it('hands out a different unique id every time', async () => {
    const first = await global.getUniqueID();
    const second = await global.getUniqueID();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it('answers the catalogue calls with their documented shapes', async () => {
    expect(await global.getSupportedCodePages()).toEqual([
      { qNumber: 65001, qName: 'UTF-8', qDescription: 'Unicode (UTF-8)' },
    ]);
    expect(await global.getCustomConnectors(false)).toEqual([]);
    expect(await global.reloadExtensionList()).toEqual({});
    expect(await global.configureReload(true, false, false)).toEqual({});
    const script = await global.getBNF('S');
    const chart = await global.getBNF('E');
    // BNFDef entries: the script and chart functions the engine knows, flagged as Qlik does
    // (qQvFunc "cannot be an aggregation function").
    const sum = chart.find((def) => def.qName === 'Sum');
    expect(sum).toMatchObject({
      qName: 'Sum',
      qQvFunc: false,
      qAggrFunc: true,
      qIsBnfRule: false,
      qBnfLiteral: false,
    });
    expect(chart.find((def) => def.qName === 'If')).toMatchObject({
      qQvFunc: true,
      qAggrFunc: false,
    });
    expect(script.find((def) => def.qName === 'Sum')).toMatchObject({ qAggrFunc: true });
    expect(new Set(chart.map((def) => def.qNbr)).size).toBe(chart.length);
  });

  it('creates, lists, copies and deletes stored apps', async () => {
    const { qAppId: sourceId } = await global.createApp('Coverage source');
    const source = await global.openDoc(sourceId);
    await source.setScript(SALES_SCRIPT);
    expect(await source.doReload()).toBe(true);
    await source.createObject({ qInfo: { qId: 'copied-kpi', qType: 'kpi' }, title: 'Kpi' });
    await source.createObject({ qInfo: { qId: 'left-behind', qType: 'kpi' }, title: 'Not copied' });
    await source.doSave();

    // A second session: the first one has its app open.
    const other = await open(fixture, `${clientName}-global-other`);
    const { qAppId: targetId } = await other.createApp('Coverage target');
    expect(await other.copyApp(targetId, sourceId, ['copied-kpi'])).toBe(true);
    const list = await other.getDocList();
    const titles = list
      .filter((entry) => entry.qDocId === sourceId || entry.qDocId === targetId)
      .map((entry) => [entry.qDocId, entry.qDocName, entry.qTitle]);
    expect(titles.sort()).toEqual(
      [
        [sourceId, 'Coverage source', 'Coverage source'],
        [targetId, 'Coverage target', 'Coverage target'],
      ].sort(),
    );
    const target = await other.openDoc(targetId);
    expect((await target.getObjects({ qTypes: ['kpi'] })).map((entry) => entry.qInfo.qId)).toEqual([
      'copied-kpi',
    ]);
    // Copying named objects leaves the target's script and data alone.
    expect(await target.getScript()).toBe('');

    const third = await open(fixture, `${clientName}-global-third`);
    const { qAppId: fullCopyId } = await third.createApp('Coverage full copy');
    expect(await third.copyApp(fullCopyId, sourceId, [])).toBe(true);
    const fullCopy = await third.openDoc(fullCopyId);
    expect(await fullCopy.getScript()).toBe(SALES_SCRIPT);
    expect(await (await fullCopy.getVariableByName('vTarget')).getLayout()).toMatchObject({
      qText: '42',
      qNum: 42,
    });
    expect(await fullCopy.evaluate('Sum(Amount)')).toBe('45');
    expect(
      (await fullCopy.getObjects({ qTypes: ['kpi'] })).map((entry) => entry.qInfo.qId).sort(),
    ).toEqual(['copied-kpi', 'left-behind']);

    // The source stays open in `global`: deleting it from there is refused, from a fresh session it works.
    await expect(global.deleteApp(sourceId)).rejects.toMatchObject({ code: 1002 });
    const fourth = await open(fixture, `${clientName}-global-fourth`);
    expect(await fourth.deleteApp(targetId)).toBe(true);
    expect((await fourth.getDocList()).map((entry) => entry.qDocId)).not.toContain(targetId);
    await expect(fourth.openDoc(targetId)).rejects.toMatchObject({ code: 1003 });
    await expect(fourth.deleteApp('no-such-app')).rejects.toMatchObject({ code: 1003 });
  });

  it('makes a session app from a stored app, with its data and objects, leaving the stored app unchanged', async () => {
    const owner = await open(fixture, `${clientName}-from-app-owner`);
    const { qAppId } = await owner.createApp('Session source');
    const stored = await owner.openDoc(qAppId);
    await stored.setScript(SALES_SCRIPT);
    await stored.doReload();
    await stored.createObject({
      qInfo: { qId: 'chart-from-app', qType: 'barchart' },
      title: 'Bars',
    });
    await (await stored.getField('Customer')).select('Bob');
    await stored.createBookmark({
      qInfo: { qId: 'bm-bob', qType: 'bookmark' },
      qMetaDef: { title: 'Bob' },
    });
    await stored.clearAll();
    await stored.doSave();

    const user = await open(fixture, `${clientName}-from-app-user`);
    const session = await user.createSessionAppFromApp(qAppId);
    expect((await session.getAppLayout()).qIsSessionApp).toBe(true);
    expect(await session.evaluate('Sum(Amount)')).toBe('45');
    expect(await (await session.getObject('chart-from-app')).getProperties()).toMatchObject({
      title: 'Bars',
    });
    // Bookmarks keep their selections and script variables their origin.
    expect(await session.applyBookmark('bm-bob')).toBe(true);
    expect(await session.evaluate('Sum(Amount)')).toBe('8');
    await session.clearAll();
    const variables = await session.createSessionObject({
      qInfo: { qType: 'vars' },
      qVariableListDef: { qType: 'variable' },
    });
    const items = (
      (await variables.getLayout()) as unknown as {
        qVariableList: { qItems: { qName: string; qIsScriptCreated: boolean }[] };
      }
    ).qVariableList.qItems;
    expect(items.find((item) => item.qName === 'vTarget')).toMatchObject({
      qIsScriptCreated: true,
    });
    await session.destroyObject('chart-from-app');
    await session.setScript('T: LOAD 1 AS X AUTOGENERATE 1;');
    await session.doReload();
    expect(await session.evaluate('Sum(X)')).toBe('1');
    expect(await stored.evaluate('Sum(Amount)')).toBe('45');
    expect(await stored.getScript()).toBe(SALES_SCRIPT);
    expect(
      (await stored.getObjects({ qTypes: ['barchart'] })).map((entry) => entry.qInfo.qId),
    ).toEqual(['chart-from-app']);
  });

  it('finds the open doc with GetActiveDoc', async () => {
    const fresh = await open(fixture, `${clientName}-active`);
    const doc = await fresh.createSessionApp();
    await doc.setScript(SALES_SCRIPT);
    await doc.doReload();
    const active = await fresh.getActiveDoc();
    expect(active.id).toBe(doc.id);
    expect(await active.evaluate('Count(OrderId)')).toBe('5');
  });

  it('stops a running reload with AbortAll and reports the reload through GetProgress', async () => {
    const aborter = await open(fixture, `${clientName}-abort-all`);
    const doc = await aborter.createSessionApp();
    await doc.setScript('T: LOAD * INLINE [A\n1\n2];');
    expect(await doc.doReload()).toBe(true);
    // With request id 0 the engine reports the log lines and errors, not the timing.
    const finished = await aborter.getProgress(0);
    expect(finished).toMatchObject({ qStarted: false, qFinished: false, qErrorData: [] });
    expect(finished.qPersistentProgress?.split('\n')).toContain('T << INLINE  2 Lines fetched');

    await doc.setScript(ENDLESS_SCRIPT);
    const reload = doc.doReload().then(
      (ok) => ({ ok }),
      (error: { code?: number }) => ({ code: error.code }),
    );
    // The reload is under way once the engine has answered a later call.
    await aborter.engineVersion();
    await aborter.abortAll();
    expect(await reload).toEqual({ code: 15 });
    expect(await doc.evaluate('Sum(A)')).toBe('3');
  });

  it('follows, aborts and cancels a reload by the request id the client puts on its promise', async () => {
    const client = await open(fixture, `${clientName}-request-ids`);
    const doc = await client.createSessionApp();
    await doc.setScript('T: LOAD * INLINE [A\n1\n2];');
    await doc.doReload();
    await doc.setScript(ENDLESS_SCRIPT);
    const settle = (promise: Promise<boolean>) =>
      promise.then(
        (ok) => ({ ok }),
        (error: { code?: number }) => ({ code: error.code }),
      );

    const first = doc.doReload();
    const firstOutcome = settle(first);
    let progress = await client.getProgress(first.requestId);
    for (let attempt = 0; attempt < 200 && !progress.qStarted; attempt++)
      progress = await client.getProgress(first.requestId);
    expect(progress).toMatchObject({ qStarted: true, qFinished: false });
    await client.abortRequest(first.requestId);
    expect(await firstOutcome).toEqual({ code: 15 });
    expect(await client.getProgress(first.requestId)).toMatchObject({
      qStarted: true,
      qFinished: true,
    });

    const second = doc.doReload();
    const secondOutcome = settle(second);
    await client.engineVersion();
    await client.cancelRequest(second.requestId);
    expect(await secondOutcome).toEqual({ code: 15 });

    // CancelReload stops the reload, not the request: DoReload answers false.
    const third = settle(doc.doReload());
    await client.engineVersion();
    await client.cancelReload();
    expect(await third).toEqual({ ok: false });
    expect(await doc.evaluate('Sum(A)')).toBe('3');
  });

  it('answers every other Global method with its documented shape or LOCERR 20', async () => {
    await expect(global.shutdownProcess()).rejects.toMatchObject({ code: 20 });
    expect(await global.getOdbcDsns()).toEqual([]);
    expect(await global.getOleDbProviders()).toEqual([]);
    expect(await global.getStreamList()).toEqual([]);
  });
});

describe('Global request cancellation', () => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await startFixture();
  });
  afterAll(() => fixture.close());

  it('aborts one request by its id with AbortRequest, answering it with LOCERR 15', async () => {
    const raw = await fixture.raw('/app/engineData/identity/abort-request');
    await raw.next();
    const created = await raw.call({ handle: -1, method: 'CreateSessionApp' });
    const doc = (created.result as { qReturn: { qHandle: number } }).qReturn.qHandle;
    await raw.call({ handle: doc, method: 'SetScript', params: [ENDLESS_SCRIPT] });
    const reload = raw.call({ id: 901, handle: doc, method: 'DoReload' });
    await raw.call({ handle: -1, method: 'EngineVersion' });
    expect(await raw.call({ handle: -1, method: 'AbortRequest', params: [901] })).toMatchObject({
      result: {},
    });
    expect(await reload).toMatchObject({ error: { code: 15 } });
    // Aborting an id that is not running changes nothing.
    expect(await raw.call({ handle: -1, method: 'AbortRequest', params: [12345] })).toMatchObject({
      result: {},
    });
    await raw.close();
  });
});

describe('every method of the spec', () => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await startFixture();
  });
  afterAll(() => fixture.close());

  // Methods whose default arguments would end the session's doc or the whole test's subject.
  const SKIPPED = new Set([
    'Global.ShutdownProcess',
    'Global.OpenDoc',
    'Global.CreateDocEx',
    'Global.GetActiveDoc',
  ]);

  it('answers each with only its documented Out params, or an engine error with a LOCERR code', async () => {
    const raw = await fixture.raw('/app/engineData/identity/every-method');
    await raw.next();
    const call = async (handle: number, method: string, params: unknown[] = []) =>
      raw.call({ handle, method, params });
    const handleOf = (answer: Record<string, unknown>) =>
      (answer.result as { qReturn: { qHandle: number } }).qReturn.qHandle;
    const doc = handleOf(await call(-1, 'CreateSessionApp'));
    await call(doc, 'SetScript', [SALES_SCRIPT]);
    await call(doc, 'DoReload');
    const handles: Record<string, number> = {
      Global: -1,
      Doc: doc,
      Field: handleOf(await call(doc, 'GetField', ['Customer'])),
      GenericObject: handleOf(
        await call(doc, 'CreateSessionObject', [
          {
            qInfo: { qType: 'all' },
            qHyperCubeDef: {
              qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
              qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
            },
            qListObjectDef: { qDef: { qFieldDefs: ['Product'] } },
          },
        ]),
      ),
      GenericDimension: handleOf(
        await call(doc, 'CreateDimension', [
          { qInfo: { qType: 'dimension' }, qDim: { qFieldDefs: ['Customer'] } },
        ]),
      ),
      GenericMeasure: handleOf(
        await call(doc, 'CreateMeasure', [
          { qInfo: { qType: 'measure' }, qMeasure: { qDef: 'Sum(Amount)' } },
        ]),
      ),
      GenericBookmark: handleOf(
        await call(doc, 'CreateBookmark', [{ qInfo: { qType: 'bookmark' } }]),
      ),
      GenericVariable: handleOf(
        await call(doc, 'CreateSessionVariable', [
          { qInfo: { qType: 'variable' }, qName: 'vAny', qDefinition: '1' },
        ]),
      ),
    };
    const undocumented: string[] = [];
    const unanswered: string[] = [];
    let answered = 0;
    for (const [className, methods] of Object.entries(qixSchema.structs)) {
      const handle = handles[className];
      if (handle === undefined) continue;
      for (const [method, spec] of Object.entries(methods)) {
        if (SKIPPED.has(`${className}.${method}`)) continue;
        const answer = await call(
          handle,
          method,
          spec.In.map((param) => param.DefaultValue ?? null),
        );
        if (answer.error !== undefined) {
          const code = (answer.error as { code: number }).code;
          if (!(code > 0 || code === -32602)) unanswered.push(`${className}.${method}: ${code}`);
          continue;
        }
        answered++;
        // The schema leaves qReturn out of Out params (it is the method's return value): always allowed.
        const allowed = new Set([...spec.Out.map((param) => param.Name), 'qReturn']);
        const extra = Object.keys(answer.result as object).filter((key) => !allowed.has(key));
        if (extra.length > 0) undocumented.push(`${className}.${method}: ${extra.join(',')}`);
      }
    }
    expect(unanswered).toEqual([]);
    expect(undocumented).toEqual([]);
    expect(answered).toBeGreaterThan(150);
    await raw.close();
  });
});
