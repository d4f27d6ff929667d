// Development probe: whether a process keeps the memory of the charts it
// computed. One shape in process, round after round, each round's selection
// another; before each round either the benches' collection (this heap's and
// the engine threads': alternate.ts) or, with --idle <ms>, none and a pause
// (as a server between requests). Prints per round the wall time, minor page
// faults and the process's ArrayBuffer memory; at the end, what stopping the
// engine threads gave back (what they still held). A process that keeps each
// chart's arrays grows by their size every round and faults fresh memory in.
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/workerMemory.ts
//        [--rows 10000000] [--rounds 8] [--only <text>] [--idle <ms>]
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionState } from '../../../packages/engine/src/selection/SelectionState.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import {
  collectWorkerGarbage,
  stopEngineThreads,
} from '../../../packages/engine/src/parallel/engineThreads.js';
import { option } from '../option.js';
import { MODELS, loadedTable } from './benchData.js';
import { SHAPES, cubeDefOf, fetchRowsOf } from './shapes.js';

const ROWS = Number(option('--rows') ?? 10_000_000);
const ROUNDS = Number(option('--rounds') ?? 8);
const ONLY = option('--only') ?? 'Avg(A)/Avg(B)';
const IDLE = option('--idle');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const shape = SHAPES.find((s) => s.name.includes(ONLY));
if (!shape) throw new Error(`no shape matches ${ONLY}`);

const model = DataModel.fromTables(MODELS[shape.model].map((spec) => loadedTable(spec, ROWS)));
const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
const state = new SelectionState(model);
const mib = () => (process.memoryUsage().arrayBuffers / 2 ** 20).toFixed(0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

console.log(
  `${shape.name}, ${ROWS.toLocaleString('en')} rows, ${ROUNDS} rounds; before each: ${IDLE ? `no collection, ${IDLE} ms idle` : "the benches' collection"}`,
);
for (let round = 0; round < ROUNDS; round++) {
  if (IDLE) await pause(Number(IDLE));
  else {
    gc();
    collectWorkerGarbage();
    await pause(20);
  }
  const faults = process.resourceUsage().minorPageFault;
  const started = performance.now();
  const pick = shape.pick(round);
  state.selectValues(pick.field, pick.values);
  void computeHyperCube(model, state.result(), def).layout.qDataPages[0]?.qMatrix;
  const wall = performance.now() - started;
  console.log(
    `round ${round}: ${wall.toFixed(1)} ms, ${process.resourceUsage().minorPageFault - faults} faults, ArrayBuffers ${mib()} MiB`,
  );
}
gc();
collectWorkerGarbage();
await pause(200);
gc();
const before = mib();
await stopEngineThreads();
await pause(200);
gc();
console.log(`collected: ArrayBuffers ${before} MiB; with the engine threads stopped ${mib()} MiB`);
