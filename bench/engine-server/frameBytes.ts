// Development aid for bench/engine-server: what sending a GetLayout delta answer costs the
// engine's process, two ways, over real sockets in alternating rounds: the answer's text
// joined around the shared patch and given to `ws.send` (which writes a string straight to
// the socket, after flattening it: the 6.4 KB patch copied into a new string per answer),
// against the engine's split frame (`frameBytes`: the patch's bytes encoded once, copied
// into a frame cut from a slab). The patches are the engine's own for the bench's 64
// airport moves; 50 sockets, answers read by `ws` clients in this process; the CPU counted
// is that of the sending calls (framing and the socket write).
// Run: node --max-semi-space-size=64 --conditions=source --import tsx bench/engine-server/frameBytes.ts
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import WebSocket, { WebSocketServer } from 'ws';
import { seedDemoApps, startEngine } from '@qlikit/engine';
import { frameBytes } from '../../packages/engine/src/server/protocol/frameBytes.js';
import { recordAnswers } from './floor.js';
import { median } from './stats.js';

const ANSWERS = 20_000;
const ROUNDS = 8;
const SOCKETS = 50;
const require = createRequire(import.meta.url);
const engine = await startEngine({ port: 0, dataDir: await mkdtemp(join(tmpdir(), 'qlikit-fb-')) });
await seedDemoApps(engine.apps, join(dirname(require.resolve('vega-datasets')), '..', 'data'));
const recorded = await recordAnswers(engine.url);
await engine.close();
// Each patch as one flat string, as the engine's memo of pairs holds it.
const patches = Object.values(recorded.layout).map((text) =>
  Buffer.from(text.slice(text.indexOf('[') + 1, text.lastIndexOf(']'))).toString(),
);

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
await new Promise((resolve) => wss.once('listening', resolve));
const servers: WebSocket[] = [];
wss.on('connection', (ws) => servers.push(ws));
const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
const clients = await Promise.all(
  Array.from({ length: SOCKETS }, () => {
    const client = new WebSocket(url);
    return new Promise<WebSocket>((resolve) => client.once('open', () => resolve(client)));
  }),
);
while (servers.length < SOCKETS) await new Promise((resolve) => setTimeout(resolve, 10));
let received = 0;
let allReceived: (() => void) | undefined;
for (const client of clients)
  client.on('message', () => {
    if (++received === ANSWERS) allReceived?.();
  });

const before = (id: number) => `{"jsonrpc":"2.0","id":${id},"delta":true,"result":{"qLayout":[`;
const ways: Record<string, (ws: WebSocket, id: number, patch: string) => void> = {
  'ws.send(joined text)': (ws, id, patch) => ws.send(`${before(id)}${patch}]}}`),
  'ws.send(frameBytes(split))': (ws, id, patch) =>
    ws.send(frameBytes({ before: before(id), body: patch, after: ']}}' }), { binary: false }),
};
const cpu = new Map(Object.keys(ways).map((name) => [name, [] as number[]]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, send] of round % 2 ? Object.entries(ways).reverse() : Object.entries(ways)) {
    received = 0;
    const done = new Promise<void>((resolve) => (allReceived = resolve));
    const start = process.cpuUsage();
    for (let i = 0; i < ANSWERS; i++) send(servers[i % SOCKETS]!, i, patches[i % patches.length]!);
    const used = process.cpuUsage(start);
    await done;
    // The first two rounds warm both ways up.
    if (round >= 2) cpu.get(name)!.push((used.user + used.system) / ANSWERS);
  }
}
for (const [name, values] of cpu)
  console.log(
    `${name.padEnd(28)} ${median(values).toFixed(2)} [${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}] µs CPU ` +
      `per answer sent (median [min–max] of ${ROUNDS - 2} alternating rounds of ${ANSWERS}; patches of ${(patches[0]!.length / 1024).toFixed(1)} KB)`,
  );
process.exit(0);
