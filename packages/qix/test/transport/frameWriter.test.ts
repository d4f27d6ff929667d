import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SocketLike } from '../../src/transport/SocketLike.js';
import { findTcpSocket } from '../../src/transport/createFrameWriter.js';
import { burstOnSocket, type BurstOutcome } from './burstOnSocket.js';

const COUNT = 20;
const expectedAnswers = Array.from({ length: COUNT }, (_, i) => `v${String(i + 1)}`);

/** A burst left in one write: corked once during the run with the frames buffered, uncorked after. */
function expectCorkedBurst(outcome: BurstOutcome): void {
  expect(outcome.found).toBe(true);
  expect(outcome.corkedDuringRun).toBe(1);
  expect(outcome.bufferedDuringRun).toBeGreaterThan(COUNT * 50);
  expect(outcome.corkedAfter).toBe(0);
  expect(outcome.answers).toEqual(expectedAnswers);
}

describe('the frames of one synchronous run leave in one TCP write', () => {
  it('on ws: its TCP socket is corked during the run and uncorked in a microtask', async () => {
    expectCorkedBurst(
      await burstOnSocket((url) => new WebSocket(url) as unknown as SocketLike, COUNT),
    );
  });

  const Global = (globalThis as { WebSocket?: new (url: string) => SocketLike }).WebSocket;
  const canFlag = process.allowedNodeEnvironmentFlags.has('--experimental-websocket');

  it.runIf(Global !== undefined)('on the global WebSocket (undici), in this process', async () => {
    const Socket = Global as new (url: string) => SocketLike;
    expectCorkedBurst(await burstOnSocket((url) => new Socket(url), COUNT));
  });

  it.runIf(Global === undefined && canFlag)(
    'on the global WebSocket (undici), in a Node started with --experimental-websocket',
    async () => {
      const script = fileURLToPath(new URL('./burstOnSocket.ts', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, [
        '--experimental-websocket',
        '--no-warnings',
        '--conditions=source',
        '--import',
        'tsx',
        script,
      ]);
      expectCorkedBurst(JSON.parse(stdout) as BurstOutcome);
    },
  );

  it('finds no TCP socket to cork where the internals are not the expected ones', () => {
    const base = { readyState: 1, send: () => undefined, close: () => undefined };
    const plain = { ...base, onopen: null, onclose: null, onerror: null, onmessage: null };
    expect(findTcpSocket(plain)).toBeUndefined();
    expect(findTcpSocket({ ...plain, _socket: {} } as SocketLike)).toBeUndefined();
    const response = Symbol('response');
    const withResponse = { ...plain, [response]: { socket: { cork: 'no' } } };
    expect(findTcpSocket(withResponse)).toBeUndefined();
    const corkable = { cork: () => undefined, uncork: () => undefined };
    const withCorkable = { ...plain, [response]: { socket: corkable } };
    expect(findTcpSocket(withCorkable)).toBe(corkable);
  });
});
