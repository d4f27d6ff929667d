// Development aid: where a client's look at a chart spends its time. Runs the
// shapes bench's client (enigma.js, delta on: select, then GetLayout with the
// first page) against the bench's engine (server.ts) in a process
// of its own, and times each round trip as the client sees it beside what the
// engine spent on it (probeTiming.ts, loaded into the server): computing the
// answer, writing its text (delta encoding included), and the rest (parsing
// the request, sending the frame).
// Run: node --conditions=source --import tsx bench/engine/shapes/clientProbe.ts <rows> <shape text | all> [looks]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import enigma from 'enigma.js';
import schema from 'enigma.js/schemas/12.2027.0.json' with { type: 'json' };
import WebSocket from 'ws';
import type { EngineSpan } from './probeTiming.js';
import { type Shape, SHAPES, cubeDefOf, fetchRowsOf } from './shapes.js';

await probe();

async function probe(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const which = process.argv[3] ?? 'plain';
  const looks = Number(process.argv[4] ?? 12);
  const shapes = which === 'all' ? SHAPES : [SHAPES.find((s) => s.name.includes(which))!];
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [String(rows)], {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      '--import',
      fileURLToPath(new URL('./probeTiming.ts', import.meta.url)),
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
  for (const shape of shapes) await probeShape(shape, url, rows, looks, spansOf);
  child.disconnect();
}

async function probeShape(
  shape: Shape,
  url: string,
  rows: number,
  looks: number,
  spansOf: () => Promise<EngineSpan[]>,
): Promise<void> {
  const session = enigma.create({
    schema,
    url: `${url}/app/${shape.model}`,
    createSocket: (socketUrl: string) => new WebSocket(socketUrl) as never,
  });
  const global: any = await session.open();
  const doc: any = await global.openDoc(shape.model);
  await doc.clearAll(false);
  const object: any = await doc.createSessionObject({
    qInfo: { qType: 'probe-chart' },
    qHyperCubeDef: cubeDefOf(shape, fetchRowsOf(shape)),
  });
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
    await time('GetLayout', () => object.getLayout());
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
  console.log(`client process CPU per look: ${median(cpu).toFixed(2)} ms\n`);
  await session.close();
}
