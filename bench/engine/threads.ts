// bench/engine threads: every chart shape of bench/engine/shapes computed in
// process on one thread and on the engine's worker threads, alternating
// rounds in one process (same model, same selections), so the figure is what
// the second core gives under the same machine load. Both answers are
// compared cell by cell, every round (sums included: they are added in the
// same blocks whatever the thread count).
//
// Run: node --expose-gc --conditions=source --import tsx bench/engine/threads.ts
//        [--rows 10000000] [--rounds 7] [--threads N (default: every core)] [--only <text>]
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { computeHyperCube } from '../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../packages/engine/src/hypercube/QixShapes.js';
import { DataModel } from '../../packages/engine/src/model/DataModel.js';
import {
  configureParallelism,
  parallelism,
  stopEngineThreads,
} from '../../packages/engine/src/parallel/engineThreads.js';
import { SelectionState } from '../../packages/engine/src/selection/SelectionState.js';
import { alternate, formatMs } from './alternate.js';
import { mean, threadCpu } from './threadCpu.js';
import { MODELS, loadedTable } from './shapes/benchData.js';
import { SHAPES, cubeDefOf, fetchRowsOf } from './shapes/shapes.js';
import { option } from './option.js';

const ROWS = Number(option('--rows') ?? 10_000_000);
const ROUNDS = Number(option('--rounds') ?? 7);
const THREADS = Number(option('--threads') ?? availableParallelism());
const ONLY = option('--only');
if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');

// The models are built with the threads on, so their columns sit in shared buffers.
configureParallelism({ threads: THREADS });
const { minRows, blockRows } = parallelism();
console.log(
  `bench/engine threads — node ${process.version}, ${ROWS.toLocaleString('en')} rows, 1 thread vs ${THREADS}, ` +
    `parallel from ${minRows.toLocaleString('en')} rows, sums in blocks of ${blockRows.toLocaleString('en')}, ${new Date().toISOString()}`,
);
console.log(
  `medians of ${ROUNDS} alternating rounds after 1 warm-up [min–max]; the machine is shared\n`,
);
const models = {
  flat: DataModel.fromTables(MODELS.flat.map((spec) => loadedTable(spec, ROWS))),
  star: DataModel.fromTables(MODELS.star.map((spec) => loadedTable(spec, ROWS))),
};

const lines: string[] = [];
for (const shape of SHAPES) {
  if (ONLY && !shape.name.includes(ONLY)) continue;
  const model = models[shape.model];
  const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
  const state = new SelectionState(model);
  const pages = new Map<number, unknown>();
  const ownCpu = new Map<number, number[]>([
    [1, []],
    [THREADS, []],
  ]);
  const contestant = (threads: number) => ({
    name: String(threads),
    run: (round: number) => {
      configureParallelism({ threads });
      const before = threadCpu?.() ?? 0;
      const pick = shape.pick(round);
      state.selectValues(pick.field, pick.values);
      pages.set(threads, computeHyperCube(model, state.result(), def).layout.qDataPages);
      if (round > 0 && threadCpu) ownCpu.get(threads)!.push(threadCpu() - before);
    },
  });
  const one = contestant(1);
  const many = contestant(THREADS);
  const timings = await alternate(
    [
      one,
      {
        ...many,
        check: (round: number) => {
          if (!isDeepStrictEqual(pages.get(1), pages.get(THREADS)))
            throw new Error(
              `${shape.name}, round ${round}: the pages differ between 1 and ${THREADS} threads`,
            );
        },
      },
    ],
    ROUNDS,
  );
  const a = timings.get('1')!;
  const b = timings.get(String(THREADS))!;
  const speedup = a.wall.median / b.wall.median;
  const own = (threads: number) => (threadCpu ? mean(ownCpu.get(threads)!).toFixed(1) : '-');
  const range = (t: typeof a, threads: number) =>
    `${formatMs(t.wall)} CPU ${t.cpu.median.toFixed(1)} ms (calling thread ${own(threads)} ms)`;
  console.log(
    `${shape.name}\n   1 thread   ${range(a, 1)}\n   ${THREADS} threads  ${range(b, THREADS)}\n   speed-up ${speedup.toFixed(2)}x`,
  );
  const ms = (t: typeof a) => `${t.wall.median.toFixed(1)} ms`.padStart(10);
  const cpuShare = threadCpu ? (Number(own(1)) / Number(own(THREADS))).toFixed(2) : '-';
  lines.push(
    `${shape.name.padEnd(44)} ${ms(a)} ${ms(b)} ${speedup.toFixed(2).padStart(7)}x ${own(1).padStart(9)} ${own(THREADS).padStart(9)} ${cpuShare.padStart(6)}x`,
  );
}
console.log(
  `\nsummary: median wall time at 1 and ${THREADS} threads (same answers checked every round), and the calling thread's own CPU time (ms, mean of the rounds)\n` +
    `${'shape'.padEnd(44)} ${'1 thread'.padStart(10)} ${`${THREADS} threads`.padStart(10)} speed-up  own CPU 1  own CPU ${THREADS}  ratio`,
);
for (const line of lines) console.log(line);
await stopEngineThreads();
