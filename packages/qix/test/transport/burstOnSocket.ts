// A burst of calls on a real socket, and what the TCP socket under it did meanwhile. Run
// directly (node --experimental-websocket --conditions=source --import tsx burstOnSocket.ts)
// it does so on Node's global WebSocket and prints the outcome as JSON: Node 20 has the
// global WebSocket only behind that flag, so the test runs it in a child process there.
import type { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { openSession } from '@qlikit/qix';
import type { SocketLike } from '../../src/transport/SocketLike.js';
import { findTcpSocket } from '../../src/transport/createFrameWriter.js';
import { ScriptedEngine } from '../helpers/ScriptedEngine.js';

/** What a burst of calls made in one synchronous run did to the TCP socket. */
export interface BurstOutcome {
  /** Whether the session found the TCP socket (to cork) under the WebSocket. */
  readonly found: boolean;
  /** Cork depth and buffered bytes right after the run, before any I/O. */
  readonly corkedDuringRun: number;
  readonly bufferedDuringRun: number;
  /** Cork depth once the calls were answered. */
  readonly corkedAfter: number;
  /** The answers, in call order. */
  readonly answers: string[];
}

/** Opens a session with `createSocket`, makes `count` calls in one run, and reports. */
export async function burstOnSocket(
  createSocket: (url: string) => SocketLike,
  count = 20,
): Promise<BurstOutcome> {
  const engine = await ScriptedEngine.start();
  engine.on('EngineVersion', (request) => ({
    result: { qVersion: { qComponentVersion: `v${String(request.id)}` } },
  }));
  let socket: SocketLike | undefined;
  const session = openSession({
    url: engine.url,
    reconnect: false,
    createSocket: (url) => (socket = createSocket(url)),
  });
  try {
    const global = await session.open();
    const tcp = findTcpSocket(socket as SocketLike) as unknown as Socket | undefined;
    const calls = Array.from({ length: count }, () => global.engineVersion());
    const corkedDuringRun = tcp?.writableCorked ?? -1;
    const bufferedDuringRun = tcp?.writableLength ?? -1;
    const answers = (await Promise.all(calls)).map((version) => version.qComponentVersion ?? '');
    return {
      found: tcp !== undefined,
      corkedDuringRun,
      bufferedDuringRun,
      corkedAfter: tcp?.writableCorked ?? -1,
      answers,
    };
  } finally {
    await session.close();
    await engine.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const Global = (globalThis as { WebSocket?: new (url: string) => SocketLike }).WebSocket;
  if (!Global) throw new Error('No global WebSocket (run with --experimental-websocket)');
  process.stdout.write(JSON.stringify(await burstOnSocket((url) => new Global(url))));
}
