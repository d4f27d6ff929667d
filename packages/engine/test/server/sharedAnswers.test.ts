import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, GenericObject } from '@qlikit/qix';
import { shareJson } from '../../src/app/layout/sharedJson.js';
import { jsonText } from '../../src/server/protocol/jsonText.js';
import { boundedDiffJson } from '../../src/server/protocol/diffJson.js';
import { startFixture, type EngineFixture, type RawSocket } from './helpers/engineFixture.js';

// Cached chart layouts are shared by every session's answer: their JSON is written once and
// the patch between two of them is computed once per pair. These tests check that what the
// sessions receive is what an engine computing every answer afresh sends.

const SCRIPT = `Facts:
LOAD RecNo() as Id, Mod(RecNo(), 7) as Region, Mod(RecNo(), 5) as Product, RecNo() * 3 as Amount
AUTOGENERATE 300;
`;

const CHART = {
  qInfo: { qId: 'shared-chart', qType: 'chart' },
  qMetaDef: { title: 'Sales', tags: ['a'] },
  title: { qStringExpression: { qExpr: "='Regions: ' & Count(DISTINCT Region)" } },
  qHyperCubeDef: {
    qDimensions: [{ qDef: { qFieldDefs: ['Region'] } }, { qDef: { qFieldDefs: ['Product'] } }],
    qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }, { qDef: { qDef: 'Count(Id)' } }],
    qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 4, qHeight: 40 }],
  },
};

/** The regions each step selects (an empty list clears): moves between states, there and back. */
const STEPS: number[][] = [[1], [2], [1], [2, 3], [], [1], [2], [3], [1], [2, 3], [2]];

interface Viewer {
  readonly doc: Doc;
  readonly object: GenericObject;
}

async function sharedApp(fixture: EngineFixture): Promise<string> {
  const owner = await fixture.session('/app/engineData/identity/owner').open();
  const appId = (await owner.createApp('Shared answers')).qAppId;
  const doc = await owner.openDoc(appId);
  await doc.setScript(SCRIPT);
  expect(await doc.doReload()).toBe(true);
  await doc.doSave();
  return appId;
}

async function viewer(
  fixture: EngineFixture,
  appId: string,
  user: string,
  delta: boolean,
): Promise<Viewer> {
  const doc = await (
    await fixture.session(`/app/engineData/identity/${user}`, { delta }).open()
  ).openDoc(appId);
  return { doc, object: await doc.createSessionObject(structuredClone(CHART)) };
}

async function select(viewer: Viewer, regions: number[]): Promise<void> {
  const field = await viewer.doc.getField('Region');
  if (regions.length === 0) await field.clear();
  else
    await field.selectValues(
      regions.map((region) => ({ qText: String(region), qIsNumeric: true, qNumber: region })),
    );
}

describe('shared chart answers over real sockets', () => {
  let cached: EngineFixture;
  let fresh: EngineFixture;
  let cachedApp: string;
  let freshApp: string;

  beforeAll(async () => {
    cached = await startFixture({ resultCache: { enabled: true } });
    fresh = await startFixture({ resultCache: { enabled: false } });
    cachedApp = await sharedApp(cached);
    freshApp = await sharedApp(fresh);
  });
  afterAll(async () => {
    await cached.close();
    await fresh.close();
  });

  it('patches from the memo of pairs rebuild, in every session, the layout computed afresh', async () => {
    // Three delta sessions walk the same states one after another, so that the later ones
    // get the patches the first one's moves put in the memo.
    const viewers = [
      await viewer(cached, cachedApp, 'ann', true),
      await viewer(cached, cachedApp, 'ben', true),
      await viewer(cached, cachedApp, 'cid', true),
    ];
    const reference = await viewer(fresh, freshApp, 'ref', false);
    for (const v of [...viewers, reference]) await v.object.getLayout();
    const hitsBefore = cached.engine.apps.results.stats().hits;
    for (const regions of STEPS) {
      await select(reference, regions);
      const expected = await reference.object.getLayout();
      for (const v of viewers) {
        await select(v, regions);
        expect(await v.object.getLayout()).toEqual(expected);
      }
    }
    expect(cached.engine.apps.results.stats().hits).toBeGreaterThan(hitsBefore);
  });

  it('the answer written from shared text equals the layout computed afresh, without delta', async () => {
    const plain = await viewer(cached, cachedApp, 'dan', false);
    const reference = await viewer(fresh, freshApp, 'ref2', false);
    for (const regions of STEPS.slice(0, 5)) {
      await select(plain, regions);
      await select(reference, regions);
      expect(await plain.object.getLayout()).toEqual(await reference.object.getLayout());
    }
  });

  it('sessions making the same moves receive the same patch text', async () => {
    const open = async (user: string): Promise<RawSocket> => {
      const raw = await cached.raw(`/app/engineData/identity/${user}`);
      await raw.next(); // OnConnected
      return raw;
    };
    const answers: string[][] = [];
    for (const user of ['eve', 'fay']) {
      const raw = await open(user);
      const doc = (await raw.call({ method: 'OpenDoc', handle: -1, params: [cachedApp] })) as {
        result: { qReturn: { qHandle: number } };
      };
      const docHandle = doc.result.qReturn.qHandle;
      const made = (await raw.call({
        method: 'CreateSessionObject',
        handle: docHandle,
        params: [CHART],
      })) as { result: { qReturn: { qHandle: number } } };
      const field = (await raw.call({
        method: 'GetField',
        handle: docHandle,
        params: ['Region'],
      })) as { result: { qReturn: { qHandle: number } } };
      const texts: string[] = [];
      for (const regions of [[1], [2], [1], [2]]) {
        await raw.call({
          method: 'SelectValues',
          handle: field.result.qReturn.qHandle,
          params: [
            regions.map((region) => ({ qText: String(region), qIsNumeric: true, qNumber: region })),
          ],
        });
        const answer = await raw.call({
          method: 'GetLayout',
          handle: made.result.qReturn.qHandle,
          params: [],
          delta: true,
        });
        texts.push(JSON.stringify((answer as { result: unknown }).result));
      }
      answers.push(texts);
    }
    // The first answer is the whole layout; then each move patches the chart's cells.
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]!.slice(1).every((text) => text.includes('/qHyperCube/'))).toBe(true);
  });
});

describe('shared JSON', () => {
  const cube = shareJson({
    qSize: { qcx: 2, qcy: 1 },
    qDataPages: [{ qMatrix: [[{ qText: 'a' }]] }],
  });
  const other = shareJson({
    qSize: { qcx: 2, qcy: 1 },
    qDataPages: [{ qMatrix: [[{ qText: 'b' }]] }],
  });

  it('writes a value holding shared parts as JSON.stringify does', () => {
    const layout = {
      qInfo: { qId: 'x' },
      skipped: undefined,
      fn: () => 1,
      qHyperCube: cube,
      list: [cube],
    };
    expect(jsonText(layout)).toBe(JSON.stringify(layout));
    expect(jsonText({ deep: { er: { still: { deeper: { cube } } } } })).toBe(
      JSON.stringify({ deep: { er: { still: { deeper: { cube } } } } }),
    );
    expect(jsonText(cube)).toBe(JSON.stringify(cube));
    expect(jsonText(null)).toBe('null');
    expect(jsonText(new Date(0))).toBe(JSON.stringify(new Date(0)));
  });

  it('patches between shared values under any path rebuild the new value', () => {
    for (const prefix of ['a', 'b']) {
      const patch = boundedDiffJson({ [prefix]: { cube } }, { [prefix]: { cube: other } });
      expect(patch).toEqual([
        { op: 'replace', path: `/${prefix}/cube/qDataPages/0/qMatrix/0/0/qText`, value: 'b' },
      ]);
    }
    // Arrays of another length inside a pair replace the pair's value where it sits.
    const longer = shareJson({ ...cube, qDataPages: [...cube.qDataPages, ...cube.qDataPages] });
    expect(boundedDiffJson({ c: cube }, { c: longer })).toEqual([
      { op: 'replace', path: '/c/qDataPages', value: longer.qDataPages },
    ]);
    // Past the patches kept from one value, the others are still computed, just not kept.
    for (let i = 0; i < 40; i++) {
      const next = shareJson({ ...cube, qSize: { qcx: 2, qcy: 100 + i } });
      expect(boundedDiffJson({ c: cube }, { c: next })).toEqual([
        { op: 'replace', path: '/c/qSize/qcy', value: 100 + i },
      ]);
    }
    expect(boundedDiffJson(cube, other)).toEqual([
      { op: 'replace', path: '/qDataPages/0/qMatrix/0/0/qText', value: 'b' },
    ]);
  });
});
