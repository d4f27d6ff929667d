import type { AddressInfo } from 'node:net';
import enigma from 'enigma.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { qixSchema } from '../../src/generated/index.js';

interface RpcRequest {
  readonly id: number;
  readonly handle: number;
  readonly method: string;
  readonly params: unknown;
}

const LAYOUT = {
  qInfo: { qId: 'y', qType: 'barchart' },
  qHyperCube: { qSize: { qcx: 2, qcy: 7 } },
};

// Canned engine answers by method: enough for enigma to build APIs from qixSchema.
const ANSWERS: Readonly<Record<string, unknown>> = {
  OpenDoc: { qReturn: { qType: 'Doc', qHandle: 1, qGenericId: 'x' } },
  GetObject: {
    qReturn: { qType: 'GenericObject', qHandle: 2, qGenericType: 'barchart', qGenericId: 'y' },
  },
  GetLayout: { qLayout: LAYOUT },
  CreateSessionApp: {
    qReturn: { qType: 'Doc', qHandle: 3, qGenericId: '' },
    qSessionAppId: 'SessionApp_1',
  },
  CheckExpression: { qErrorMsg: '', qBadFieldNames: [], qDangerousFieldNames: [] },
};

describe('the real enigma.js runs on qixSchema over a real socket', () => {
  const received: RpcRequest[] = [];
  let server: WebSocketServer;
  let url: string;

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/app/engineData`;
    server.on('connection', (socket) => {
      socket.send(
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'OnConnected',
          params: { qSessionState: 'SESSION_CREATED' },
        }),
      );
      socket.on('message', (data) => {
        const request = JSON.parse(String(data)) as RpcRequest;
        received.push(request);
        const result = ANSWERS[request.method] ?? {};
        socket.send(JSON.stringify({ jsonrpc: '2.0', id: request.id, result }));
      });
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('builds typed APIs, fills named-call defaults positionally and unwraps results as the table says', async () => {
    const session = enigma.create({
      schema: qixSchema,
      url,
      createSocket: (target: string) => new WebSocket(target) as never,
      protocol: { delta: false },
    });
    const global = (await session.open()) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    try {
      const doc = (await global.openDoc?.({ qDocName: 'x' })) as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      const object = (await doc.getObject?.('y')) as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      > & {
        genericType: string;
      };
      const layout = await object.getLayout?.();
      const sessionApp = (await global.createSessionApp?.()) as { id: string; type: string };
      const check = await doc.checkExpression?.('Sum(x)');

      const sent = (method: string) => received.find((r) => r.method === method);
      expect(sent('OpenDoc')).toMatchObject({ handle: -1, params: ['x', '', '', '', false] });
      expect(sent('GetObject')).toMatchObject({ handle: 1, params: ['y'] });
      expect(object.genericType).toBe('barchart');
      expect(layout).toEqual(LAYOUT);
      expect(sessionApp).toMatchObject({ id: 'SessionApp_1', type: 'Doc' });
      expect(check).toEqual(ANSWERS.CheckExpression);
    } finally {
      await session.close();
    }
  });
});
