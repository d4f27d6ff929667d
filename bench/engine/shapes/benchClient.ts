// The shapes bench's client side: the bench's engine (server.ts) in a
// process of its own, and enigma.js sessions on it (delta on, its default)
// that look at a chart as a user does with nebula.js's table — select, then
// GetLayout, which carries the rows the table shows first (shapes.ts,
// FIRST_PAGE) — timing each round trip.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import enigma from 'enigma.js';
import schema from 'enigma.js/schemas/12.2027.0.json' with { type: 'json' };
import WebSocket from 'ws';
import type { ModelName } from './benchData.js';
import type { EngineCell } from './compareRows.js';
import { type Pick, type Shape, cubeDefOf, fetchRowsOf } from './shapes.js';

/** What a look at a chart got, and how long each round trip took (ms, as the client waited). */
export interface ChartAnswer {
  readonly rows: number;
  readonly matrix: readonly (readonly EngineCell[])[];
  readonly phases: { readonly select: number; readonly layout: number };
}

/** A chart on the bench's engine. */
export interface Chart {
  look(pick: Pick): Promise<ChartAnswer>;
}

/** One app's enigma.js session on the bench's engine. */
export interface Client {
  chart(shape: Shape): Promise<Chart>;
  /** Collects the server process's heaps (untimed), as the bench collects its own before each run. */
  collect(): Promise<void>;
  close(): Promise<void>;
}

/** The bench's engine process: its URL, and how to end it. */
export interface BenchServer {
  readonly child: ChildProcess;
  readonly url: string;
}

/**
 * Starts the bench's engine for `rows` rows in a process of its own, from
 * the tree at `root` (this one by default: another tree's engine answers
 * the same looks in an A/B comparison), with `imports` loaded first (a
 * development probe's instruments).
 */
export function startServer(
  rows: number,
  root = resolve(import.meta.dirname, '../../..'),
  imports: readonly string[] = [],
): Promise<BenchServer> {
  const child = fork(resolve(root, 'bench/engine/shapes/server.ts'), [String(rows)], {
    cwd: root,
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      ...imports.flatMap((path) => ['--import', path]),
      '--max-old-space-size=16384',
      // So the server can collect its heaps before each timed client run (Client.collect).
      '--expose-gc',
      // BENCH_PROF=<dir> writes the engine's CPU profile there.
      ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve({ child, url: message.url }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
}

/** An enigma.js session on each app of the bench's engine. */
export async function openClients(server: BenchServer): Promise<Record<ModelName, Client>> {
  return { flat: await openClient(server, 'flat'), star: await openClient(server, 'star') };
}

async function openClient(server: BenchServer, app: ModelName): Promise<Client> {
  const session = enigma.create({
    schema,
    url: `${server.url}/app/${app}`,
    createSocket: (socketUrl: string) => new WebSocket(socketUrl) as never,
  });
  const global: any = await session.open();
  const doc: any = await global.openDoc(app);
  return {
    async chart(shape) {
      await doc.clearAll(false);
      const object: any = await doc.createSessionObject({
        qInfo: { qType: 'bench-chart' },
        qHyperCubeDef: cubeDefOf(shape, fetchRowsOf(shape)),
      });
      const fields = new Map<string, any>();
      return {
        async look(pick) {
          let field = fields.get(pick.field);
          if (!field) fields.set(pick.field, (field = await doc.getField(pick.field)));
          const t0 = performance.now();
          await field.selectValues(pick.values.map(fieldValue), false, false);
          const t1 = performance.now();
          const layout = await object.getLayout();
          const t2 = performance.now();
          return {
            rows: layout.qHyperCube.qSize.qcy,
            matrix: layout.qHyperCube.qDataPages[0]?.qMatrix ?? [],
            phases: { select: t1 - t0, layout: t2 - t1 },
          };
        },
      };
    },
    collect: () => collectServer(server.child),
    close: () => session.close(),
  };
}

function collectServer(server: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    const answered = (message: unknown) => {
      if (message !== 'collected') return;
      server.off('message', answered);
      resolve();
    };
    server.on('message', answered);
    server.send('collect');
  });
}

function fieldValue(value: number | string) {
  return typeof value === 'number'
    ? { qText: String(value), qIsNumeric: true, qNumber: value }
    : { qText: value, qIsNumeric: false };
}
