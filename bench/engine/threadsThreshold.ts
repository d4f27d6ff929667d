// bench/engine threads threshold: where splitting a chart's scans over the
// worker threads starts to pay. For each row count, the same two charts
// (plain Sum/Count and Sum(A*B) by two dimensions, every row) at 1 thread
// and at every core with the split forced (no threshold), alternating
// rounds; wall time and the calling thread's own CPU time (Linux), whose
// ratio stays readable when other work takes the cores.
//
// Run: node --expose-gc --conditions=source --import tsx bench/engine/threadsThreshold.ts
//        [--sizes 65536,131072,262144,524288,1048576] [--rounds 15]
import { availableParallelism } from 'node:os';
import { computeHyperCube } from '../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../packages/engine/src/hypercube/QixShapes.js';
import { DataModel } from '../../packages/engine/src/model/DataModel.js';
import {
  configureParallelism,
  stopEngineThreads,
} from '../../packages/engine/src/parallel/engineThreads.js';
import { SelectionState } from '../../packages/engine/src/selection/SelectionState.js';
import { alternate } from './alternate.js';
import { MODELS, loadedTable } from './shapes/benchData.js';
import { mean, threadCpu } from './threadCpu.js';
import { option } from './option.js';

const SIZES = (option('--sizes') ?? '65536,131072,262144,524288,1048576').split(',').map(Number);
const ROUNDS = Number(option('--rounds') ?? 15);
const THREADS = availableParallelism();
if (!threadCpu) throw new Error('needs /proc/thread-self/schedstat (Linux)');
const ownCpu = threadCpu;
const CHARTS = [['Sum(A)', 'Count(B)'], ['Sum(A*B)']];

console.log(
  `bench/engine threads threshold — node ${process.version}, 1 thread vs ${THREADS} (split forced), ${new Date().toISOString()}`,
);
console.log(
  `medians of ${ROUNDS} alternating rounds; every row (no selection); the machine is shared\n`,
);
console.log(
  `${'rows'.padStart(10)}  ${'measures'.padEnd(18)} ${'wall 1'.padStart(9)} ${`wall ${THREADS}`.padStart(9)} ${'own CPU 1'.padStart(10)} ${`own CPU ${THREADS}`.padStart(10)}  CPU ratio`,
);
for (const rows of SIZES) {
  configureParallelism({ threads: THREADS, minRows: 1 });
  const model = DataModel.fromTables(MODELS.flat.map((spec) => loadedTable(spec, rows)));
  const state = new SelectionState(model);
  for (const measures of CHARTS) {
    const def = {
      qDimensions: ['D1', 'D2'].map((name) => ({ qDef: { qFieldDefs: [name] } })),
      qMeasures: measures.map((qDef) => ({ qDef: { qDef } })),
      qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 4, qHeight: 2000 }],
    } as HyperCubeDef;
    const own = new Map<number, number[]>([
      [1, []],
      [THREADS, []],
    ]);
    const contestant = (threads: number) => ({
      name: String(threads),
      run: (round: number) => {
        // One thread: nothing split. Several: every scan split, however small.
        configureParallelism({ threads, minRows: threads === 1 ? 1 << 30 : 1 });
        const before = ownCpu();
        computeHyperCube(model, state.result(), def);
        if (round > 0) own.get(threads)!.push(ownCpu() - before);
      },
    });
    const timings = await alternate([contestant(1), contestant(THREADS)], ROUNDS);
    const [a, b] = [mean(own.get(1)!), mean(own.get(THREADS)!)];
    const wall = (threads: number) =>
      `${timings.get(String(threads))!.wall.median.toFixed(2)} ms`.padStart(9);
    console.log(
      `${rows.toLocaleString('en').padStart(10)}  ${measures.join(', ').padEnd(18)} ${wall(1)} ${wall(THREADS)} ${`${a.toFixed(2)} ms`.padStart(10)} ${`${b.toFixed(2)} ms`.padStart(10)}  ${(a / b).toFixed(2)}x`,
    );
  }
}
await stopEngineThreads();
