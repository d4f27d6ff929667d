import type { AddressInfo } from 'node:net';
import enigma from 'enigma.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { buildEngineModel, type EngineModel, type MethodModel } from '../../codegen/methodModel.js';
import { readSpec, specAvailable } from '../../codegen/readSpec.js';
import { qixSchema } from '../../src/generated/index.js';

interface RpcRequest {
  readonly id: number;
  readonly handle: number;
  readonly method: string;
  readonly params: unknown[];
}

type Api = Record<string, unknown> & { readonly type: string; readonly handle: number };

const haveSpec = specAvailable();

/**
 * For every engine method, the real enigma.js (driven by qixSchema over a real
 * socket) must hand back exactly what the generated return type promises.
 */
describe.skipIf(!haveSpec)(
  'generated return types match what enigma.js returns, for every method',
  () => {
    let model: EngineModel;
    let returnsQReturn: ReadonlySet<string>;
    let server: WebSocketServer;
    let url: string;
    let nextHandle = 10;
    const classOfHandle = new Map<number, string>([[-1, 'Global']]);

    const methodOf = (handle: number, wireName: string): MethodModel | undefined =>
      model.classes.get(classOfHandle.get(handle) ?? '')?.find((m) => m.wireName === wireName);

    // Every result key gets a value that names it; object returns get a fresh handle of the promised class.
    function answer(request: RpcRequest): Record<string, unknown> {
      if (
        request.method === 'GetObject' &&
        typeof request.params[0] === 'string' &&
        model.classes.has(request.params[0])
      ) {
        return objectResult(request.params[0]);
      }
      const method = methodOf(request.handle, request.method);
      if (!method) return {};
      const result: Record<string, unknown> = {};
      for (const out of method.outParams)
        result[out.name] = `${method.className}.${method.wireName}.${out.name}`;
      if (method.returns.kind === 'object')
        return { ...result, ...objectResult(method.returns.className) };
      if (hasReturnKey(method)) result.qReturn = `${method.className}.${method.wireName}.qReturn`;
      return result;
    }

    function objectResult(className: string): Record<string, unknown> {
      const handle = nextHandle++;
      classOfHandle.set(handle, className);
      return { qReturn: { qType: className, qHandle: handle, qGenericId: `id${handle}` } };
    }

    function hasReturnKey(method: MethodModel): boolean {
      return returnsQReturn.has(`${method.className}.${method.wireName}`);
    }

    function expected(method: MethodModel): unknown {
      const marker = (key: string) => `${method.className}.${method.wireName}.${key}`;
      switch (method.returns.kind) {
        case 'object':
          return { type: method.returns.className };
        case 'value':
          return marker(method.returns.key);
        case 'whole':
          return Object.fromEntries(method.returns.keys.map((k) => [k.name, marker(k.name)]));
      }
    }

    beforeAll(async () => {
      const spec = readSpec();
      model = buildEngineModel(spec);
      returnsQReturn = new Set(
        spec.rpc.methods
          .filter((m) => Object.hasOwn(m.result.schema.properties ?? {}, 'qReturn'))
          .map((m) => m.name),
      );
      server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/app/engineData`;
      server.on('connection', (socket) => {
        socket.on('message', (data) => {
          const request = JSON.parse(String(data)) as RpcRequest;
          socket.send(JSON.stringify({ jsonrpc: '2.0', id: request.id, result: answer(request) }));
        });
      });
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('covers all 336 methods of the 9 classes', async () => {
      const session = enigma.create({
        schema: qixSchema,
        url,
        createSocket: (target: string) => new WebSocket(target) as never,
        protocol: { delta: false },
      });
      const global = (await session.open()) as unknown as Api;
      try {
        const doc = (await call(global, 'openDoc')) as Api;
        const apis = new Map<string, Api>([
          ['Global', global],
          ['Doc', doc],
        ]);
        for (const className of model.classes.keys()) {
          if (!apis.has(className))
            apis.set(className, (await call(doc, 'getObject', className)) as Api);
        }
        let checked = 0;
        for (const [className, methods] of model.classes) {
          const api = apis.get(className) as Api;
          expect(api.type).toBe(className);
          for (const method of methods) {
            const got = await call(api, method.jsName);
            const want = expected(method);
            if (method.returns.kind === 'object')
              expect(got, method.wireName).toMatchObject(want as object);
            else expect(got, `${className}.${method.wireName}`).toEqual(want);
            checked += 1;
          }
        }
        expect(checked).toBe(336);
      } finally {
        await session.close();
      }
    });
  },
);

async function call(api: Api, name: string, ...args: unknown[]): Promise<unknown> {
  const fn = api[name];
  if (typeof fn !== 'function') throw new Error(`enigma.js generated no ${name} on ${api.type}`);
  return (fn as (...a: unknown[]) => Promise<unknown>).apply(api, args);
}
