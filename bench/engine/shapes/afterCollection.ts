// Development aid: what a forced full collection before a chart costs the
// chart. The shapes bench collects every heap before each timed run (its own
// with gc(), the engine process's on an IPC message); such a collection also
// drops the shapes of objects no longer alive, and with them the machine code
// V8 made for loops that read those objects (bench/engine/HISTORY.md, "Machine
// code lost to full collections"). In one process, in alternating rounds, the
// shape's selection and computeHyperCube run (a) with no collection before
// them, (b) after gc() and the worker threads' collection, then an event-loop
// turn (as the engine process's GetLayout comes after the select's round trip).
// Prints wall time, the calling thread's CPU, the process's CPU (its worker
// threads and V8's compiler threads) and the share of the split scans' rows the
// calling thread ran. Add --trace-opt --trace-deopt to see what V8 compiles again.
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/afterCollection.ts
//        [--rows 1000000] [--rounds 20] [--only <text>]
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionState } from '../../../packages/engine/src/selection/SelectionState.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import { collectWorkerGarbage } from '../../../packages/engine/src/parallel/engineThreads.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import { formatMs, summarize } from '../alternate.js';
import { option } from '../option.js';
import { mean } from '../threadCpu.js';
import { type Cost, measure } from './clientGapCost.js';
import { MODELS, type ModelName, loadedTable } from './benchData.js';
import { SHAPES, type Shape, cubeDefOf, fetchRowsOf } from './shapes.js';

const ROWS = Number(option('--rows') ?? 1_000_000);
const ROUNDS = Number(option('--rounds') ?? 20);
const WARMUPS = 3;
const ONLY = option('--only');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const models = new Map<ModelName, DataModel>();
const before: Record<string, () => Promise<void>> = {
  'no collection': async () => {},
  'after a collection': async () => {
    gc();
    collectWorkerGarbage();
    await new Promise((resolve) => setImmediate(resolve));
  },
};

console.log(
  `a chart in process with and without a forced full collection before it, ${ROWS.toLocaleString('en')} rows, ${ROUNDS} alternating rounds after ${WARMUPS}`,
);
console.log(
  'wall: median [min–max] ms; CPU (thread, process) and the calling thread’s share of split rows: means',
);
for (const shape of SHAPES) if (!ONLY || shape.name.includes(ONLY)) await compare(shape);

async function compare(shape: Shape): Promise<void> {
  let model = models.get(shape.model);
  if (!model) {
    model = DataModel.fromTables(MODELS[shape.model].map((spec) => loadedTable(spec, ROWS)));
    models.set(shape.model, model);
  }
  const state = new SelectionState(model);
  const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
  const names = Object.keys(before);
  const costs = new Map<string, Cost[]>(names.map((name) => [name, []]));
  for (let round = 0; round < WARMUPS + ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length]!;
      await before[name]!();
      const pick = shape.pick(round);
      const { cost } = measure(() => {
        state.selectValues(pick.field, pick.values);
        void computeHyperCube(model, state.result(), def).layout.qDataPages[0]?.qMatrix;
      });
      if (round >= WARMUPS) costs.get(name)!.push(cost);
    }
  }
  console.log(shape.name);
  for (const [name, list] of costs) {
    const shares = list.map((c) => c.ownShare).filter((share) => share === share);
    console.log(
      `   ${name.padEnd(19)} ${formatMs(summarize(list.map((c) => c.wall)), 2)}  thread ${mean(list.map((c) => c.thread)).toFixed(2)}  process ${mean(list.map((c) => c.process)).toFixed(2)}  own share ${shares.length > 0 ? mean(shares).toFixed(2) : '-'}`,
    );
  }
}
