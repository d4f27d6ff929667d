import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_ROWS, openBystander, type Bystander } from './helpers/bystander.js';
import {
  startFixture,
  type EngineFixture,
  type RawSocket,
  SALES_SCRIPT,
} from './helpers/engineFixture.js';

let fixture: EngineFixture;
/** A second user's chart: it must keep computing whatever the attacker sends. */
let bystander: Bystander;

beforeAll(async () => {
  fixture = await startFixture();
  bystander = await openBystander(fixture.engine.url);
});
afterAll(async () => {
  await bystander.close();
  await fixture.close();
});
// Every frame of every test below is followed by a read of another user's chart.
afterEach(() => expectBystanderUnaffected());

/** The bystander's chart still computes its rows, and no prototype was written. */
async function expectBystanderUnaffected(): Promise<void> {
  expect(await bystander.rows()).toEqual(BYSTANDER_ROWS);
  expect(({} as Record<string, unknown>).qStateName).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

interface Handles {
  raw: RawSocket;
  doc: number;
  object: number;
  dimension: number;
  measure: number;
  bookmark: number;
  variable: number;
  field: number;
}

function handleOf(answer: Record<string, unknown>): number {
  return (answer.result as { qReturn: { qHandle: number } }).qReturn.qHandle;
}

/** A raw socket on its own session app with one handle of every class. */
async function attacker(identity: string): Promise<Handles> {
  const raw = await fixture.raw(`/app/engineData/identity/${identity}`);
  await raw.next();
  const doc = handleOf(await raw.call({ handle: -1, method: 'CreateSessionApp' }));
  await raw.call({ handle: doc, method: 'SetScript', params: [SALES_SCRIPT] });
  await raw.call({ handle: doc, method: 'DoReload' });
  const create = async (method: string, qProp: object) =>
    handleOf(await raw.call({ handle: doc, method, params: [qProp] }));
  return {
    raw,
    doc,
    object: await create('CreateSessionObject', {
      qInfo: { qType: 'chart' },
      qHyperCubeDef: { qDimensions: [{ qDef: { qFieldDefs: ['Product'] } }] },
    }),
    dimension: await create('CreateDimension', {
      qInfo: { qType: 'dimension' },
      qDim: { qFieldDefs: ['Customer'] },
    }),
    measure: await create('CreateMeasure', {
      qInfo: { qType: 'measure' },
      qMeasure: { qDef: 'Sum(Amount)' },
    }),
    bookmark: await create('CreateBookmark', { qInfo: { qType: 'bookmark' } }),
    variable: await create('CreateSessionVariable', { qName: 'vX', qDefinition: '1' }),
    field: handleOf(await raw.call({ handle: doc, method: 'GetField', params: ['Product'] })),
  };
}

/** Sends a frame as text (so that a `__proto__` key stays a key) and waits for its answer, skipping pushes. */
async function sendText(raw: RawSocket, text: string): Promise<Record<string, unknown>> {
  raw.sendText(text);
  for (;;) {
    const message = await raw.next();
    if (Array.isArray(message) || 'id' in message) return message;
  }
}

describe('prototype pollution', () => {
  let h: Handles;
  beforeAll(async () => {
    h = await attacker('polluter');
  });
  afterAll(() => h.raw.close());

  it('refuses ApplyPatches paths through __proto__, constructor and prototype on every class', async () => {
    const paths = [
      '/__proto__/qStateName',
      '/constructor/prototype/qStateName',
      '/qInfo/__proto__/x',
    ];
    for (const handle of [h.object, h.dimension, h.measure, h.bookmark, h.variable]) {
      for (const qPath of paths) {
        const answer = await h.raw.call({
          handle,
          method: 'ApplyPatches',
          params: [[{ qOp: 'add', qPath, qValue: '"zzz"' }]],
        });
        expect(answer.error).toMatchObject({ code: 4, parameter: qPath });
      }
    }
    const soft = await h.raw.call({
      handle: h.object,
      method: 'ApplyPatches',
      params: [[{ qOp: 'replace', qPath: '/__proto__/qStateName', qValue: '"zzz"' }], true],
    });
    expect(soft.error).toMatchObject({ code: 4 });
    await expectBystanderUnaffected();
  });

  it('refuses __proto__, constructor and prototype keys anywhere in parameters', async () => {
    const frames = [
      `{"jsonrpc":"2.0","id":1,"handle":${h.object},"method":"SetProperties","params":[{"qInfo":{"qId":"x","qType":"t"},"__proto__":{"qStateName":"zzz"}}]}`,
      `{"jsonrpc":"2.0","id":2,"handle":${h.doc},"method":"CreateSessionObject","params":[{"qInfo":{"qType":"t"},"a":{"constructor":{"prototype":{"polluted":1}}}}]}`,
      `{"jsonrpc":"2.0","id":3,"handle":${h.doc},"method":"SetAppProperties","params":[{"__proto__":{"polluted":1}}]}`,
      `{"jsonrpc":"2.0","id":4,"handle":${h.field},"method":"SetNxProperties","params":[{"prototype":{"polluted":1}}]}`,
      `{"jsonrpc":"2.0","id":5,"handle":${h.doc},"method":"GetObjects","params":[{"qTypes":[],"qData":{"__proto__":"/qInfo"}}]}`,
    ];
    for (const frame of frames) {
      const answer = await sendText(h.raw, frame);
      expect(answer.error).toMatchObject({
        code: 8,
        parameter: expect.stringMatching(/__proto__|constructor|prototype/),
      });
    }
    await expectBystanderUnaffected();
  });

  it('looks up ids and names a client sends among own keys only (GetObject("constructor"))', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const method of ['GetObject', 'GetDimension', 'GetMeasure', 'GetBookmark']) {
        const answer = await h.raw.call({ handle: h.doc, method, params: [name] });
        expect(answer.result).toMatchObject({ qReturn: { qHandle: null } });
      }
      const field = await h.raw.call({ handle: h.doc, method: 'GetField', params: [name] });
      expect((field.error as { code: number } | undefined)?.code ?? 0).not.toBe(10);
    }
  });

  it('refuses a patch value whose JSON has a __proto__ key', async () => {
    const answer = await h.raw.call({
      handle: h.object,
      method: 'ApplyPatches',
      params: [[{ qOp: 'add', qPath: '/extra', qValue: '{"__proto__":{"polluted":1}}' }]],
    });
    expect(answer.error).toMatchObject({ code: 8, parameter: '/extra/__proto__' });
    await expectBystanderUnaffected();
  });

  it('answers a clear error for a patch without qPath or with one that is not a string', async () => {
    for (const handle of [h.object, h.dimension, h.measure, h.bookmark, h.variable]) {
      for (const patch of [
        { qOp: 'add', qValue: '1' },
        { qOp: 'add', qPath: 5, qValue: '1' },
      ]) {
        const answer = await h.raw.call({ handle, method: 'ApplyPatches', params: [[patch]] });
        expect(answer.error).toMatchObject({
          code: 8,
          parameter: expect.stringContaining('qPath'),
        });
        expect((answer.error as { message: string }).message).not.toMatch(/replace|undefined/);
      }
    }
  });
});

describe('input limits', () => {
  let h: Handles;
  beforeAll(async () => {
    h = await attacker('deep');
  });
  afterAll(() => h.raw.close());

  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it('refuses deeply nested parameters on every entry point without a stack overflow', async () => {
    const calls: [number, string, (deep: string) => string][] = [
      [h.object, 'SetProperties', (d) => `[{"qInfo":{"qType":"t"},"deep":${d}}]`],
      [h.doc, 'SetAppProperties', (d) => `[{"deep":${d}}]`],
      [h.doc, 'CreateSessionObject', (d) => `[{"qInfo":{"qType":"t"},"deep":${d}}]`],
      [
        h.object,
        'ApplyPatches',
        (d) => `[[{"qOp":"add","qPath":"/deep","qValue":${JSON.stringify(d)}}]]`,
      ],
      [h.field, 'SetNxProperties', (d) => `[{"deep":${d}}]`],
      [h.field, 'LowLevelSelect', (d) => `[${d},false]`],
    ];
    for (const levels of [300, 2000, 5000]) {
      for (const [handle, method, params] of calls) {
        const answer = await sendText(
          h.raw,
          `{"jsonrpc":"2.0","id":${levels},"handle":${handle},"method":"${method}","params":${params(nested(levels))}}`,
        );
        expect(answer).toMatchObject({ id: levels, error: { code: 8 } });
        const error = answer.error as { message: string; parameter: string };
        expect(error.message).toMatch(/levels deep|nested/);
        expect(error.message).not.toMatch(/call stack/);
        expect(error.parameter).not.toBe('');
      }
    }
    // 256 levels is within the limit and stored.
    const ok = await sendText(
      h.raw,
      `{"jsonrpc":"2.0","id":9,"handle":${h.doc},"method":"SetAppProperties","params":[{"deep":${nested(250)}}]}`,
    );
    expect(ok).toMatchObject({ id: 9, result: {} });
    await expectBystanderUnaffected();
  });

  it('refuses long strings, long arrays and big frames with the configured limits', async () => {
    const small = await startFixture({
      limits: { maxStringLength: 100, maxArrayLength: 10, maxFrameBytes: 2000 },
    });
    try {
      const raw = await small.raw();
      await raw.next();
      const doc = handleOf(await raw.call({ handle: -1, method: 'CreateSessionApp' }));
      expect(
        await raw.call({ handle: doc, method: 'SetScript', params: ['x'.repeat(101)] }),
      ).toMatchObject({ error: { code: 8, parameter: 'qScript' } });
      expect(
        await raw.call({
          handle: doc,
          method: 'SetAppProperties',
          params: [{ list: Array(11).fill(0) }],
        }),
      ).toMatchObject({ error: { code: 8, parameter: 'qProp/list' } });
      const big = await sendText(
        raw,
        JSON.stringify({
          jsonrpc: '2.0',
          id: 77,
          handle: doc,
          method: 'SetScript',
          params: ['y'.repeat(3000)],
        }),
      );
      expect(big).toMatchObject({ id: null, error: { code: -32600 } });
      expect((big.error as { message: string }).message).toMatch(/2000/);
      // The socket stays usable.
      expect(await raw.call({ handle: -1, method: 'EngineVersion' })).toHaveProperty('result');
    } finally {
      await small.close();
    }
  });
});

describe('JSON-RPC 2.0', () => {
  let raw: RawSocket;
  beforeAll(async () => {
    raw = await fixture.raw('/app/engineData/identity/jsonrpc');
    await raw.next();
  });
  afterAll(() => raw.close());

  it('refuses a wrong or missing jsonrpc member, echoing the id', async () => {
    expect(await sendText(raw, '{"id":11,"handle":-1,"method":"EngineVersion"}')).toMatchObject({
      id: 11,
      error: { code: -32600 },
    });
    expect(
      await sendText(raw, '{"jsonrpc":"1.0","id":"a","handle":-1,"method":"EngineVersion"}'),
    ).toMatchObject({ id: 'a', error: { code: -32600 } });
  });

  it('answers -32600 for params that are neither an array nor an object', async () => {
    for (const params of ['"x"', '5', 'true', 'null']) {
      expect(
        await sendText(
          raw,
          `{"jsonrpc":"2.0","id":12,"handle":-1,"method":"EngineVersion","params":${params}}`,
        ),
      ).toMatchObject({ id: 12, error: { code: -32600 } });
    }
  });

  it('echoes ids exactly, 1e999 and integers beyond 2^53 included', async () => {
    // Short frames are not scanned: their id is looked for as JSON.stringify writes the parsed one,
    // so other spellings of the same number must still come back as they were written.
    for (const id of [
      '1e999',
      '12345678901234567890',
      '-0.5',
      '"x\\"y"',
      '5.0',
      '1e2',
      '-0',
      '"\\u0041"',
    ]) {
      raw.sendText(`{"jsonrpc":"2.0","id":${id},"handle":-1,"method":"EngineVersion"}`);
      const text = await new Promise<string>((resolve) =>
        raw.socket.once('message', (data) => resolve(data.toString())),
      );
      await raw.next();
      expect(text.startsWith(`{"jsonrpc":"2.0","id":${id},`)).toBe(true);
    }
  });

  it('never answers notifications, not even failing ones, but answers invalid ones', async () => {
    raw.sendText('{"jsonrpc":"2.0","handle":-1,"method":"EngineVersion"}');
    raw.sendText('{"jsonrpc":"2.0","handle":-1,"method":"NoSuchMethod"}');
    raw.sendText('{"jsonrpc":"2.0","handle":99,"method":"GetLayout"}');
    expect(await raw.call({ handle: -1, method: 'ProductVersion' })).toHaveProperty('result');
    expect(await sendText(raw, '{"jsonrpc":"2.0","method":1}')).toMatchObject({
      id: null,
      error: { code: -32600 },
    });
  });

  it('processes a batch into one array of answers, without the notifications', async () => {
    raw.sendText(
      JSON.stringify([
        { jsonrpc: '2.0', id: 21, handle: -1, method: 'EngineVersion' },
        { jsonrpc: '2.0', handle: -1, method: 'EngineVersion' },
        { jsonrpc: '2.0', id: 22, handle: -1, method: 'NoSuchMethod' },
        5,
      ]),
    );
    const answers = (await raw.next()) as unknown as Record<string, unknown>[];
    expect(answers).toEqual([
      { jsonrpc: '2.0', id: 21, result: { qVersion: { qComponentVersion: expect.any(String) } } },
      expect.objectContaining({ id: 22, error: expect.objectContaining({ code: -32601 }) }),
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }),
    ]);
    expect(await sendText(raw, '[]')).toMatchObject({ id: null, error: { code: -32600 } });
  });
});

describe('the frames of the issue, one per entry point', () => {
  let h: Handles;
  beforeAll(async () => {
    h = await attacker('why');
  });
  afterAll(() => h.raw.close());

  it('refuses properties of the wrong type where they are stored (qName: {}, qIncludeVariables: [[...]])', async () => {
    expect(
      await h.raw.call({ handle: h.variable, method: 'SetProperties', params: [{ qName: {} }] }),
    ).toMatchObject({ error: { code: 8, parameter: 'qProp/qName' } });
    expect(
      await h.raw.call({
        handle: h.bookmark,
        method: 'SetProperties',
        params: [{ qInfo: { qType: 'bookmark' }, qIncludeVariables: [[1, 2]] }],
      }),
    ).toMatchObject({ error: { code: 8, parameter: 'qProp/qIncludeVariables' } });
  });

  it('hands out a Variable handle from Doc.GetVariable', async () => {
    const answer = await h.raw.call({ handle: h.doc, method: 'GetVariable', params: ['vX'] });
    const variable = handleOf(answer);
    expect(answer.result).toMatchObject({ qReturn: { qType: 'Variable' } });
    expect(
      await h.raw.call({ handle: variable, method: 'GetRawContent', params: [] }),
    ).toMatchObject({ result: { qReturn: '1' } });
  });
});
