// Development aid for bench/engine-server: the client's CPU per op with no
// sockets. Sessions get the engine's own answers (recorded from an engine at
// start, as the wire floor does) from in-process sockets that answer each
// frame on the next turn of the event loop. Run for @qlikit/qix sessions
// (delta on) and for raw clients that only parse each answer: the difference
// is what the library costs per op beyond reading the answer.
// Run: node --conditions=source --import tsx bench/engine-server/clientInProcess.ts [sessions]
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { seedDemoApps, startEngine } from '@qlikit/engine';
import { openSession, type SocketLike } from '@qlikit/qix';
// The library's own patcher, so that the patching raw client does the same patching work.
import { applyJsonPatch } from '../../packages/qix/src/delta/applyJsonPatch.js';
import type { JsonPatchOperation } from '../../packages/qix/src/delta/JsonPatchOperation.js';
import { RecordedPeer, recordAnswers, type RecordedAnswers } from './floor.js';
import { median } from './stats.js';
import { watchPauses } from './pauses.js';
import { measureAllocation } from './allocation.js';
import { CUBE, originFor } from './workload.js';

const SESSIONS = Number(process.argv[2] ?? 500);
const OPS = 10;
const ROUNDS = 6;
const require = createRequire(import.meta.url);
const engine = await startEngine({
  port: 0,
  dataDir: await mkdtemp(join(tmpdir(), 'qlikit-bench-client-')),
});
await seedDemoApps(engine.apps, join(dirname(require.resolve('vega-datasets')), '..', 'data'));
const answers = await recordAnswers(engine.url);
await engine.close();

/** A socket whose far end answers as the engine did, one turn of the event loop later. */
class RecordedSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  private readonly peer: RecordedPeer;

  constructor(recorded: RecordedAnswers) {
    this.peer = new RecordedPeer(recorded);
    setImmediate(() => {
      this.readyState = 1;
      this.onopen?.({});
    });
  }

  send(frame: string): void {
    const request = JSON.parse(frame) as { id: number; method: string; params: unknown[] };
    const rest = this.peer.answer(request.method, request.params);
    if (rest === undefined) throw new Error(`not recorded: ${request.method}`);
    const text = `{"jsonrpc":"2.0","id":${request.id}${rest}`;
    setImmediate(() => this.onmessage?.({ data: text }));
  }

  close(): void {}
}

interface Op {
  index: number;
  select(origin: string): Promise<unknown>;
  layout(): Promise<unknown>;
}

async function qixSessions(): Promise<Op[]> {
  return Promise.all(
    Array.from({ length: SESSIONS }, async (_, index) => {
      const session = openSession({
        url: 'ws://127.0.0.1/app/flights',
        reconnect: false,
        delta: true,
        createSocket: () => new RecordedSocket(answers),
      });
      const doc = await (await session.open()).openDoc('flights');
      const object = await doc.createSessionObject(CUBE);
      const field = await doc.getField('Origin');
      await object.getLayout();
      return {
        index,
        select: (origin: string) => field.selectValues([{ qText: origin }], false, false),
        layout: () => object.getLayout(),
      };
    }),
  );
}

/** A GetLayout answer as the wire carries it with delta on. */
interface LayoutAnswer {
  result?: { qLayout?: JsonPatchOperation[] | unknown };
}

/** Raw clients; `patch`: each layout patch is applied to the last layout, which is kept. */
async function rawSessions(patch: boolean): Promise<Op[]> {
  return Promise.all(
    Array.from({ length: SESSIONS }, async (_, index) => {
      const socket = new RecordedSocket(answers);
      await new Promise<void>((resolve) => (socket.onopen = () => resolve()));
      let id = 0;
      let answer: ((message: unknown) => void) | undefined;
      let layout: unknown;
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as LayoutAnswer;
        const patches = message.result?.qLayout;
        if (patch && Array.isArray(patches)) {
          layout = applyJsonPatch(layout, patches as JsonPatchOperation[]);
          message.result = { qLayout: layout };
        }
        answer?.(message);
      };
      const call = (method: string, handle: number, params: unknown[]) =>
        new Promise((resolve) => {
          answer = resolve;
          socket.send(
            JSON.stringify({ jsonrpc: '2.0', id: ++id, method, handle, params, delta: true }),
          );
        });
      await call('GetLayout', 2, []);
      return {
        index,
        select: (origin: string) => call('SelectValues', 3, [[{ qText: origin }], false, false]),
        layout: () => call('GetLayout', 2, []),
      };
    }),
  );
}

async function measure(name: string, ops: Op[]): Promise<void> {
  const perOp: number[] = [];
  const gcPerOp: number[] = [];
  const bytesPerOp: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const stopWatching = watchPauses();
    const cpu = process.cpuUsage();
    const { bytes } = await measureAllocation(async () => {
      await Promise.all(
        ops.map(async (op) => {
          for (let i = 0; i < OPS; i++) {
            await op.select(originFor(op.index, i, round));
            await op.layout();
          }
        }),
      );
    });
    const used = process.cpuUsage(cpu);
    bytesPerOp.push(bytes / (SESSIONS * OPS));
    perOp.push((used.user + used.system) / (SESSIONS * OPS));
    gcPerOp.push((1000 * stopWatching().gcMs) / (SESSIONS * OPS));
  }
  console.log(
    `${name.padEnd(14)} ${SESSIONS} sessions: ${median(perOp).toFixed(1)} [${Math.min(...perOp).toFixed(1)}–${Math.max(...perOp).toFixed(1)}] µs CPU per op (both sides in this process), ` +
      `of it GC pauses ${median(gcPerOp).toFixed(1)} [${Math.min(...gcPerOp).toFixed(1)}–${Math.max(...gcPerOp).toFixed(1)}] µs; ` +
      `${median(bytesPerOp).toFixed(0)} [${Math.min(...bytesPerOp).toFixed(0)}–${Math.max(...bytesPerOp).toFixed(0)}] B allocated per op`,
  );
}

/**
 * The library's patching alone: each session's layout patched as its answers
 * come (the answers parsed outside the timing), µs per layout answer.
 */
function measurePatching(): void {
  const parse = (rest: string) =>
    (JSON.parse(`{"id":1${rest}`) as { result: { qLayout: JsonPatchOperation[] } }).result.qLayout;
  const layouts = Array.from({ length: SESSIONS }, () =>
    applyJsonPatch(undefined, parse(answers.initial)),
  );
  const shown = layouts.map(() => '');
  const perPatch: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let ns = 0;
    for (let op = 0; op < OPS; op++) {
      for (let index = 0; index < SESSIONS; index++) {
        const origin = originFor(index, op, round);
        const patches = parse(answers.layout[`${shown[index]}>${origin}`]!);
        shown[index] = origin;
        const start = process.hrtime.bigint();
        layouts[index] = applyJsonPatch(layouts[index], patches);
        ns += Number(process.hrtime.bigint() - start);
      }
    }
    perPatch.push(ns / 1000 / (SESSIONS * OPS));
  }
  console.log(
    `${'patching'.padEnd(14)} ${SESSIONS} sessions: ${median(perPatch).toFixed(2)} [${Math.min(...perPatch).toFixed(2)}–${Math.max(...perPatch).toFixed(2)}] µs per GetLayout answer to apply its delta patch (its parsing not timed)`,
  );
}

// Raw first, then qix, then raw in reverse order: the process warms up and its heap grows between them.
// BENCH_ONLY=qix (or raw, patch, patching) runs one line alone, for profiling it.
const only = process.env.BENCH_ONLY;
if (only === undefined || only === 'raw') await measure('raw clients', await rawSessions(false));
if (only === undefined || only === 'patch') await measure('raw + patch', await rawSessions(true));
if (only === undefined || only === 'qix') await measure('@qlikit/qix', await qixSessions());
if (only === undefined) await measure('raw + patch', await rawSessions(true));
if (only === undefined) await measure('raw clients', await rawSessions(false));
if (only === undefined || only === 'patching') measurePatching();
