// Development probe: numbering the groups of a frame (GroupIndex.build) on one
// thread against the engine's threads (the two-pass numbering of
// parallel/numberGroups.ts), alternating rounds in one process, GC before each.
// Prints medians [min–max] of wall time, the calling thread's CPU and the
// process's CPU (every thread: the workers' share shows here), and the
// answers compared (group count and every row's id). Switching the thread
// count forgets the threads' record, so those rounds always split; then, on
// two threads kept, --rounds runs in a row show the split's own check at
// work (each run's wall time: a run the check kept on one thread is one of
// the quicker ones on a busy machine).
// Run: node --expose-gc --conditions=source --import tsx bench/engine/numberingSplit.ts
//        [--rows 10000000] [--rounds 11] [--cards 50,21,13,11]
import { GroupIndex } from '../../packages/engine/src/aggregate/GroupIndex.js';
import { configureParallelism } from '../../packages/engine/src/parallel/engineThreads.js';
import { option } from './option.js';
import { threadCpu } from './threadCpu.js';

const rows = Number(option('--rows') ?? 10_000_000);
const rounds = Number(option('--rounds') ?? 11);
const cards = (option('--cards') ?? '50,21,13,11').split(',').map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

// Every frame row over the table's rows, symbols spread as a generated dimension's.
const frame = Int32Array.from({ length: rows }, (_, i) => i);
const columns = cards.map((cardinality, c) => ({
  symbols: Int32Array.from({ length: rows }, (_, i) => ((i * (2 * c + 7)) >>> c) % cardinality),
  rows: frame,
  cardinality,
}));

const sides = [1, 2].map((threads) => ({
  threads,
  wall: [] as number[],
  own: [] as number[],
  cpu: [] as number[],
}));
let previous: GroupIndex | undefined;
for (let r = 0; r < 3 + rounds; r++) {
  for (let k = 0; k < 2; k++) {
    const side = sides[(k + r) % 2]!;
    configureParallelism({ threads: side.threads });
    gc();
    const u0 = process.cpuUsage();
    const c0 = threadCpu?.() ?? NaN;
    const t0 = performance.now();
    const index = GroupIndex.build(columns, rows);
    const wall = performance.now() - t0;
    const own = (threadCpu?.() ?? NaN) - c0;
    const u1 = process.cpuUsage(u0);
    if (previous && (previous.count !== index.count || !sameIds(previous.ofRow, index.ofRow)))
      throw new Error(`round ${r}: the numberings differ`);
    previous = index;
    if (r >= 3) {
      side.wall.push(wall);
      side.own.push(own);
      side.cpu.push((u1.user + u1.system) / 1000);
    }
  }
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
const range = (list: number[]) =>
  `${median(list).toFixed(1)} [${Math.min(...list).toFixed(1)}–${Math.max(...list).toFixed(1)}]`;
console.log(
  `numbering ${rows.toLocaleString('en')} rows by ${cards.join(' x ')}, ${previous!.count} groups, ${rounds} alternating rounds`,
);
for (const side of sides)
  console.log(
    `${side.threads} thread${side.threads > 1 ? 's' : ' '}  wall ${range(side.wall)} ms  calling thread CPU ${range(side.own)} ms  process CPU ${range(side.cpu)} ms`,
  );
console.log(
  `2/1: wall ${(median(sides[1]!.wall) / median(sides[0]!.wall)).toFixed(2)}x, process CPU ${(median(sides[1]!.cpu) / median(sides[0]!.cpu)).toFixed(2)}x`,
);

configureParallelism({ threads: 2 });
const kept: number[] = [];
for (let r = 0; r < rounds * 2; r++) {
  gc();
  const t0 = performance.now();
  GroupIndex.build(columns, rows);
  kept.push(performance.now() - t0);
}
console.log(
  `2 threads kept, ${kept.length} runs in a row: ${kept.map((ms) => ms.toFixed(0)).join(' ')} ms`,
);
await (await import('../../packages/engine/src/parallel/engineThreads.js')).stopEngineThreads();
