import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSession, qixSchema } from '@qlikit/qix';
import qlikitEnigma from '@qlikit/qix/enigma';
import { ScriptedEngine, type Reply, type WireRequest } from '../helpers/ScriptedEngine.js';
import { installMiniEngine } from '../helpers/miniEngine.js';

// A program that changes a layout it was given (sorts rows, adds a member) must not
// change what the next delta answer is applied to, where results are copies.

let engine: ScriptedEngine;
let script: unknown[][];

beforeEach(async () => {
  engine = await ScriptedEngine.start();
  installMiniEngine(engine, [{ id: 'chart1', type: 'GenericObject', genericType: 'table' }]);
  script = [
    [{ op: 'add', path: '/', value: { rows: [[3], [1], [2]], title: 'a' } }],
    [{ op: 'replace', path: '/title', value: 'b' }],
  ];
  engine.on('GetLayout', (request: WireRequest): Reply => {
    const patches = script.shift();
    if (!patches || !request.delta) return { error: { code: 2, message: 'script exhausted' } };
    return { delta: true, result: { qLayout: patches } };
  });
});

afterEach(() => engine.stop());

interface Layout {
  rows: number[][];
  title: string;
  extra?: number;
}

/** Changes a layout in place as programs do, then gets the next (patched) one. */
async function changeThenNext(getLayout: () => Promise<unknown>): Promise<Layout> {
  const first = (await getLayout()) as Layout;
  first.rows.sort((a, b) => a[0]! - b[0]!);
  first.rows[0]![0] = 100;
  first.extra = 1;
  return (await getLayout()) as Layout;
}

it('hands out copies on the enigma.js entry: a changed result leaves the next one as the engine meant', async () => {
  const session = qlikitEnigma.create({ schema: qixSchema, url: engine.url });
  const global = (await session.open()) as unknown as {
    openDoc(
      id: string,
    ): Promise<{ getObject(id: string): Promise<{ getLayout(): Promise<unknown> }> }>;
  };
  const object = await (await global.openDoc('app')).getObject('chart1');
  expect(await changeThenNext(() => object.getLayout())).toEqual({
    rows: [[3], [1], [2]],
    title: 'b',
  });
  await session.close();
});

it("hands out copies on the typed entry with deltaResults: 'copies'", async () => {
  const session = openSession({ url: engine.url, reconnect: false, deltaResults: 'copies' });
  const object = await (await (await session.open()).openDoc('app')).getObject('chart1');
  expect(await changeThenNext(() => object.getLayout())).toEqual({
    rows: [[3], [1], [2]],
    title: 'b',
  });
  await session.close();
});

it('shares unchanged parts with the cache on the typed entry by default (results are read-only)', async () => {
  const session = openSession({ url: engine.url, reconnect: false });
  const object = await (await (await session.open()).openDoc('app')).getObject('chart1');
  const first = (await object.getLayout()) as unknown as Layout;
  const second = (await object.getLayout()) as unknown as Layout;
  expect(second).toEqual({ rows: [[3], [1], [2]], title: 'b' });
  expect(second.rows).toBe(first.rows);
  await session.close();
});
