import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyJsonPatch } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from './helpers/engineFixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(() => fixture.close());

describe('connection', () => {
  it('pushes OnConnected SESSION_CREATED before anything else', async () => {
    const raw = await fixture.raw();
    expect(await raw.next()).toEqual({
      jsonrpc: '2.0',
      method: 'OnConnected',
      params: { qSessionState: 'SESSION_CREATED' },
    });
    await raw.close();
  });

  it('attaches a socket to a session kept alive by /ttl/, with its handles', async () => {
    const first = await fixture.raw('/app/engineData/identity/ttl-test/ttl/30');
    await first.next();
    const created = await first.call({ handle: -1, method: 'CreateSessionApp', params: [] });
    const docHandle = (created.result as { qReturn: { qHandle: number } }).qReturn.qHandle;
    await first.close();
    const second = await fixture.raw('/app/engineData/identity/ttl-test/ttl/30');
    expect(await second.next()).toMatchObject({
      method: 'OnConnected',
      params: { qSessionState: 'SESSION_ATTACHED' },
    });
    const active = await second.call({ handle: -1, method: 'GetActiveDoc', params: [] });
    expect((active.result as { qReturn: { qHandle: number } }).qReturn.qHandle).toBe(docHandle);
    await second.close();
  });

  it('ends a session without ttl when its socket closes', async () => {
    const first = await fixture.raw('/app/engineData/identity/no-ttl');
    await first.next();
    await first.call({ handle: -1, method: 'CreateSessionApp', params: [] });
    await first.close();
    const second = await fixture.raw('/app/engineData/identity/no-ttl');
    expect(await second.next()).toMatchObject({ params: { qSessionState: 'SESSION_CREATED' } });
    const active = await second.call({ handle: -1, method: 'GetActiveDoc' });
    expect(active.result).toEqual({ qReturn: { qType: null, qHandle: null } });
    await second.close();
  });

  it('refuses a socket the authenticate hook refuses, with HTTP 401', async () => {
    const guarded = await startFixture({
      authenticate: ({ headers }) =>
        headers.authorization === 'Bearer ok' ? { userId: 'u1' } : null,
    });
    const WebSocket = (await import('ws')).default;
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${guarded.engine.url}/app/engineData`);
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(401);
    const allowed = new WebSocket(`${guarded.engine.url}/app/engineData`, {
      headers: { authorization: 'Bearer ok' },
    });
    const first = await new Promise<string>((resolve) =>
      allowed.once('message', (data) => resolve(data.toString())),
    );
    expect(JSON.parse(first)).toMatchObject({ method: 'OnConnected' });
    allowed.close();
    await guarded.close();
  });
});

describe('requests', () => {
  it('answers method names case-insensitively and params by position or by name', async () => {
    const raw = await fixture.raw();
    await raw.next();
    const upper = await raw.call({ handle: -1, method: 'EngineVersion', params: [] });
    const lower = await raw.call({ handle: -1, method: 'engineVersion', params: {} });
    expect(lower.result).toEqual(upper.result);
    expect(upper.result).toEqual({ qVersion: { qComponentVersion: expect.any(String) } });
    const byName = await raw.call({ handle: -1, method: 'GetProgress', params: { qRequestId: 0 } });
    const byPosition = await raw.call({ handle: -1, method: 'GetProgress', params: [0] });
    expect(byName.result).toEqual(byPosition.result);
    await raw.close();
  });

  it('answers JSON-RPC errors for bad frames and keeps serving', async () => {
    const raw = await fixture.raw();
    await raw.next();
    raw.sendText('{not json');
    expect(await raw.next()).toMatchObject({ id: null, error: { code: -32700 } });
    expect(await raw.call({ handle: -1, method: 'NoSuchMethod', params: [] })).toMatchObject({
      error: { code: -32601 },
    });
    expect(await raw.call({ handle: 99, method: 'GetLayout', params: [] })).toMatchObject({
      error: { code: -32602 },
    });
    expect(
      await raw.call({ handle: -1, method: 'OpenDoc', params: { qDocName: 'x', qBogus: 1 } }),
    ).toMatchObject({
      error: { code: -32602, parameter: 'qBogus' },
    });
    // A parameter of the wrong type is LOCERR_GENERIC_INVALID_PARAMETERS naming it.
    expect(await raw.call({ handle: -1, method: 'OpenDoc', params: [42] })).toMatchObject({
      error: { code: 8, parameter: 'qDocName' },
    });
    expect(await raw.call({ handle: 'x', method: 'OpenDoc' })).toMatchObject({
      error: { code: -32600 },
    });
    expect(
      await raw.call({ handle: -1, method: 'OpenDoc', params: ['missing-app'] }),
    ).toMatchObject({ error: { code: 1003 } });
    expect(await raw.call({ handle: -1, method: 'GetOdbcDsns', params: [] })).toMatchObject({
      result: { qOdbcDsns: [] },
    });
    expect(await raw.call({ handle: -1, method: 'ShutdownProcess', params: [] })).toMatchObject({
      error: { code: 20 },
    });
    expect(await raw.call({ handle: -1, method: 'EngineVersion', params: [] })).toHaveProperty(
      'result',
    );
    await raw.close();
  });
});

describe('delta protocol', () => {
  it('sends JSON patches against the last layout sent, which rebuild the full layout', async () => {
    const raw = await fixture.raw();
    await raw.next();
    const app = (await raw.call({ handle: -1, method: 'CreateSessionApp' })).result as {
      qReturn: { qHandle: number };
    };
    const doc = app.qReturn.qHandle;
    await raw.call({ handle: doc, method: 'SetScript', params: [SALES_SCRIPT] });
    expect((await raw.call({ handle: doc, method: 'DoReload' })).result).toEqual({ qReturn: true });
    const props = {
      qInfo: { qType: 'table' },
      qHyperCubeDef: {
        qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
        qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
      },
    };
    const object = (
      (await raw.call({ handle: doc, method: 'CreateSessionObject', params: [props] })).result as {
        qReturn: { qHandle: number };
      }
    ).qReturn.qHandle;

    const first = await raw.call({ handle: object, method: 'GetLayout', params: [], delta: true });
    expect(first.delta).toBe(true);
    let layout = applyJsonPatch(
      undefined,
      (first.result as { qLayout: never[] }).qLayout,
    ) as Record<string, unknown>;
    const full1 = (await raw.call({ handle: object, method: 'GetLayout', params: [] })).result as {
      qLayout: unknown;
    };
    expect(layout).toEqual(full1.qLayout);

    const unchanged = await raw.call({
      handle: object,
      method: 'GetLayout',
      params: [],
      delta: true,
    });
    expect((unchanged.result as { qLayout: unknown[] }).qLayout).toEqual([]);

    const field = (
      (await raw.call({ handle: doc, method: 'GetField', params: ['Product'] })).result as {
        qReturn: { qHandle: number };
      }
    ).qReturn.qHandle;
    const selected = await raw.call({ handle: field, method: 'Select', params: ['Apple'] });
    expect(selected.change).toContain(object);

    const patched = await raw.call({
      handle: object,
      method: 'GetLayout',
      params: [],
      delta: true,
    });
    const patches = (patched.result as { qLayout: unknown[] }).qLayout;
    expect(patches.length).toBeGreaterThan(0);
    expect(patches).not.toContainEqual(expect.objectContaining({ path: '/' }));
    layout = applyJsonPatch(layout, patches as never[]) as Record<string, unknown>;
    const full2 = (await raw.call({ handle: object, method: 'GetLayout', params: [] })).result as {
      qLayout: unknown;
    };
    expect(layout).toEqual(full2.qLayout);
    await raw.close();
  });
});
