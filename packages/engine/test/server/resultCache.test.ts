import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from './helpers/engineFixture.js';

// Orders: Alice 10+20, Bob 5+3, Carol 7 (Amount 45 in all). Customers: Alice SE, Bob NO, Carol SE.

type Cube = { qHyperCube: { qDataPages: { qMatrix: { qText: string }[][] }[] } };

function chart(measure: string, stateName = '$') {
  return {
    qInfo: { qType: 'cache-chart' },
    qHyperCubeDef: {
      qStateName: stateName,
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
      qMeasures: [{ qDef: { qDef: measure } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
    },
  };
}

/** `Customer=value` of every row of a chart's first page. */
async function rowsOf(doc: Doc, props: ReturnType<typeof chart>): Promise<string[]> {
  const object = await doc.createSessionObject(props);
  try {
    const layout = (await object.getLayout()) as unknown as Cube;
    return layout.qHyperCube.qDataPages[0]!.qMatrix.map(
      (row) => `${row[0]!.qText}=${row[1]!.qText}`,
    );
  } finally {
    await doc.destroySessionObject(object.id);
  }
}

describe('the result cache shared by the sessions of an app, over real sockets', () => {
  let fixture: EngineFixture;
  let appId: string;
  let first: Doc;
  let second: Doc;
  const stats = () => fixture.engine.apps.results.stats();

  beforeAll(async () => {
    fixture = await startFixture();
    const owner = await fixture.session('/app/engineData/identity/owner').open();
    appId = (await owner.createApp('Shared results')).qAppId;
    const doc = await owner.openDoc(appId);
    await doc.setScript(SALES_SCRIPT);
    expect(await doc.doReload()).toBe(true);
    await doc.createVariableEx({
      qInfo: { qId: 'factor', qType: 'variable' },
      qName: 'vFactor',
      qDefinition: '2',
    });
    await doc.doSave();
    first = await (await fixture.session('/app/engineData/identity/ann').open()).openDoc(appId);
    second = await (await fixture.session('/app/engineData/identity/ben').open()).openDoc(appId);
  });
  afterAll(() => fixture.close());

  it('computes a chart once for two sessions in the same state', async () => {
    const before = stats();
    expect(await rowsOf(first, chart('Sum(Amount)'))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    expect(stats().misses).toBe(before.misses + 1);
    expect(await rowsOf(second, chart('Sum(Amount)'))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    expect(stats().hits).toBe(before.hits + 1);
    expect(stats().entries).toBeGreaterThan(0);
    expect(stats().bytes).toBeGreaterThan(0);
  });

  it('answers each session by its own selections, and shares again when they agree', async () => {
    await (await first.getField('Country')).selectValues([{ qText: 'SE' }]);
    expect(await rowsOf(first, chart('Sum(Amount)'))).toEqual(['Alice=30', 'Carol=7']);
    expect(await rowsOf(second, chart('Sum(Amount)'))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    const before = stats();
    await (await second.getField('Country')).selectValues([{ qText: 'SE' }]);
    expect(await rowsOf(second, chart('Sum(Amount)'))).toEqual(['Alice=30', 'Carol=7']);
    expect(stats().hits).toBe(before.hits + 1);
    await first.clearAll(false);
    await second.clearAll(false);
  });

  it('tells apart results that read another state by that state', async () => {
    await first.addAlternateState('B');
    await second.addAlternateState('B');
    const measure = 'Sum({B} Amount)';
    expect(await rowsOf(first, chart(measure))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    await (await first.getField('Product', 'B')).selectValues([{ qText: 'Apple' }]);
    // Same definition, same $ selections: only state B differs.
    expect(await rowsOf(first, chart(measure))).toEqual(['Alice=10', 'Bob=5', 'Carol=0']);
    expect(await rowsOf(second, chart(measure))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    // A chart in state B itself.
    expect(await rowsOf(first, chart('Sum(Amount)', 'B'))).toEqual(['Alice=10', 'Bob=5']);
    expect(await rowsOf(second, chart('Sum(Amount)', 'B'))).toEqual([
      'Alice=30',
      'Bob=8',
      'Carol=7',
    ]);
    const before = stats();
    await (await second.getField('Product', 'B')).selectValues([{ qText: 'Apple' }]);
    expect(await rowsOf(second, chart(measure))).toEqual(['Alice=10', 'Bob=5', 'Carol=0']);
    expect(stats().hits).toBe(before.hits + 1);
    await (await first.getField('Product', 'B')).clear();
    await (await second.getField('Product', 'B')).clear();
  });

  it('recomputes after a variable the definition reads changes, in every session', async () => {
    const measure = 'Sum(Amount) * $(vFactor)';
    expect(await rowsOf(first, chart(measure))).toEqual(['Alice=60', 'Bob=16', 'Carol=14']);
    expect(await rowsOf(second, chart(measure))).toEqual(['Alice=60', 'Bob=16', 'Carol=14']);
    await (await first.getVariableByName('vFactor')).setStringValue('3');
    expect(await rowsOf(second, chart(measure))).toEqual(['Alice=90', 'Bob=24', 'Carol=21']);
    expect(await rowsOf(first, chart(measure))).toEqual(['Alice=90', 'Bob=24', 'Carol=21']);
  });

  it("keeps results that use the session's user to that session", async () => {
    const measure = "If(Index(OSUser(), 'ann') > 0, Sum(Amount), -1)";
    expect(await rowsOf(first, chart(measure))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    expect(await rowsOf(second, chart(measure))).toEqual(['Alice=-1', 'Bob=-1', 'Carol=-1']);
  });

  it('drops the results of the old data on reload', async () => {
    expect(await rowsOf(second, chart('Sum(Amount)'))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    const held = stats().entries;
    expect(held).toBeGreaterThan(0);
    await first.setScript(SALES_SCRIPT.replace('1, Alice, Apple, 10', '1, Alice, Apple, 100'));
    expect(await first.doReload()).toBe(true);
    expect(stats().entries).toBe(0);
    expect(await rowsOf(second, chart('Sum(Amount)'))).toEqual(['Alice=120', 'Bob=8', 'Carol=7']);
    expect(await rowsOf(first, chart('Sum(Amount)'))).toEqual(['Alice=120', 'Bob=8', 'Carol=7']);
  });
});

describe('the result cache turned off', () => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await startFixture({ resultCache: { enabled: false } });
  });
  afterAll(() => fixture.close());

  it('computes per session and holds nothing', async () => {
    const owner = await fixture.session('/app/engineData/identity/owner').open();
    const { qAppId } = await owner.createApp('Not shared');
    const doc = await owner.openDoc(qAppId);
    await doc.setScript(SALES_SCRIPT);
    expect(await doc.doReload()).toBe(true);
    await doc.doSave();
    const other = await (
      await fixture.session('/app/engineData/identity/x').open()
    ).openDoc(qAppId);
    expect(await rowsOf(doc, chart('Sum(Amount)'))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    expect(await rowsOf(other, chart('Sum(Amount)'))).toEqual(['Alice=30', 'Bob=8', 'Carol=7']);
    expect(fixture.engine.apps.results.stats()).toMatchObject({
      enabled: false,
      hits: 0,
      misses: 0,
      entries: 0,
    });
  });

  it('refuses a budget that is no number', () => {
    expect(() => fixture.engine.apps.results.configure({ maxBytes: Number.NaN })).toThrow(
      expect.objectContaining({
        code: 'LOCERR_GENERIC_INVALID_PARAMETERS',
        parameter: 'resultCache.maxBytes',
      }),
    );
  });
});
