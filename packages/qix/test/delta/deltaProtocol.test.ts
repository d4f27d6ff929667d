import { afterEach, beforeEach, expect, it } from 'vitest';
import { errorCodes, openSession, type QixSession } from '@qlikit/qix';
import { ScriptedEngine, type Reply, type WireRequest } from '../helpers/ScriptedEngine.js';
import { installMiniEngine } from '../helpers/miniEngine.js';

let engine: ScriptedEngine;
let session: QixSession;
/** The patches the engine answers the next GetLayout calls with, in order. */
let script: unknown[][];

beforeEach(async () => {
  engine = await ScriptedEngine.start();
  installMiniEngine(engine, [{ id: 'chart1', type: 'GenericObject', genericType: 'table' }]);
  script = [];
  engine.on('GetLayout', (request: WireRequest): Reply => {
    const patches = script.shift();
    if (!patches) return { error: { code: 2, message: 'script exhausted' } };
    return request.delta
      ? { delta: true, result: { qLayout: patches } }
      : { result: { qLayout: patches } };
  });
  session = openSession({ url: engine.url, reconnect: false });
});

afterEach(async () => {
  await session.close();
  await engine.stop();
});

async function chart() {
  const global = await session.open();
  const doc = await global.openDoc('app');
  return doc.getObject('chart1');
}

it('asks for deltas, patches the last value per handle+method+key, and leaves earlier results untouched', async () => {
  const object = await chart();
  script.push(
    [
      {
        op: 'add',
        path: '/',
        value: {
          qInfo: { qId: 'chart1' },
          rows: [
            [1, 2],
            [3, 4],
          ],
          'a/b': 0,
          'm~n': 0,
        },
      },
    ],
    [
      { op: 'replace', path: '/rows/1/0', value: 30 },
      { op: 'replace', path: '/a~1b', value: 1 },
      { op: 'replace', path: '/m~0n', value: 2 },
      { op: 'copy', from: '/rows/0', path: '/first' },
      { op: 'test', path: '/first', value: [1, 2] },
      { op: 'move', from: '/first', path: '/moved' },
    ],
    [],
  );
  const first = await object.getLayout();
  const snapshot = JSON.parse(JSON.stringify(first));
  const second = (await object.getLayout()) as unknown as Record<string, unknown>;
  expect(engine.requestsOf('GetLayout').every((request) => request.delta === true)).toBe(true);
  expect(second).toEqual({
    qInfo: { qId: 'chart1' },
    rows: [
      [1, 2],
      [30, 4],
    ],
    'a/b': 1,
    'm~n': 2,
    moved: [1, 2],
  });
  expect(first).toEqual(snapshot);
  // An empty patch list means "unchanged".
  expect(await object.getLayout()).toEqual(second);
});

it('rejects a failed test op and a non-array delta result with their codes', async () => {
  const object = await chart();
  script.push([{ op: 'add', path: '/', value: { a: 1 } }], [{ op: 'test', path: '/a', value: 2 }]);
  await object.getLayout();
  await expect(object.getLayout()).rejects.toMatchObject({ code: errorCodes.PATCH_TEST_FAILED });
  engine.on('GetProperties', () => ({ delta: true, result: { qProp: { not: 'patches' } } }));
  await expect(object.getProperties()).rejects.toMatchObject({
    code: errorCodes.EXPECTED_ARRAY_OF_PATCHES,
  });
});

it('sends delta: false (as enigma.js does) when the delta protocol is off', async () => {
  await session.close();
  session = openSession({ url: engine.url, reconnect: false, delta: false });
  const object = await chart();
  script.push([{ op: 'add', path: '/', value: { a: 1 } }] as unknown[]);
  await object.getLayout();
  expect(engine.requestsOf('GetLayout')[0].delta).toBe(false);
});

it('starts the delta cache over when the session resumes on a new socket', async () => {
  const object = await chart();
  script.push([{ op: 'add', path: '/', value: { a: 1 } }]);
  expect(await object.getLayout()).toEqual({ a: 1 });
  await session.suspend();
  await session.resume();
  // The new engine session has no baseline: a patch that needs the old value cannot apply.
  script.push([{ op: 'add', path: '/b', value: 2 }]);
  await expect(object.getLayout()).rejects.toMatchObject({ code: errorCodes.PATCH_HAS_NO_PARENT });
  script.push([{ op: 'add', path: '/', value: { fresh: true } }]);
  expect(await object.getLayout()).toEqual({ fresh: true });
});
