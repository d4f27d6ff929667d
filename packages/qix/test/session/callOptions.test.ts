import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSession, QixError, type QixSession } from '@qlikit/qix';
import { errorCodes } from '@qlikit/qix/error-codes';
import { ScriptedEngine, type WireRequest } from '../helpers/ScriptedEngine.js';
import { installMiniEngine } from '../helpers/miniEngine.js';

let engine: ScriptedEngine;
let session: QixSession;

beforeEach(async () => {
  engine = await ScriptedEngine.start();
  installMiniEngine(engine, [{ id: 'chart1', type: 'GenericObject', genericType: 'table' }]);
  session = openSession({ url: engine.url, reconnect: false });
});

afterEach(async () => {
  await session.close();
  await engine.stop();
});

it('rejects at once with REQUEST_ABORTED when the signal aborts, and sends CancelRequest for that id', async () => {
  const global = await session.open();
  engine.on('GetDocList', () => undefined);
  const controller = new AbortController();
  const call = global.getDocList({}, { signal: controller.signal }) as Promise<unknown> & {
    requestId: number;
  };
  await engine.waitForRequest('GetDocList');
  controller.abort(new Error('user left'));
  const error = await call.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(QixError);
  expect(error).toMatchObject({ code: errorCodes.REQUEST_ABORTED });
  expect((error as Error).cause).toEqual(new Error('user left'));
  const cancel = await engine.waitForRequest('CancelRequest');
  expect(cancel).toMatchObject({ handle: -1, params: [call.requestId] });
});

it('does not send a call whose signal is already aborted', async () => {
  const global = await session.open();
  const call = global.getDocList({}, { signal: AbortSignal.abort() });
  await expect(call).rejects.toMatchObject({ code: errorCodes.REQUEST_ABORTED });
  // A later round trip proves that nothing was sent before it.
  await global.engineVersion().catch(() => undefined);
  expect(engine.requestsOf('EngineVersion')).toHaveLength(1);
  expect(engine.requestsOf('GetDocList')).toHaveLength(0);
});

it('times out a call with REQUEST_TIMEOUT (per call, or the session default) and cancels it', async () => {
  const global = await session.open();
  engine.on('GetDocList', () => undefined);
  await expect(global.getDocList({}, { timeout: 10 })).rejects.toMatchObject({
    code: errorCodes.REQUEST_TIMEOUT,
  });
  await engine.waitForRequest('CancelRequest');
  await session.close();
  session = openSession({ url: engine.url, reconnect: false, timeout: 10 });
  const again = await session.open();
  await expect(again.getDocList()).rejects.toMatchObject({ code: errorCodes.REQUEST_TIMEOUT });
  await engine.waitForRequest('CancelRequest', 2);
});

it('still applies the delta of a late answer to an aborted call, so later patches stay right', async () => {
  const global = await session.open();
  const doc = await global.openDoc('app');
  const object = await doc.getObject('chart1');
  const held: WireRequest[] = [];
  engine.on('GetLayout', (request) => {
    held.push(request);
    return undefined;
  });
  const controller = new AbortController();
  const aborted = object.getLayout({}, { signal: controller.signal });
  await engine.waitForRequest('GetLayout');
  controller.abort();
  await expect(aborted).rejects.toMatchObject({ code: errorCodes.REQUEST_ABORTED });
  engine.last.answer(held[0], {
    delta: true,
    result: { qLayout: [{ op: 'add', path: '/', value: { n: 1 } }] },
  });
  const next = object.getLayout();
  await engine.waitForRequest('GetLayout', 2);
  engine.last.answer(held[1], {
    delta: true,
    result: { qLayout: [{ op: 'replace', path: '/n', value: 2 }] },
  });
  expect(await next).toEqual({ n: 2 });
});

it('accepts options after all positional params', async () => {
  const global = await session.open();
  const doc = await global.openDoc('app');
  engine.on('GetObject', () => undefined);
  await expect(doc.getObject('chart1', { timeout: 5 })).rejects.toMatchObject({
    code: errorCodes.REQUEST_TIMEOUT,
  });
  expect((await engine.waitForRequest('GetObject')).params).toEqual(['chart1']);
});
