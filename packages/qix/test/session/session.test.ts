import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openSession, QixEngineError, QixError, type QixSession } from '@qlikit/qix';
import { errorCodes } from '@qlikit/qix/error-codes';
import { ScriptedEngine, type WireRequest } from '../helpers/ScriptedEngine.js';
import { installMiniEngine } from '../helpers/miniEngine.js';
import { nextEvent } from '../helpers/nextEvent.js';

let engine: ScriptedEngine;
let session: QixSession;

beforeEach(async () => {
  engine = await ScriptedEngine.start();
  installMiniEngine(engine, [{ id: 'chart1', type: 'GenericObject', genericType: 'barchart' }]);
  session = openSession({ url: engine.url, reconnect: false });
});

afterEach(async () => {
  await session.close();
  await engine.stop();
});

describe('open and close', () => {
  it('resolves the Global API after emitting opened, and memoises open()', async () => {
    const events: string[] = [];
    session.on('opened', () => events.push('opened'));
    const first = session.open();
    const global = await first;
    events.push('resolved');
    expect(session.open()).toBe(first);
    expect(events).toEqual(['opened', 'resolved']);
    expect(global.id).toBe('Global');
    expect(global.type).toBe('Global');
    expect(global.handle).toBe(-1);
  });

  it('emits OnConnected as notification:* and notification:OnConnected', async () => {
    const all = nextEvent(session, 'notification:*');
    const specific = nextEvent(session, 'notification:OnConnected');
    await session.open();
    expect(await all).toEqual(['OnConnected', { qSessionState: 'SESSION_CREATED' }]);
    expect(await specific).toEqual([{ qSessionState: 'SESSION_CREATED' }]);
  });

  it('emits closed once for close(4001) and reconnects on open() after close()', async () => {
    await session.open();
    let closedCount = 0;
    session.on('closed', () => (closedCount += 1));
    const event = await session.close(4001, 'bye');
    expect(event.code).toBe(4001);
    expect(closedCount).toBe(1);
    const global = await session.open();
    expect(engine.connections).toHaveLength(2);
    engine.on('EngineVersion', () => ({ result: { qVersion: { qComponentVersion: '1.2.3' } } }));
    expect(await global.engineVersion()).toEqual({ qComponentVersion: '1.2.3' });
  });

  it('works over a socket that has only the W3C interface (no ws internals to cork or listen on)', async () => {
    /** A WebSocket as browsers and Node's global WebSocket show it: no `_socket`, no `on()`. */
    class W3cOnly {
      readonly #inner: WebSocket;
      onopen: ((event: unknown) => void) | null = null;
      onclose: ((event: { code: number; reason: string }) => void) | null = null;
      onerror: ((event: unknown) => void) | null = null;
      onmessage: ((event: { data: unknown }) => void) | null = null;
      constructor(url: string) {
        this.#inner = new WebSocket(url);
        this.#inner.onopen = (event) => this.onopen?.(event);
        this.#inner.onclose = (event) => this.onclose?.(event);
        this.#inner.onerror = (event) => this.onerror?.(event);
        this.#inner.onmessage = (event) => this.onmessage?.({ data: String(event.data) });
      }
      get readyState(): number {
        return this.#inner.readyState;
      }
      send(data: string): void {
        this.#inner.send(data);
      }
      close(code?: number, reason?: string): void {
        this.#inner.close(code, reason);
      }
    }
    await session.close();
    session = openSession({
      url: engine.url,
      reconnect: false,
      createSocket: (url) => new W3cOnly(url),
    });
    const notified = nextEvent(session, 'notification:OnConnected');
    const global = await session.open();
    expect(await notified).toEqual([{ qSessionState: 'SESSION_CREATED' }]);
    const doc = await global.openDoc('app');
    const charts = await Promise.all(Array.from({ length: 50 }, () => doc.getObject('chart1')));
    expect(new Set(charts).size).toBe(1);
    expect(charts[0].genericType).toBe('barchart');
  });

  it('rejects outstanding calls with -1 "Socket closed" when the socket closes', async () => {
    const global = await session.open();
    engine.on('GetDocList', () => undefined);
    const pending = global.getDocList();
    await engine.waitForRequest('GetDocList');
    engine.dropConnections();
    await expect(pending).rejects.toMatchObject({
      code: errorCodes.NOT_CONNECTED,
      message: 'Socket closed',
    });
  });

  it('emits closed on an unexpected socket loss when reconnect and suspendOnClose are off', async () => {
    await session.open();
    const closed = nextEvent(session, 'closed');
    engine.dropConnections();
    const [event] = (await closed) as [{ code: number }];
    expect(event.code).toBe(1006);
  });

  it('does not change the options it was given', async () => {
    const options = Object.freeze({
      url: engine.url,
      reconnect: false,
      interceptors: Object.freeze({}),
    });
    const other = openSession(options);
    await other.open();
    await other.close();
    expect(options).toEqual({ url: engine.url, reconnect: false, interceptors: {} });
  });
});

describe('parameters', () => {
  it('sends positional params as given', async () => {
    const global = await session.open();
    await global.openDoc('my app', '', '', '', true);
    expect(engine.requestsOf('OpenDoc')[0].params).toEqual(['my app', '', '', '', true]);
  });

  it('turns named params into positional ones with schema defaults, keeping falsy values', async () => {
    const global = await session.open();
    await global.openDoc({ qDocName: 'app', qNoData: false, qUserName: '' });
    expect(engine.requestsOf('OpenDoc')[0].params).toEqual(['app', '', '', '', false]);
    engine.on('GetInteract', () => ({ result: { qDef: { qType: 0 }, qReturn: true } }));
    await global.getInteract({ qRequestId: 0 });
    expect(engine.requestsOf('GetInteract')[0].params).toEqual([0]);
  });

  it('accepts {} for a method without In params', async () => {
    const global = await session.open();
    const doc = await global.openDoc('app');
    const object = await doc.getObject('chart1');
    const layout = await object.getLayout({});
    expect(layout.qInfo.qId).toBe('chart1');
    expect(engine.requestsOf('GetLayout')[0].params).toEqual([]);
  });

  it('rejects an unknown named key with UNKNOWN_PARAMETER and sends nothing', async () => {
    const global = await session.open();
    const call = (global.openDoc as (params: object) => Promise<unknown>)({
      qDocName: 'a',
      qDocNam: 'b',
    });
    await expect(call).rejects.toMatchObject({ code: errorCodes.UNKNOWN_PARAMETER });
    await expect(call).rejects.toBeInstanceOf(QixError);
    await global.engineVersion().catch(() => undefined);
    expect(engine.requestsOf('EngineVersion')).toHaveLength(1);
    expect(engine.requestsOf('OpenDoc')).toHaveLength(0);
  });

  it('passes a lone struct argument positionally', async () => {
    const global = await session.open();
    const doc = await global.openDoc('app');
    const object = await doc.createSessionObject({ qInfo: { qType: 'mine' } });
    expect(engine.requestsOf('CreateSessionObject')[0].params).toEqual([
      { qInfo: { qType: 'mine' } },
    ]);
    expect(object.genericType).toBe('mine');
  });
});

describe('return values', () => {
  it('returns qReturn, else the single Out param, else the whole result', async () => {
    const global = await session.open();
    engine.on('GetUniqueID', () => ({ result: { qUniqueID: 'u1' } }));
    engine.on('IsDesktopMode', () => ({ result: { qReturn: false } }));
    engine.on('GetProgress', () => ({ result: { qProgressData: { qFinished: true } } }));
    engine.on('GetAppEntry', () => ({ result: { qEntry: { qID: 'x' } } }));
    expect(await global.getUniqueID()).toBe('u1');
    expect(await global.isDesktopMode()).toBe(false);
    expect(await global.getProgress(0)).toEqual({ qFinished: true });
    const doc = await global.openDoc('app');
    engine.on('CheckExpression', () => ({ result: { qErrorMsg: '', qBadFieldNames: [] } }));
    expect(await doc.checkExpression('=1')).toEqual({ qErrorMsg: '', qBadFieldNames: [] });
  });

  it('gives one API object per handle and rejects qHandle null with -2', async () => {
    const global = await session.open();
    const doc = await global.openDoc('app');
    const first = await doc.getObject('chart1');
    const again = await doc.getObject('chart1');
    expect(again).toBe(first);
    expect(first.genericType).toBe('barchart');
    expect(Object.getPrototypeOf(first)).toBe(
      Object.getPrototypeOf(await doc.createSessionObject({ qInfo: { qType: 'x' } })),
    );
    await expect(doc.getObject('missing')).rejects.toMatchObject({
      code: errorCodes.OBJECT_NOT_FOUND,
      message: 'Object not found',
    });
  });

  it('normalises CreateSessionApp and drops qReturn of GetInteract', async () => {
    const global = await session.open();
    engine.on('CreateSessionApp', () => ({
      result: { qReturn: { qType: 'Doc', qHandle: 7 }, qSessionAppId: 'SessionApp_1' },
    }));
    const app = await global.createSessionApp();
    expect(app.id).toBe('SessionApp_1');
    expect(app.type).toBe('Doc');
    engine.on('GetInteract', () => ({ result: { qDef: { qType: 1 }, qReturn: true } }));
    expect(await global.getInteract(3)).toEqual({ qType: 1 });
  });

  it('rejects engine errors with their code, parameter and message', async () => {
    const global = await session.open();
    engine.on('OpenDoc', () => ({
      error: { code: 1003, parameter: 'nope', message: 'App not found' },
    }));
    const error = await global.openDoc('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QixEngineError);
    expect(error).toMatchObject({ code: 1003, parameter: 'nope', message: 'App not found' });
  });
});

describe('change and close', () => {
  it('emits changed before the promise of the call that caused it resolves', async () => {
    const global = await session.open();
    const doc = await global.openDoc('app');
    const object = await doc.getObject('chart1');
    const order: string[] = [];
    object.on('changed', () => order.push('changed'));
    await object
      .setProperties({ qInfo: { qId: 'chart1', qType: 'barchart' } })
      .then(() => order.push('resolved'));
    expect(order).toEqual(['changed', 'resolved']);
  });

  it('emits changed for pushed change lists and closed for close lists; a closed API leaves the cache', async () => {
    const global = await session.open();
    const doc = await global.openDoc('app');
    const object = await doc.getObject('chart1');
    const changed = nextEvent(object, 'changed');
    engine.last.push({ jsonrpc: '2.0', change: [object.handle] });
    await changed;
    const closed = nextEvent(object, 'closed');
    engine.last.push({ jsonrpc: '2.0', close: [object.handle] });
    await closed;
    // The engine reuses nothing, but a stale handle must not resolve to the closed API.
    engine.on('GetObject', () => ({
      result: { qReturn: { qType: 'GenericObject', qHandle: object.handle, qGenericId: 'chart1' } },
    }));
    const fresh = await doc.getObject('chart1');
    expect(fresh).not.toBe(object);
  });

  it('emits closed on every API object when the session closes', async () => {
    const global = await session.open();
    const doc = await global.openDoc('app');
    const closed = nextEvent(doc, 'closed');
    await session.close();
    await closed;
  });
});

describe('send and traffic', () => {
  it('puts requestId on the promise of send() and of API calls', async () => {
    const global = await session.open();
    engine.on('GetDocList', () => ({ result: { qDocList: [] } }));
    const sent = session.send({ handle: -1, method: 'GetDocList', params: [], outKey: 'qDocList' });
    expect(typeof sent.requestId).toBe('number');
    expect(await sent).toEqual([]);
    const call = global.getDocList();
    expect(call.requestId).toBeGreaterThan(sent.requestId);
    await call;
    const wire = engine.requestsOf('GetDocList');
    expect(wire.map((request) => request.id)).toEqual([sent.requestId, call.requestId]);
  });

  it('emits traffic on the session and on the API object, and sends protocol keys', async () => {
    const global = await session.open();
    const doc = await global.openDoc('app');
    const seen: Array<[string, unknown]> = [];
    session.on('traffic:*', (direction, message) => seen.push([direction, message]));
    const apiSent = nextEvent(doc, 'traffic:sent');
    engine.on('GetAppLayout', () => ({ result: { qLayout: { qTitle: 't' } } }));
    await doc.getAppLayout();
    const [sentMessage] = (await apiSent) as [WireRequest];
    expect(sentMessage).toMatchObject({
      method: 'GetAppLayout',
      handle: doc.handle,
      delta: true,
      jsonrpc: '2.0',
    });
    expect(seen.map(([direction]) => direction)).toEqual(['sent', 'received']);
  });
});
