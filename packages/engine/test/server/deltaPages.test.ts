import enigma from 'enigma.js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qixSchema } from '@qlikit/qix';
import { enigmaGlobal } from './helpers/clients.js';
import { startFixture, type EngineFixture, type RawSocket } from './helpers/engineFixture.js';

// Data pages of a chart with delta on, as a chart fetches them after each selection: pages
// that change a few cells go out as patches, pages of other rows whole as plain answers, and
// every client's applied result equals what a delta-off session receives.

// 600 ids of two records each: F is 'a' for one, 'b' for the other except ids 1-10 ('c').
const SCRIPT = `Facts:
LOAD Ceil(RecNo() / 2) AS Id,
  If(Mod(RecNo(), 2) = 1, 'a', If(RecNo() <= 20, 'c', 'b')) AS F,
  Mod(RecNo() * 37, 1000) AS V,
  Mod(Ceil(RecNo() / 2), 3) AS G
AUTOGENERATE 1200;`;

const CHART = {
  qInfo: { qType: 'table' },
  qHyperCubeDef: {
    qDimensions: [{ qDef: { qFieldDefs: ['Id'] } }],
    qMeasures: [{ qDef: { qDef: 'Sum(V)' } }],
    qInitialDataFetch: [],
  },
};
const PAGE = [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 600 }];

/** The steps: a field and the values selected in it (none: cleared), and the answer a delta client gets. */
const STEPS: { field: string; values: (string | number)[]; answer: 'first' | 'patch' | 'whole' }[] =
  [
    { field: 'F', values: [], answer: 'first' },
    { field: 'F', values: [], answer: 'patch' }, // the same page: an empty patch
    { field: 'F', values: ['a', 'b'], answer: 'patch' }, // ten sums change
    { field: 'G', values: [1], answer: 'whole' }, // other rows
    { field: 'G', values: [2], answer: 'whole' },
    { field: 'G', values: [], answer: 'patch' }, // back to the page the clients patched last
    { field: 'F', values: [], answer: 'patch' },
  ];

let fixture: EngineFixture;
let appId = '';
const sessions: EnigmaJS.Session[] = [];

beforeAll(async () => {
  fixture = await startFixture();
  const global = await fixture.session().open();
  appId = (await global.createApp('Delta pages')).qAppId;
  const doc = await global.openDoc(appId);
  await doc.setScript(SCRIPT);
  expect(await doc.doReload()).toBe(true);
  await doc.doSave();
});
afterAll(async () => {
  await Promise.allSettled(sessions.map((session) => session.close()));
  await fixture.close();
});

/** What a chart's client does at each step: select, then fetch its page. */
interface Viewer {
  look(field: string, values: (string | number)[]): Promise<unknown>;
}

/** The doc calls a chart's client makes, as enigma.js and @qlikit/qix both name them. */
interface ChartDoc {
  getField(name: string): Promise<Parameters<typeof select>[0]>;
  createSessionObject(props: never): Promise<{
    getLayout(): Promise<unknown>;
    getHyperCubeData(path: string, pages: typeof PAGE): Promise<unknown>;
  }>;
}

async function viewerOf(doc: ChartDoc): Promise<Viewer> {
  const object = await doc.createSessionObject(structuredClone(CHART) as never);
  return {
    async look(field, values) {
      await select(await doc.getField(field), values);
      await object.getLayout();
      return object.getHyperCubeData('/qHyperCubeDef', PAGE);
    },
  };
}

async function enigmaViewer(identity: string, delta: boolean): Promise<Viewer> {
  const session = enigma.create({
    schema: qixSchema as unknown as object,
    url: `${fixture.engine.url}/app/${appId}/identity/${identity}`,
    createSocket: (url: string) => new WebSocket(url) as never,
    protocol: { delta },
  });
  sessions.push(session);
  const doc = await (await enigmaGlobal(session)).openDoc(appId);
  return viewerOf(doc as unknown as ChartDoc);
}

async function qixViewer(identity: string): Promise<Viewer> {
  const session = fixture.session(`/app/${appId}/identity/${identity}`, { delta: true });
  const doc = await (await session.open()).openDoc(appId);
  return viewerOf(doc as unknown as ChartDoc);
}

async function select(
  field: { clear(): Promise<unknown>; selectValues(values: never[]): Promise<unknown> },
  values: (string | number)[],
): Promise<void> {
  if (values.length === 0) await field.clear();
  else
    await field.selectValues(
      values.map((value) =>
        typeof value === 'number'
          ? { qText: String(value), qIsNumeric: true, qNumber: value }
          : { qText: value },
      ) as never[],
    );
}

/** A raw socket that asks for pages with delta, for the answers' form and size. */
async function rawViewer(identity: string) {
  const raw: RawSocket = await fixture.raw(`/app/${appId}/identity/${identity}`);
  await raw.next(); // OnConnected
  const handleOf = async (message: Record<string, unknown>) =>
    ((await raw.call(message)).result as { qReturn: { qHandle: number } }).qReturn.qHandle;
  const doc = await handleOf({ handle: -1, method: 'OpenDoc', params: [appId] });
  const object = await handleOf({ handle: doc, method: 'CreateSessionObject', params: [CHART] });
  const fields = new Map<string, number>();
  return {
    async look(field: string, values: (string | number)[]) {
      let handle = fields.get(field);
      if (handle === undefined)
        fields.set(
          field,
          (handle = await handleOf({ handle: doc, method: 'GetField', params: [field] })),
        );
      await raw.call(
        values.length === 0
          ? { handle, method: 'Clear', params: [] }
          : {
              handle,
              method: 'SelectValues',
              params: [
                values.map((v) => ({
                  qText: String(v),
                  qIsNumeric: typeof v === 'number',
                  qNumber: typeof v === 'number' ? v : undefined,
                })),
              ],
            },
      );
      await raw.call({ handle: object, method: 'GetLayout', params: [], delta: true });
      const params = { qPath: '/qHyperCubeDef', qPages: PAGE };
      const withDelta = await raw.call({
        handle: object,
        method: 'GetHyperCubeData',
        params,
        delta: true,
      });
      const plain = await raw.call({ handle: object, method: 'GetHyperCubeData', params });
      return { withDelta, plain };
    },
  };
}

describe('data pages with delta on', () => {
  it('patch what changed, send other rows whole as a plain answer, and rebuild every page in enigma.js and @qlikit/qix', async () => {
    const reference = await enigmaViewer('reference', false);
    const clients: [string, Viewer][] = [
      ['enigma.js', await enigmaViewer('enigma', true)],
      ['@qlikit/qix', await qixViewer('qix')],
    ];
    const raw = await rawViewer('raw');
    for (const [step, { field, values, answer }] of STEPS.entries()) {
      const expected = JSON.parse(JSON.stringify(await reference.look(field, values)));
      for (const [name, client] of clients)
        expect(await client.look(field, values), `${name}, step ${step}`).toEqual(expected);

      const { withDelta, plain } = await raw.look(field, values);
      expect(plain.result).toEqual({ qDataPages: expected });
      const wholeBytes = JSON.stringify(plain.result).length;
      const patches = (withDelta.result as { qDataPages: { op: string; path: string }[] })
        .qDataPages;
      if (answer === 'whole') {
        // A page of other rows: the value itself, without delta (the clients keep their bases).
        expect(withDelta.delta, `step ${step}`).toBeUndefined();
        expect(withDelta.result).toEqual(plain.result);
        continue;
      }
      expect(withDelta.delta, `step ${step}`).toBe(true);
      if (answer === 'first') expect(patches).toEqual([{ op: 'add', path: '/', value: expected }]);
      else {
        expect(
          patches.every((patch) => patch.path !== '/'),
          `step ${step}`,
        ).toBe(true);
        // Never bigger than the value; for a page this big, at most half of it.
        expect(JSON.stringify(withDelta.result).length).toBeLessThanOrEqual(wholeBytes / 2);
      }
    }
  });

  it('pages made ahead while a layout travels are the pages asked for, after any change between the layout and the request', async () => {
    // Each client looks at a chart as after a selection (the layout, then a pause in which the engine
    // makes the page it fetched last ahead, then a page) while a second socket of its session selects.
    const LOWER = [{ qTop: 100, qLeft: 0, qWidth: 2, qHeight: 300 }];
    const reference = await enigmaChart('ahead-reference', false);
    const clients: [string, Awaited<ReturnType<typeof enigmaChart>>][] = [
      ['enigma.js', await enigmaChart('ahead-enigma', true)],
      ['@qlikit/qix', await qixChart('ahead-qix')],
    ];
    const steps: {
      select: [string, (string | number)[]];
      page: typeof PAGE;
      meanwhile?: [string, (string | number)[]];
    }[] = [
      { select: ['F', ['a', 'b']], page: PAGE },
      { select: ['G', [1]], page: PAGE }, // the page made ahead
      { select: ['G', [2]], page: LOWER }, // another area than the one made ahead
      { select: ['G', []], page: LOWER, meanwhile: ['G', [1]] }, // made ahead, then selected away
      { select: ['F', []], page: LOWER, meanwhile: ['F', ['c']] },
    ];
    for (const [step, { select: pick, page, meanwhile }] of steps.entries()) {
      await reference.select(...pick);
      if (meanwhile) await reference.select(...meanwhile);
      await reference.layout();
      const expected = JSON.parse(JSON.stringify(await reference.page(page)));
      for (const [name, client] of clients) {
        await client.select(...pick);
        await client.layout();
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (meanwhile) await client.otherSocketSelects(...meanwhile);
        expect(await client.page(page), `${name}, step ${step}`).toEqual(expected);
      }
    }
  });
});

/** A chart's client in steps (select, layout, page), with a second socket on its session. */
async function chartIn(doc: ChartDoc, identity: string) {
  const object = await doc.createSessionObject(structuredClone(CHART) as never);
  const other = await fixture.raw(`/app/${appId}/identity/${identity}`);
  await other.next(); // OnConnected
  const handleOf = async (message: Record<string, unknown>) =>
    ((await other.call(message)).result as { qReturn: { qHandle: number } }).qReturn.qHandle;
  const otherDoc = await handleOf({ handle: -1, method: 'GetActiveDoc', params: [] });
  return {
    select: async (field: string, values: (string | number)[]) =>
      select(await doc.getField(field), values),
    layout: () => object.getLayout(),
    page: (pages: typeof PAGE) => object.getHyperCubeData('/qHyperCubeDef', pages),
    async otherSocketSelects(field: string, values: (string | number)[]) {
      const handle = await handleOf({ handle: otherDoc, method: 'GetField', params: [field] });
      const answer = await other.call(
        values.length === 0
          ? { handle, method: 'Clear', params: [] }
          : {
              handle,
              method: 'SelectValues',
              params: [
                values.map((v) => ({
                  qText: String(v),
                  qIsNumeric: typeof v === 'number',
                  qNumber: typeof v === 'number' ? v : undefined,
                })),
              ],
            },
      );
      expect(answer.error).toBeUndefined();
    },
  };
}

async function enigmaChart(identity: string, delta: boolean) {
  const session = enigma.create({
    schema: qixSchema as unknown as object,
    url: `${fixture.engine.url}/app/${appId}/identity/${identity}`,
    createSocket: (url: string) => new WebSocket(url) as never,
    protocol: { delta },
  });
  sessions.push(session);
  const doc = await (await enigmaGlobal(session)).openDoc(appId);
  return chartIn(doc as unknown as ChartDoc, identity);
}

async function qixChart(identity: string) {
  const session = fixture.session(`/app/${appId}/identity/${identity}`, { delta: true });
  const doc = await (await session.open()).openDoc(appId);
  return chartIn(doc as unknown as ChartDoc, identity);
}
