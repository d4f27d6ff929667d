// Development aid: where the time of a client's look at a chart goes, round
// trip by round trip, on the clock both processes share. The shapes bench's
// client (enigma.js, delta on: SelectValues, then GetLayout with the first page)
// looks at each chart against the bench's engine in a process of its own
// (server.ts, with timelineStamps.ts loaded), and for each round trip prints
// the medians of: the request's way to the engine (the client's send to the
// engine's read, which includes any wait for work the engine was doing),
// the method, the answer's text, the answer's way back (the engine's send to
// the client's read of the whole frame), and the client's own handling
// (enigma.js's parse and interceptors to the awaited result), and the rest
// of the round trip (other). The server's
// heaps are collected before each look, as the bench does.
// Run: [BENCH_SERVER_FLAGS='<node flags>'] [BENCH_NO_COLLECT=1] node --conditions=source
//        --import tsx bench/engine/shapes/clientTimeline.ts [--rows 1000000] [--looks 25] [--only <text>]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import enigma from 'enigma.js';
import schema from 'enigma.js/schemas/12.2027.0.json' with { type: 'json' };
import WebSocket from 'ws';
import { summarize } from '../alternate.js';
import { option } from '../option.js';
import { SHAPES, type Shape, cubeDefOf, fetchRowsOf } from './shapes.js';
import type { ServerStamp } from './timelineStamps.js';

const ROWS = Number(option('--rows') ?? 1_000_000);
const LOOKS = Number(option('--looks') ?? 25);
const ONLY = option('--only');
const STEPS = ['SelectValues', 'GetLayout'] as const;
const PARTS = ['to engine', 'method', 'text', 'to client', 'client', 'other'] as const;
const now = () => performance.timeOrigin + performance.now();

const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [String(ROWS)], {
  execArgv: [
    '--conditions=source',
    '--import',
    'tsx',
    '--import',
    fileURLToPath(new URL('./timelineStamps.ts', import.meta.url)),
    '--expose-gc',
    '--max-old-space-size=16384',
    // BENCH_SERVER_FLAGS: node flags for the engine process (--trace-opt --trace-deopt --trace-gc: what V8 compiles again per look).
    ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
  ],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const url = await new Promise<string>((resolve) =>
  child.once('message', (message: { url: string }) => resolve(message.url)),
);
const ask = <T>(message: string, answer: (reply: unknown) => boolean) =>
  new Promise<T>((resolve) => {
    const listener = (reply: unknown) => {
      if (!answer(reply)) return;
      child.off('message', listener);
      resolve(reply as T);
    };
    child.on('message', listener);
    child.send(message);
  });
const serverStamps = () => ask<ServerStamp[]>('stamps', Array.isArray);
const collect = () => ask<void>('collect', (reply) => reply === 'collected');

console.log(
  `client look timeline, ${ROWS.toLocaleString('en')} rows: medians of ${LOOKS - 2} looks (after 2), ms; "to engine" includes waiting for work the engine was doing`,
);
for (const shape of SHAPES) if (!ONLY || shape.name.includes(ONLY)) await timeShape(shape);
child.disconnect();

async function timeShape(shape: Shape): Promise<void> {
  // Client events: a frame sent, a whole frame read.
  const sent: number[] = [];
  const read: number[] = [];
  const session = enigma.create({
    schema,
    url: `${url}/app/${shape.model}`,
    createSocket: (socketUrl: string) => {
      const socket = new WebSocket(socketUrl);
      // Registered before enigma.js's own listener: the frame is whole, not yet parsed.
      socket.on('message', () => read.push(now()));
      const write = socket.send.bind(socket) as (...args: unknown[]) => void;
      (socket as unknown as { send: (...args: unknown[]) => void }).send = (...args) => {
        sent.push(now());
        write(...args);
      };
      return socket as never;
    },
  });
  const global: any = await session.open();
  const doc: any = await global.openDoc(shape.model);
  await doc.clearAll(false);
  const object: any = await doc.createSessionObject({
    qInfo: { qType: 'timeline-chart' },
    qHyperCubeDef: cubeDefOf(shape, fetchRowsOf(shape)),
  });
  const samples = new Map<string, number[]>();
  const totals: number[] = [];
  for (let look = 0; look < LOOKS; look++) {
    const pick = shape.pick(look);
    const field: any = await doc.getField(pick.field);
    await collect();
    await serverStamps();
    sent.length = 0;
    read.length = 0;
    const done: number[] = [];
    const t0 = now();
    await field.selectValues(
      pick.values.map((v) => ({ qText: String(v), qIsNumeric: typeof v === 'number', qNumber: v })),
      false,
      false,
    );
    done.push(now());
    await object.getLayout();
    done.push(now());
    const stamps = await serverStamps();
    if (look < 2) continue;
    totals.push(done[1]! - t0);
    for (const [s, step] of STEPS.entries()) {
      const arrived = stamps.find((stamp) => stamp.kind === 'in' && stamp.method === step)!;
      const after = (kind: ServerStamp['kind']) =>
        stamps.find((stamp) => stamp.kind === kind && stamp.at >= arrived.at)!;
      const frameOut = after('send');
      const parts = [
        arrived.at - sent[s]!,
        after('call').took,
        after('text').took,
        read[s]! - frameOut.at,
        done[s]! - read[s]!,
      ];
      // The round trip's time none of the above covers: the client's send, the engine's
      // parsing before the method and its steps between the method, the text and the send.
      parts.push(done[s]! - (s === 0 ? t0 : done[s - 1]!) - parts.reduce((a, b) => a + b, 0));
      for (const [p, part] of PARTS.entries()) {
        const key = `${step}\u0000${part}`;
        samples.set(key, [...(samples.get(key) ?? []), parts[p]!]);
      }
    }
  }
  await session.close();
  const med = (key: string) => summarize(samples.get(key)!).median.toFixed(2).padStart(10);
  console.log(`${shape.name}: look ${summarize(totals).median.toFixed(2)} ms`);
  console.log(`   ${''.padEnd(17)}${PARTS.map((part) => part.padStart(10)).join('')}`);
  for (const step of STEPS)
    console.log(
      `   ${step.padEnd(17)}${PARTS.map((part) => med(`${step}\u0000${part}`)).join('')}`,
    );
}
