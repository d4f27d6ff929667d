import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { LayoutPrefetch } from '../../src/server/connection/LayoutPrefetch.js';
import type { RpcRequest } from '../../src/server/protocol/RpcRequest.js';
import { startFixture, type EngineFixture, type RawSocket } from './helpers/engineFixture.js';

// Layouts made ahead after a change list: which handles get one, and that a GetLayout answered
// with one is what the engine computes at that moment, whatever changed in between (over sockets).

const getLayout = (handle: number): RpcRequest => ({
  id: 1,
  rawId: '1',
  handle,
  method: 'GetLayout',
  params: [],
  delta: false,
});
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('which layouts are made ahead', () => {
  function prefetch() {
    let version = 0;
    const runs: number[] = [];
    const made = new LayoutPrefetch(
      (handle) => {
        runs.push(handle);
        return { qLayout: { handle, version } };
      },
      () => version,
    );
    return { made, runs, change: () => version++ };
  }

  test('a handle whose layout was read since its last change, once per change, for its next GetLayout only', async () => {
    const { made, runs } = prefetch();
    made.changed([1, 2]);
    await turn();
    expect(runs).toEqual([]);
    made.answered(getLayout(1));
    made.changed([1, 2]);
    await turn();
    expect(runs).toEqual([1]);
    expect(made.take(getLayout(1))).toEqual({ qLayout: { handle: 1, version: 0 } });
    expect(made.take(getLayout(1))).toBeUndefined();
    // Not read again since: the next change makes nothing.
    made.changed([1]);
    await turn();
    expect(runs).toEqual([1]);
  });

  test('a layout made before the session changed again, or asked for before it was made, answers nothing', async () => {
    const { made, runs, change } = prefetch();
    made.answered(getLayout(1));
    made.changed([1]);
    await turn();
    change();
    expect(made.take(getLayout(1))).toBeUndefined();
    made.answered(getLayout(1));
    made.changed([1]);
    made.received(getLayout(1));
    await turn();
    expect(runs).toEqual([1]);
    made.answered(getLayout(3));
    made.changed([3]);
    made.forget([3]);
    await turn();
    expect(runs).toEqual([1]);
  });
});

const SCRIPT = `Facts:
LOAD Mod(RecNo(), 5) AS G, RecNo() AS V, If(RecNo() <= 20, 'a', 'b') AS F
AUTOGENERATE 100;`;
const CHART = {
  qInfo: { qId: 'chart', qType: 'table' },
  qHyperCubeDef: {
    qDimensions: [{ qDef: { qFieldDefs: ['G'] } }],
    qMeasures: [{ qDef: { qDef: 'Sum(V)' } }],
    qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
  },
};

let fixture: EngineFixture;
let appId = '';

beforeAll(async () => {
  fixture = await startFixture();
  const global = await fixture.session().open();
  appId = (await global.createApp('Layouts ahead')).qAppId;
  const doc = await global.openDoc(appId);
  await doc.setScript(SCRIPT);
  expect(await doc.doReload()).toBe(true);
  await doc.doSave();
});
afterAll(() => fixture.close());

/** A raw socket on a session, with its doc handle. */
async function socketOn(identity: string, open: boolean) {
  const raw: RawSocket = await fixture.raw(`/app/${appId}/identity/${identity}`);
  await raw.next(); // OnConnected
  const call = async (message: Record<string, unknown>) => {
    const answer = await raw.call(message);
    expect(answer.error).toBeUndefined();
    return answer;
  };
  const handleOf = async (message: Record<string, unknown>) =>
    ((await call(message)).result as { qReturn: { qHandle: number } }).qReturn.qHandle;
  const doc = await handleOf({
    handle: -1,
    method: open ? 'OpenDoc' : 'GetActiveDoc',
    params: open ? [appId] : [],
  });
  return {
    call,
    handleOf,
    select: async (field: string, values: string[]) => {
      const handle = await handleOf({ handle: doc, method: 'GetField', params: [field] });
      return call(
        values.length === 0
          ? { handle, method: 'Clear', params: [] }
          : { handle, method: 'SelectValues', params: [values.map((qText) => ({ qText }))] },
      );
    },
    doc,
  };
}

const layoutOf = async (socket: Awaited<ReturnType<typeof socketOn>>, handle: number) =>
  ((await socket.call({ handle, method: 'GetLayout', params: [] })).result as { qLayout: object })
    .qLayout;
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('layouts made ahead over sockets', () => {
  it('answer as the engine computes then, after a selection, a selection from another socket, or new properties', async () => {
    const a = await socketOn('ahead', true);
    const b = await socketOn('ahead', false);
    const ref = await socketOn('ahead-reference', true);
    const chart = await a.handleOf({
      handle: a.doc,
      method: 'CreateSessionObject',
      params: [CHART],
    });
    const refChart = await ref.handleOf({
      handle: ref.doc,
      method: 'CreateSessionObject',
      params: [CHART],
    });
    await layoutOf(a, chart);

    // A selection: the chart's layout is made ahead while the answer travels.
    const selected = await a.select('F', ['a']);
    expect(selected.change).toContain(chart);
    await pause();
    await ref.select('F', ['a']);
    expect(await layoutOf(a, chart)).toEqual(await layoutOf(ref, refChart));

    // Made ahead, then another socket of the session selects: the layout shows that selection.
    await a.select('F', []);
    await pause();
    await b.select('F', ['b']);
    await ref.select('F', ['b']);
    const afterOther = await layoutOf(a, chart);
    expect(afterOther).toEqual(await layoutOf(ref, refChart));

    // Made ahead, then the chart's properties change: the layout is of the new properties.
    await a.select('F', []);
    await ref.select('F', []);
    await pause();
    const bChart = await b.handleOf({ handle: b.doc, method: 'GetObject', params: ['chart'] });
    const changed = structuredClone(CHART);
    changed.qHyperCubeDef.qMeasures = [{ qDef: { qDef: 'Max(V)' } }];
    await b.call({ handle: bChart, method: 'SetProperties', params: [changed] });
    await ref.call({ handle: refChart, method: 'SetProperties', params: [changed] });
    const newMeasure = (await layoutOf(a, chart)) as {
      qHyperCube: { qMeasureInfo: { qFallbackTitle: string }[] };
    };
    expect(newMeasure.qHyperCube.qMeasureInfo[0]!.qFallbackTitle).toBe('Max(V)');
    expect(newMeasure).toEqual(await layoutOf(ref, refChart));
  });
});

describe('a layout made ahead, then the user loses access', () => {
  it('is refused as the method would be', async () => {
    let allowed = true;
    const guarded = await startFixture({
      authenticate: () => ({ userId: 'ann', may: () => allowed }),
    });
    try {
      const global = await guarded.session().open();
      const id = (await global.createApp('Guarded')).qAppId;
      const setup = await global.openDoc(id);
      await setup.setScript(SCRIPT);
      expect(await setup.doReload()).toBe(true);
      await setup.doSave();
      const raw = await guarded.raw(`/app/${id}`);
      await raw.next(); // OnConnected
      const result = async (message: Record<string, unknown>) => (await raw.call(message)).result;
      const handleOf = async (message: Record<string, unknown>) =>
        ((await result(message)) as { qReturn: { qHandle: number } }).qReturn.qHandle;
      const doc = await handleOf({ handle: -1, method: 'OpenDoc', params: [id] });
      const chart = await handleOf({ handle: doc, method: 'CreateSessionObject', params: [CHART] });
      await result({ handle: chart, method: 'GetLayout', params: [] });
      const field = await handleOf({ handle: doc, method: 'GetField', params: ['F'] });
      await result({ handle: field, method: 'SelectValues', params: [[{ qText: 'a' }]] });
      await pause();
      allowed = false;
      const refused = await raw.call({ handle: chart, method: 'GetLayout', params: [] });
      expect((refused.error as { code: number; message: string }).message).toMatch(/Access denied/);
    } finally {
      await guarded.close();
    }
  });
});
