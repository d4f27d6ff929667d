// Development probe: whether a process keeps the memory of the charts it
// computed. One shape in process, round after round, each round's selection
// another; before each round either the benches' collection (this heap's and
// the engine threads': alternate.ts) or, with --idle <ms>, none and a pause
// (as a server between requests). Prints per round the wall time, minor page
// faults, system CPU, the process's ArrayBuffer memory and the full
// collections this thread ran since the round before (how many, their time,
// how many the engine started for its shared arrays: sharedMemoryCollection.ts); at the end, what stopping the
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
import { sharedMemory } from '../../../packages/engine/src/parallel/sharedMemoryCollection.js';
import { PerformanceObserver, constants } from 'node:perf_hooks';
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
let fulls = 0;
let fullMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (
      (entry as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR
    )
      continue;
    fulls++;
    fullMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
let engineFulls = 0;
const fullsSince = () => {
  const text = `${fulls} full collections (${fullMs.toFixed(1)} ms, ${sharedMemory.collections - engineFulls} by the engine)`;
  fulls = 0;
  fullMs = 0;
  engineFulls = sharedMemory.collections;
  return text;
};

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
  const gcBefore = IDLE ? '' : `; ${fullsSince()} before`;
  const faults = process.resourceUsage().minorPageFault;
  const system = process.resourceUsage().systemCPUTime;
  const started = performance.now();
  const pick = shape.pick(round);
  state.selectValues(pick.field, pick.values);
  void computeHyperCube(model, state.result(), def).layout.qDataPages[0]?.qMatrix;
  const wall = performance.now() - started;
  const usage = process.resourceUsage();
  const systemMs = (usage.systemCPUTime - system) / 1000;
  console.log(
    `round ${round}: ${wall.toFixed(1)} ms, ${usage.minorPageFault - faults} faults, ${systemMs.toFixed(1)} ms system CPU, ArrayBuffers ${mib()} MiB${gcBefore}`,
  );
  // The collections that the round's arrays started come after it (at the next turn).
  if (IDLE) {
    await pause(0);
    await pause(0);
    console.log(`  after round ${round}: ${fullsSince()}`);
  }
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
