import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFixture,
  type EngineFixture,
  type RawSocket,
  SALES_SCRIPT,
} from './helpers/engineFixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(() => fixture.close());

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const junkValues: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  'x',
  '',
  [],
  {},
  [1, 'a'],
  { qId: 1 },
  'NaN',
  2 ** 53,
  -(2 ** 31),
  { nested: { deep: [null] } },
];
const methods = [
  'OpenDoc',
  'GetObject',
  'GetLayout',
  'Select',
  'SelectValues',
  'CreateSessionObject',
  'SetProperties',
  'ApplyPatches',
  'GetHyperCubeData',
  'SetScript',
  'Evaluate',
  'GetField',
  'NoSuchMethod',
  '',
  'getlayout',
  'CreateApp',
  'DestroyObject',
  'SelectHyperCubeValues',
  'GetTableData',
  'SearchResults',
];

function randomFrame(next: () => number, handles: number[]): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const kind = next();
  if (kind < 0.1)
    return pick(['', '{', '[]', '"x"', 'null', '{"jsonrpc":', '\u0000\u0001', '1e999', '{"id":1}']);
  const params =
    next() < 0.5
      ? Array.from({ length: Math.floor(next() * 4) }, () => pick(junkValues))
      : Object.fromEntries([
          [pick(['qId', 'qProp', 'qMatch', 'qBogus', 'qPath']), pick(junkValues)],
        ]);
  return JSON.stringify({
    jsonrpc: '2.0',
    id: Math.floor(next() * 1e6) + 1,
    handle: next() < 0.8 ? pick(handles) : pick(junkValues),
    method: next() < 0.9 ? pick(methods) : pick(junkValues),
    params,
  });
}

/** Sends frames and waits until each one with an id got its answer. */
async function sendAll(raw: RawSocket, frames: string[]): Promise<Record<string, unknown>[]> {
  const answers: Record<string, unknown>[] = [];
  for (const frame of frames) {
    let id: unknown;
    try {
      id = (JSON.parse(frame) as { id?: unknown }).id;
    } catch {
      id = undefined;
    }
    if (typeof id === 'number') {
      answers.push(await raw.call(JSON.parse(frame) as Record<string, unknown>));
    } else {
      raw.sendText(frame);
      answers.push(await raw.next());
    }
  }
  return answers;
}

describe('fuzzing the server', () => {
  it('answers every malformed frame, unknown method and bad parameter with an error or a result, and keeps other sessions working', async () => {
    const bystander = fixture.session('/app/engineData/identity/bystander');
    const bystanderGlobal = await bystander.open();
    const bystanderDoc = await bystanderGlobal.createSessionApp();
    await bystanderDoc.setScript(SALES_SCRIPT);
    await bystanderDoc.doReload();

    const raw = await fixture.raw('/app/engineData/identity/fuzzer');
    await raw.next();
    const app = (await raw.call({ handle: -1, method: 'CreateSessionApp' })).result as {
      qReturn: { qHandle: number };
    };
    const doc = app.qReturn.qHandle;
    await raw.call({ handle: doc, method: 'SetScript', params: [SALES_SCRIPT] });
    await raw.call({ handle: doc, method: 'DoReload' });
    const object = (
      (
        await raw.call({
          handle: doc,
          method: 'CreateSessionObject',
          params: [
            {
              qInfo: { qType: 'x' },
              qHyperCubeDef: { qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }] },
            },
          ],
        })
      ).result as { qReturn: { qHandle: number } }
    ).qReturn.qHandle;
    const field = (
      (await raw.call({ handle: doc, method: 'GetField', params: ['Product'] })).result as {
        qReturn: { qHandle: number };
      }
    ).qReturn.qHandle;

    const next = random(20261123);
    const frames = Array.from({ length: 600 }, () =>
      randomFrame(next, [-1, doc, object, field, 12345]),
    );
    const answers = await sendAll(raw, frames);
    expect(answers).toHaveLength(frames.length);
    for (const answer of answers) {
      expect(answer.jsonrpc).toBe('2.0');
      const hasError = typeof answer.error === 'object' && answer.error !== null;
      expect(hasError || 'result' in answer).toBe(true);
      if (hasError) expect((answer.error as { code: unknown }).code).toEqual(expect.any(Number));
    }
    expect(answers.filter((answer) => answer.error).length).toBeGreaterThan(100);
    // An internal error would mean an exception the engine did not anticipate.
    const internal = answers.filter(
      (answer) => (answer.error as { code?: number } | undefined)?.code === 10,
    );
    expect(internal).toEqual([]);

    expect(await bystanderDoc.evaluate('Sum(Amount)')).toBe('45');
    expect(await raw.call({ handle: -1, method: 'EngineVersion' })).toHaveProperty('result');
    await raw.close();
  });
});

// The bin as npm links it: in a checkout it runs the sources, with no build step.
describe('qlikit-engine', () => {
  const bin = fileURLToPath(new URL('../../bin/qlikit-engine.js', import.meta.url));

  it('prints its ws:// URL on one line and serves on it', async () => {
    const child = spawn(process.execPath, [bin, '--port', '0', '--data', fixture.dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    expect(line).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\n$/);
    const { openSession } = await import('@qlikit/qix');
    const session = openSession({ url: `${line.trim()}/app/engineData`, reconnect: false });
    expect(await (await session.open()).productVersion()).toEqual(expect.any(String));
    await session.close();
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });

  it('refuses an unknown option with the usage and exit code 2', async () => {
    const child = spawn(process.execPath, [bin, '--bogus'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toContain('usage: qlikit-engine');
  });

  it('prints the usage for --help and exits 0', async () => {
    const child = spawn(process.execPath, [bin, '--help'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    expect(stdout).toContain('usage: qlikit-engine');
  });
});
