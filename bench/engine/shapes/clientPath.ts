// Development aid: what the engine's server path adds to a chart's
// computation, in one process and without sockets. Alternating rounds of
// (a) a selection and computeHyperCube on a data model built as the bench
// builds its own, and (b) the same chart through an EngineConnection (the
// server's dispatcher, app store and shared result cache, delta on): the
// frames of SelectValues and GetLayout given to it as text, the answers
// dropped. Prints wall time, the calling thread's CPU, the process's CPU and
// page faults for each; where (b) costs what (a) does, the server process's
// extra time is not its code path.
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/clientPath.ts
//        [--rows 1000000] [--rounds 20] [--only <text>]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qixSchema } from '@qlikit/qix';
import { AppStore } from '../../../packages/engine/src/app/AppStore.js';
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionState } from '../../../packages/engine/src/selection/SelectionState.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import { EngineConnection } from '../../../packages/engine/src/server/connection/EngineConnection.js';
import { MethodDispatcher } from '../../../packages/engine/src/server/dispatch/MethodDispatcher.js';
import { engineMethods } from '../../../packages/engine/src/server/handlers/engineMethods.js';
import { parseEngineUrl } from '../../../packages/engine/src/server/protocol/parseEngineUrl.js';
import { DEFAULT_LIMITS } from '../../../packages/engine/src/server/protocol/RequestLimits.js';
import { SessionRegistry } from '../../../packages/engine/src/server/session/SessionRegistry.js';
import { alternate, formatMs, summarize } from '../alternate.js';
import { option } from '../option.js';
import { mean, threadCpu } from '../threadCpu.js';
import { type Cost, measure } from './clientGapCost.js';
import { MODELS, type ModelName, loadedTable } from './benchData.js';
import { SHAPES, type Shape, cubeDefOf, fetchRowsOf } from './shapes.js';

const ROWS = Number(option('--rows') ?? 1_000_000);
const ROUNDS = Number(option('--rounds') ?? 20);
const WARMUPS = 3;
const ONLY = option('--only');
if (!(globalThis as { gc?: unknown }).gc || !threadCpu)
  throw new Error('run with node --expose-gc, on Linux (thread CPU from /proc)');

const names = Object.keys(MODELS) as ModelName[];
const own = Object.fromEntries(
  names.map((name) => [
    name,
    DataModel.fromTables(MODELS[name].map((spec) => loadedTable(spec, ROWS))),
  ]),
) as Record<ModelName, DataModel>;
const dataDir = await mkdtemp(join(tmpdir(), 'qlikit-bench-path-'));
const apps = new AppStore(dataDir);
await apps.init();
for (const name of names) {
  const app = await apps.create(name, name);
  app.replaceData(
    MODELS[name].map((spec) => loadedTable(spec, ROWS)),
    {},
  );
}
const dispatcher = new MethodDispatcher(qixSchema, engineMethods(apps));
const sessions = new SessionRegistry(DEFAULT_LIMITS);

console.log(
  `computeHyperCube against the server path without sockets (SelectValues + GetLayout), ${ROWS.toLocaleString('en')} rows, ${ROUNDS} alternating rounds after ${WARMUPS}`,
);
console.log('wall: median [min–max] ms; CPU (thread, process), page faults and split scans: means');
try {
  for (const shape of SHAPES) if (!ONLY || shape.name.includes(ONLY)) await comparePaths(shape);
} finally {
  // The apps are written to disk in the background: done first, then removed.
  await apps.flush();
  await rm(dataDir, { recursive: true, force: true });
}

async function comparePaths(shape: Shape): Promise<void> {
  const model = own[shape.model];
  const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
  const state = new SelectionState(model);
  const look = await serverLook(shape);
  const costs = new Map<string, Cost[]>([
    ['computeHyperCube', []],
    ['server path', []],
  ]);
  const timed = (name: string, run: (round: number) => void) => (round: number) => {
    const { cost } = measure(() => run(round));
    if (round >= WARMUPS) costs.get(name)!.push(cost);
  };
  await alternate(
    [
      {
        name: 'computeHyperCube',
        run: timed('computeHyperCube', (round) => {
          const pick = shape.pick(round);
          state.selectValues(pick.field, pick.values);
          void computeHyperCube(model, state.result(), def).layout.qDataPages[0]?.qMatrix;
        }),
      },
      { name: 'server path', run: timed('server path', look) },
    ],
    ROUNDS,
    WARMUPS,
  );
  console.log(shape.name);
  for (const [name, list] of costs)
    console.log(
      `   ${name.padEnd(18)} ${formatMs(summarize(list.map((c) => c.wall)), 2)}  thread ${mean(list.map((c) => c.thread)).toFixed(2)}  process ${mean(list.map((c) => c.process)).toFixed(2)}  faults ${mean(list.map((c) => c.faults)).toFixed(0)}  splits ${mean(list.map((c) => c.splits)).toFixed(1)}`,
    );
}

/** A session on the shape's app with the chart open: each call selects the round's values and gets the layout. */
async function serverLook(shape: Shape): Promise<(round: number) => void> {
  const { session } = sessions.attach(parseEngineUrl(`/app/${shape.model}/identity/path`), {
    userId: `path-${shape.name}`,
  });
  // Answers are dropped, but none may be an error (a wrong handle would time nothing).
  const sink = {
    send: (text: string) => {
      if (text.startsWith('{"jsonrpc":"2.0","id":') && text.includes(',"error":'))
        throw new Error(`${shape.name}: ${text}`);
    },
    close: () => {},
  };
  const connection = new EngineConnection(sink, session, dispatcher, DEFAULT_LIMITS, (error) =>
    console.error(error),
  );
  session.sockets.add(connection);
  let id = 0;
  const frame = (handle: number, method: string, params: unknown[]) =>
    JSON.stringify({ jsonrpc: '2.0', id: ++id, method, handle, params, delta: true });
  // Handles as the engine numbers them on a fresh session: the doc 1, then one per object.
  await connection.receive(frame(-1, 'OpenDoc', [shape.model]));
  await connection.receive(
    frame(1, 'CreateSessionObject', [
      { qInfo: { qType: 'path-chart' }, qHyperCubeDef: cubeDefOf(shape, fetchRowsOf(shape)) },
    ]),
  );
  const field = shape.pick(0).field;
  await connection.receive(frame(1, 'GetField', [field]));
  // Both methods answer synchronously: the timing holds all of their work.
  const answer = (text: string) => {
    if (connection.receive(text) !== undefined) throw new Error('answered asynchronously');
  };
  return (round) => {
    const pick = shape.pick(round);
    if (pick.field !== field) throw new Error(`${shape.name} selects in more than one field`);
    const values = pick.values.map((v) => ({
      qText: String(v),
      qIsNumeric: typeof v === 'number',
      qNumber: v,
    }));
    answer(frame(3, 'SelectValues', [values, false, false]));
    answer(frame(2, 'GetLayout', []));
  };
}
