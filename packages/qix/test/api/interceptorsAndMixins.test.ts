import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiObject, openSession, type Mixin, type QixSession } from '@qlikit/qix';
import { errorCodes } from '@qlikit/qix/error-codes';
import { ScriptedEngine } from '../helpers/ScriptedEngine.js';
import { installMiniEngine } from '../helpers/miniEngine.js';

let engine: ScriptedEngine;
let session: QixSession | undefined;

beforeEach(async () => {
  engine = await ScriptedEngine.start();
  installMiniEngine(engine, [{ id: 'chart1', type: 'GenericObject', genericType: 'barchart' }]);
});

afterEach(async () => {
  await session?.close();
  session = undefined;
  await engine.stop();
});

describe('interceptors', () => {
  it('lets a request interceptor change the request before it is sent', async () => {
    session = openSession({
      url: engine.url,
      reconnect: false,
      interceptors: {
        request: [
          { onFulfilled: (_session, request) => ({ ...request, params: ['renamed.qvf'] }) },
        ],
      },
    });
    const global = await session.open();
    const doc = await global.openDoc('original.qvf');
    expect(doc.id).toBe('renamed.qvf');
    expect(engine.requestsOf('OpenDoc')[0].params).toEqual(['renamed.qvf']);
  });

  it('retries an aborted (15) call with request.retry() from onRejected', async () => {
    let failures = 1;
    engine.on('GetDocList', () =>
      failures-- > 0
        ? { error: { code: 15, message: 'Request aborted' } }
        : { result: { qDocList: [{ qDocName: 'a' }] } },
    );
    session = openSession({
      url: engine.url,
      reconnect: false,
      interceptors: {
        response: [
          {
            onRejected: (_session, request, error) => {
              if ((error as { code?: number }).code === 15 && request.retry) return request.retry();
              throw error;
            },
          },
        ],
      },
    });
    const global = await session.open();
    expect(await global.getDocList()).toEqual([{ qDocName: 'a' }]);
    expect(engine.requestsOf('GetDocList')).toHaveLength(2);
  });

  it('gives response interceptors the unwrapped result before it becomes an API object', async () => {
    const seen: unknown[] = [];
    session = openSession({
      url: engine.url,
      reconnect: false,
      interceptors: {
        response: [
          {
            onFulfilled: (_session, request, result) => {
              seen.push([request.method, result]);
              return result;
            },
          },
        ],
      },
    });
    const global = await session.open();
    const doc = await global.openDoc('app');
    expect(doc).toBeInstanceOf(ApiObject);
    expect(seen).toEqual([
      ['OpenDoc', { qType: 'Doc', qHandle: 1, qGenericId: 'app', qGenericType: 'Doc' }],
    ]);
  });
});

describe('mixins', () => {
  it('extends and overrides by class and by generic type, and runs init per object', async () => {
    const inits: string[] = [];
    const mixins: Mixin[] = [
      {
        types: ['Doc'],
        init: ({ api }) => inits.push(`${api.type}:${api.id}`),
        extend: {
          greeting: 'hello',
          describe(this: ApiObject) {
            return `doc ${this.id}`;
          },
        },
        override: {
          getObject(base, id: string) {
            return base(id.toLowerCase());
          },
        },
      },
      {
        type: 'barchart',
        init: ({ api }) => inits.push(`${api.genericType}:${api.id}`),
        extend: { isBar: true },
        override: {
          async getLayout(base) {
            return { ...((await base()) as object), decorated: true };
          },
        },
      },
    ];
    session = openSession({ url: engine.url, reconnect: false, mixins });
    const global = await session.open();
    const doc = (await global.openDoc('app')) as Awaited<ReturnType<typeof global.openDoc>> & {
      describe(): string;
      greeting: string;
    };
    expect(doc.describe()).toBe('doc app');
    expect(doc.greeting).toBe('hello');
    const chart = await doc.getObject({ qId: 'CHART1' });
    expect(engine.requestsOf('GetObject')[0].params).toEqual(['chart1']);
    expect((chart as unknown as { isBar: boolean }).isBar).toBe(true);
    expect(await chart.getLayout()).toMatchObject({ decorated: true, qInfo: { qId: 'chart1' } });
    const other = await doc.createSessionObject({ qInfo: { qType: 'table' } });
    expect((other as unknown as { isBar?: boolean }).isBar).toBeUndefined();
    expect(inits).toEqual(['Doc:app', 'barchart:chart1']);
  });

  it('rejects extending an existing method (-10) and overriding a missing one (-9)', async () => {
    session = openSession({
      url: engine.url,
      reconnect: false,
      mixins: [{ types: 'Global', extend: { getDocList: () => 1 } }],
    });
    await expect(session.open()).rejects.toMatchObject({
      code: errorCodes.SCHEMA_MIXIN_EXTEND_NOT_ALLOWED,
    });
    await session.close();
    session = openSession({
      url: engine.url,
      reconnect: false,
      mixins: [{ types: 'Global', override: { noSuchMethod: (base) => base() } }],
    });
    await expect(session.open()).rejects.toMatchObject({
      code: errorCodes.SCHEMA_MIXIN_CANT_OVERRIDE_FUNCTION,
    });
  });

  it('rejects an object of a class the schema does not have with -8', async () => {
    session = openSession({ url: engine.url, reconnect: false });
    const global = await session.open();
    engine.on('GetActiveDoc', () => ({
      result: { qReturn: { qType: 'NoSuchClass', qHandle: 5 } },
    }));
    await expect(global.getActiveDoc()).rejects.toMatchObject({
      code: errorCodes.SCHEMA_STRUCT_TYPE_NOT_FOUND,
    });
  });
});
