// Development aid: where a client's look at a chart spends its time. Runs the
// shapes bench's client (enigma.js, delta on: select, GetLayout, one
// GetHyperCubeData page) against the bench's engine in a process of its own,
// and times each round trip as the client sees it beside what the engine
// spent on it: computing the answer, writing its text (delta encoding
// included), and the rest (parsing the request, sending the frame). The
// engine side is measured by wrapping EngineConnection's methods in the
// server process (this file, run with `serve`).
// Run: node --conditions=source --import tsx bench/engine/shapes/clientProbe.ts <rows> <shape text> [looks]
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import enigma from 'enigma.js';
import schema from 'enigma.js/schemas/12.2027.0.json' with { type: 'json' };
import WebSocket from 'ws';
import { EngineConnection } from '../../../packages/engine/src/server/connection/EngineConnection.js';
import { startEngine } from '../../../packages/engine/src/server/startEngine.js';
import { MODELS, type ModelName, loadedTable } from './benchData.js';
import { SHAPES, cubeDefOf, fetchRowsOf } from './shapes.js';

/** What the engine spent on one request, in ms, and the answer's length in characters. */
interface EngineSpan {
  method: string;
  receive: number;
  call: number;
  text: number;
  chars: number;
  /** CPU time of the engine process (all its threads) during receive. */
  cpu: number;
  /** How the answer came: plain, a delta patch, or a delta replacing the whole value. */
  form: string;
}

if (process.argv[2] === 'serve') await serve(Number(process.argv[3]));
else await probe();

async function serve(rows: number): Promise<void> {
  const spans: EngineSpan[] = [];
  instrument(spans);
  const dataDir = await mkdtemp(join(tmpdir(), 'qlikit-client-probe-'));
  const engine = await startEngine({ port: 0, dataDir });
  for (const name of Object.keys(MODELS) as ModelName[]) {
    const app = await engine.apps.create(name, name);
    app.replaceData(
      MODELS[name].map((spec) => loadedTable(spec, rows)),
      {},
    );
  }
  process.on('message', (message: string) => {
    if (message === 'spans') process.send!(spans.splice(0));
  });
  process.on('disconnect', () => {
    void engine
      .close()
      .then(() => rm(dataDir, { recursive: true, force: true }))
      .then(() => process.exit(0));
  });
  process.send!({ url: engine.url });
}

// Wraps the connection's private steps (reached through the prototype: a development aid only).
function instrument(spans: EngineSpan[]): void {
  const proto = EngineConnection.prototype as unknown as Record<
    string,
    (this: unknown, ...args: unknown[]) => unknown
  >;
  let current: EngineSpan | undefined;
  const receive = proto.receive!;
  proto.receive = async function (this: unknown, ...args: unknown[]) {
    const span: EngineSpan = {
      method: '?',
      receive: 0,
      call: 0,
      text: 0,
      chars: 0,
      cpu: 0,
      form: 'plain',
    };
    current = span;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await receive.apply(this, args);
    span.receive = performance.now() - t0;
    const used = process.cpuUsage(c0);
    span.cpu = (used.user + used.system) / 1000;
    spans.push(span);
  };
  const call = proto.call!;
  proto.call = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const result = call.apply(this, args);
    if (current) {
      current.method = (args[0] as { method: string }).method;
      current.call += performance.now() - t0;
    }
    return result;
  };
  const resultText = proto.resultText!;
  proto.resultText = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const text = resultText.apply(this, args) as string;
    if (current) {
      current.text += performance.now() - t0;
      current.chars += text.length;
      // The head tells the form; the whole text would take the probe a while to scan.
      const head = text.slice(0, 200);
      if (head.includes('"delta":true'))
        current.form = /"result":\{"[^"]+":\[\{"op":"(add|replace)","path":"\/",/.test(head)
          ? 'whole'
          : 'patch';
    }
    return text;
  };
}

async function probe(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const shape = SHAPES.find((s) => s.name.includes(process.argv[3] ?? 'plain'))!;
  const looks = Number(process.argv[4] ?? 12);
  const child = fork(fileURLToPath(import.meta.url), ['serve', String(rows)], {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      '--max-old-space-size=16384',
      // BENCH_PROF=<dir> writes the engine's CPU profile there (sampled every 100 µs).
      ...(process.env.BENCH_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`, '--cpu-prof-interval=100']
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve) =>
    child.once('message', (m: { url: string }) => resolve(m.url)),
  );
  const spansOf = () =>
    new Promise<EngineSpan[]>((resolve) => {
      child.once('message', resolve);
      child.send('spans');
    });
  const session = enigma.create({
    schema,
    url: `${url}/app/${shape.model}`,
    createSocket: (socketUrl: string) => new WebSocket(socketUrl) as never,
  });
  const global: any = await session.open();
  const doc: any = await global.openDoc(shape.model);
  const object: any = await doc.createSessionObject({
    qInfo: { qType: 'probe-chart' },
    qHyperCubeDef: cubeDefOf(shape, 0),
  });
  const fetchRows = fetchRowsOf(shape);
  const width = shape.dims.length + shape.measures.length;
  await spansOf();
  const table = new Map<string, { client: number[]; clientCpu: number[]; engine: EngineSpan[] }>();
  const cpu: number[] = [];
  for (let look = 0; look < looks; look++) {
    const pick = shape.pick(look);
    const field: any = await doc.getField(pick.field);
    await spansOf();
    const walls: [string, number, number][] = [];
    const time = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await run();
      const used = process.cpuUsage(c0);
      walls.push([name, performance.now() - t0, (used.user + used.system) / 1000]);
      return result;
    };
    const c0 = process.cpuUsage();
    await time('SelectValues', () =>
      field.selectValues(
        pick.values.map((v) => ({ qText: String(v), qIsNumeric: true, qNumber: v })),
        false,
        false,
      ),
    );
    const layout: any = await time('GetLayout', () => object.getLayout());
    const height = Math.min(fetchRows, layout.qHyperCube.qSize.qcy);
    await time('GetHyperCubeData', () =>
      object.getHyperCubeData('/qHyperCubeDef', [
        { qTop: 0, qLeft: 0, qWidth: width, qHeight: height },
      ]),
    );
    const used = process.cpuUsage(c0);
    const spans = await spansOf();
    if (look < 2) continue;
    cpu.push((used.user + used.system) / 1000);
    for (const [name, wall, clientCpu] of walls) {
      const entry = table.get(name) ?? { client: [], clientCpu: [], engine: [] };
      entry.client.push(wall);
      entry.clientCpu.push(clientCpu);
      entry.engine.push(spans.find((s) => s.method === name)!);
      table.set(name, entry);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
  console.log(`${shape.name}, ${rows.toLocaleString('en')} rows: medians of ${looks - 2} looks`);
  console.log(
    'round trip (ms)   client: wall   CPU  engine: receive  CPU  call  text  answer chars  forms',
  );
  const cell = (n: number, width: number) => n.toFixed(2).padStart(width);
  for (const [name, { client, clientCpu, engine }] of table) {
    const of = (key: 'receive' | 'cpu' | 'call' | 'text' | 'chars') =>
      median(engine.map((s) => s[key]));
    console.log(
      `${name.padEnd(17)} ${cell(median(client), 13)} ${cell(median(clientCpu), 5)} ${cell(of('receive'), 16)} ${cell(of('cpu'), 5)} ${cell(of('call'), 5)} ${cell(of('text'), 5)} ${String(of('chars')).padStart(13)}  ${formsOf(engine)}`,
    );
  }
  function formsOf(engine: EngineSpan[]): string {
    const counts = new Map<string, number>();
    for (const span of engine) counts.set(span.form, (counts.get(span.form) ?? 0) + 1);
    return [...counts].map(([form, n]) => `${n} ${form}`).join(', ');
  }
  console.log(`client process CPU per look: ${median(cpu).toFixed(2)} ms`);
  await session.close();
  child.disconnect();
}
