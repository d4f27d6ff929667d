import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type QixSession } from '@qlikit/qix';
import { errorCodes } from '@qlikit/qix/error-codes';
import { ScriptedEngine } from '../helpers/ScriptedEngine.js';
import { installMiniEngine } from '../helpers/miniEngine.js';
import { nextEvent } from '../helpers/nextEvent.js';

const fast = { initialDelay: 5, maxDelay: 20, jitter: 0 };
let engine: ScriptedEngine;
let session: QixSession;

async function startEngine(sessionState?: (index: number) => string): Promise<void> {
  engine = await ScriptedEngine.start({ sessionState });
  installMiniEngine(engine, [
    { id: 'chart1', type: 'GenericObject', genericType: 'barchart' },
    { id: 'dim1', type: 'GenericDimension', genericType: 'dimension' },
  ]);
}

afterEach(async () => {
  await session.close();
  await engine.stop();
});

describe('automatic reconnect', () => {
  beforeEach(() => startEngine());

  it('reconnects after a socket loss and restores the doc, objects, session objects and fields', async () => {
    session = openSession({ url: engine.url, reconnect: fast });
    const global = await session.open();
    const doc = await global.openDoc('sales.qvf', '', '', '', false);
    const chart = await doc.getObject('chart1');
    const dimension = await doc.getDimension('dim1');
    const cube = await doc.createSessionObject({ qInfo: { qType: 'cube' }, title: 'first' });
    await cube.setProperties({ qInfo: { qId: cube.id, qType: 'cube' }, title: 'second' });
    const field = await doc.getField('Country', '$');

    const events: string[] = [];
    session.on('suspended', (event) => events.push(`suspended:${event.initiator}`));
    session.on('reconnecting', (event) => events.push(`reconnecting:${event.attempt}`));
    session.on('resumed', () => events.push('resumed'));
    const chartChanged = nextEvent(chart, 'changed');
    const reconnected = nextEvent(session, 'reconnected');
    engine.dropConnections();
    expect(await reconnected).toEqual([{ attempts: 1 }]);
    await chartChanged;
    expect(events).toEqual(['suspended:network', 'reconnecting:1', 'resumed']);

    const second = engine.connections[1];
    const methods = second.requests.map((request) => request.method);
    expect(methods.slice(0, 2)).toEqual(['GetActiveDoc', 'OpenDoc']);
    expect(second.requests[1].params).toEqual(['sales.qvf', '', '', '', false]);
    const recreated = second.requests.find((request) => request.method === 'CreateSessionObject');
    expect(recreated?.params).toEqual([
      { qInfo: { qId: cube.id, qType: 'cube' }, title: 'second' },
    ]);
    expect(second.requests.find((request) => request.method === 'GetField')?.params).toEqual([
      'Country',
      '$',
    ]);

    // Every API works on the new socket.
    expect(((await chart.getLayout()) as unknown as { connection: number }).connection).toBe(1);
    expect(((await dimension.getLayout()) as unknown as { connection: number }).connection).toBe(1);
    expect(await cube.getLayout()).toMatchObject({ title: 'second', connection: 1 });
    expect(await field.getCardinal()).toBe('Country'.length);
  });

  it('holds calls made while reconnecting and sends them once the session is back', async () => {
    session = openSession({ url: engine.url, reconnect: { ...fast, initialDelay: 50 } });
    const global = await session.open();
    const doc = await global.openDoc('sales.qvf', '', '', '', false);
    const chart = await doc.getObject('chart1');
    const suspended = nextEvent(session, 'suspended');
    engine.dropConnections();
    await suspended;
    const layout = chart.getLayout();
    expect(layout.requestId).toBe(-1);
    expect(((await layout) as unknown as { connection: number }).connection).toBe(1);
    expect(engine.connections[0].requests.filter((r) => r.method === 'GetLayout')).toHaveLength(0);
  });

  it('rejects calls with SESSION_SUSPENDED while reconnecting when waitCalls is off', async () => {
    session = openSession({
      url: engine.url,
      reconnect: { ...fast, initialDelay: 50, waitCalls: false },
    });
    const global = await session.open();
    const suspended = nextEvent(session, 'suspended');
    engine.dropConnections();
    await suspended;
    await expect(global.getDocList()).rejects.toMatchObject({ code: errorCodes.SESSION_SUSPENDED });
    await nextEvent(session, 'reconnected');
  });

  it('ends a held call at its timeout or abort signal', async () => {
    session = openSession({ url: engine.url, reconnect: { ...fast, initialDelay: 200 } });
    const global = await session.open();
    const suspended = nextEvent(session, 'suspended');
    engine.dropConnections();
    await suspended;
    const controller = new AbortController();
    const aborted = global.getDocList({}, { signal: controller.signal });
    const timedOut = global.engineVersion({}, { timeout: 10 });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: errorCodes.REQUEST_ABORTED });
    await expect(timedOut).rejects.toMatchObject({ code: errorCodes.REQUEST_TIMEOUT });
    await nextEvent(session, 'reconnected');
  });

  it('fails held calls when it gives up or the session is closed', async () => {
    session = openSession({ url: engine.url, reconnect: { ...fast, retries: 2 } });
    const global = await session.open();
    const suspended = nextEvent(session, 'suspended');
    await engine.stop();
    await suspended;
    await expect(global.getDocList()).rejects.toMatchObject({ code: errorCodes.NOT_CONNECTED });
    engine = await ScriptedEngine.start();

    session = openSession({ url: engine.url, reconnect: { ...fast, initialDelay: 200 } });
    const second = await session.open();
    const lost = nextEvent(session, 'suspended');
    engine.dropConnections();
    await lost;
    const held = second.getDocList();
    await session.close();
    await expect(held).rejects.toMatchObject({ code: errorCodes.NOT_CONNECTED });
  });

  it('gives up after its retries and emits closed', async () => {
    session = openSession({ url: engine.url, reconnect: { ...fast, retries: 2 } });
    await session.open();
    const attempts: number[] = [];
    session.on('reconnecting', (event) => attempts.push(event.attempt));
    const closed = nextEvent(session, 'closed');
    await engine.stop();
    const [event] = (await closed) as [{ code: number }];
    expect(event.code).toBe(1006);
    expect(attempts).toEqual([1, 2]);
    engine = await ScriptedEngine.start();
  });

  it('does not reconnect after a manual close, nor when turned off', async () => {
    session = openSession({ url: engine.url, reconnect: fast });
    await session.open();
    await session.close();
    expect(engine.connections).toHaveLength(1);
    session = openSession({ url: engine.url, reconnect: false });
    await session.open();
    const closed = nextEvent(session, 'closed');
    engine.dropConnections();
    await closed;
    expect(engine.connections).toHaveLength(2);
  });
});

describe('suspend and resume', () => {
  it('suspends manually, rejects calls with -11, resumes and restores objects', async () => {
    await startEngine();
    session = openSession({ url: engine.url, reconnect: false });
    const global = await session.open();
    const doc = await global.openDoc('app');
    const chart = await doc.getObject('chart1');
    const suspended = nextEvent(session, 'suspended');
    await session.suspend();
    expect(await suspended).toEqual([{ initiator: 'manual', code: 4000, reason: '' }]);
    await expect(chart.getLayout()).rejects.toMatchObject({ code: errorCodes.SESSION_SUSPENDED });
    const resumed = nextEvent(session, 'resumed');
    await session.resume();
    await resumed;
    expect(await chart.getLayout()).toMatchObject({ connection: 1 });
  });

  it('suspends on socket loss with suspendOnClose, and closes APIs it cannot restore', async () => {
    await startEngine();
    session = openSession({ url: engine.url, reconnect: false, suspendOnClose: true });
    const global = await session.open();
    const doc = await global.openDoc('app');
    const chart = await doc.getObject('chart1');
    const suspended = nextEvent(session, 'suspended');
    engine.dropConnections();
    expect(await suspended).toEqual([{ initiator: 'network', code: 1006, reason: '' }]);
    engine.on('GetObject', () => ({ result: { qReturn: { qType: null, qHandle: null } } }));
    const closed = nextEvent(chart, 'closed');
    await session.resume();
    await closed;
    expect(session.isSuspended).toBe(false);
  });

  it('fails resume(true) with SESSION_NOT_ATTACHED on a new session, and resumes on an attached one', async () => {
    await startEngine((index) => (index === 2 ? 'SESSION_ATTACHED' : 'SESSION_CREATED'));
    session = openSession({ url: engine.url, reconnect: false });
    await session.open();
    await session.suspend();
    await expect(session.resume(true)).rejects.toMatchObject({
      code: errorCodes.SESSION_NOT_ATTACHED,
    });
    expect(session.isSuspended).toBe(true);
    await session.resume(true);
    expect(session.isSuspended).toBe(false);
  });
});
