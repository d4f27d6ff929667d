// Development aid for bench/engine-server: where the latency of the rounds
// written by `BENCH_DETAIL=<dir> … run.ts` goes. For each measured round it
// prints the two legs of the op (SelectValues, then GetLayout) at p50 and p99,
// p50/p99 by op index and by client process, how even the sessions were
// (each session's mean latency, p1/p50/p99: unfair scheduling spreads these),
// the ops finished per 20 ms (stalls show as empty buckets), and which stalls
// the slowest 1% of ops sat through: a garbage-collector pause of the engine
// or of their own client process that overlapped them.
// Run: node --import tsx bench/engine-server/detail.ts <dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  latencyOf,
  opsOf,
  pausedIn,
  percentileOf,
  sessionMeans,
  slowestOf,
  type Op,
  type RoundFile,
} from './tail.js';

const fixed = (n: number) => n.toFixed(1);
const p50p99 = (values: number[]) =>
  `${fixed(percentileOf(values, 50))}/${fixed(percentileOf(values, 99))}`;

function describe(name: string, file: RoundFile): void {
  const ops = opsOf(file);
  if (ops.length === 0) return;
  const totals = ops.map(latencyOf);
  const end = Math.max(...ops.map((op) => op.start + latencyOf(op)));
  console.log(
    `${name}: ${ops.length} ops in ${end.toFixed(0)} ms; op p50/p99 ${p50p99(totals)} ms, ` +
      `SelectValues ${p50p99(ops.map((op) => op.select))}, GetLayout ${p50p99(ops.map((op) => op.layout))}`,
  );
  const indexes = Math.max(...ops.map((op) => op.index)) + 1;
  const byIndex = Array.from({ length: indexes }, (_, i) =>
    p50p99(ops.filter((op) => op.index === i).map(latencyOf)),
  );
  const byClient = file.ops.map((_, c) =>
    p50p99(ops.filter((op) => op.client === c).map(latencyOf)),
  );
  console.log(`  by op index ${byIndex.join(' ')} | by client process ${byClient.join(' ')}`);
  const means = sessionMeans(ops);
  console.log(
    `  each session's mean latency p1/p50/p99: ${[1, 50, 99].map((at) => fixed(percentileOf(means, at))).join('/')} ms`,
  );
  const buckets = new Array<number>(Math.floor(end / 20) + 1).fill(0);
  for (const op of ops) buckets[Math.floor((op.start + latencyOf(op)) / 20)]!++;
  console.log(`  ops finished per 20 ms: ${buckets.join(' ')}`);
  const slow = slowestOf(ops);
  const [engineGcs, ...clientGcs] = file.gcs;
  const overlapping = (pauses: (op: Op) => number[] | undefined) =>
    slow.filter((op) => pausedIn(pauses(op), file.start, op.start, op.start + latencyOf(op)))
      .length;
  const clients = file.ops.map((_, c) => slow.filter((op) => op.client === c).length);
  console.log(
    `  slowest 1% (${slow.length} ops ≥ ${fixed(Math.min(...slow.map(latencyOf)))} ms): ` +
      `${clients.map((n, c) => `${n} from client ${c}`).join(', ')}, ` +
      `started ${fixed(Math.min(...slow.map((op) => op.start)))}–${fixed(Math.max(...slow.map((op) => op.start)))} ms; ` +
      `${overlapping(() => engineGcs)} overlap an engine GC pause ≥ 1 ms, ` +
      `${overlapping((op) => clientGcs[op.client])} one of their client process`,
  );
  const pauses = file.gcs.map(
    (list, i) =>
      `${i === 0 ? 'engine' : `client ${i - 1}`} ` +
      Array.from({ length: (list?.length ?? 0) / 2 }, (_, j) => [list![j * 2]!, list![j * 2 + 1]!])
        .filter(([, length]) => length! >= 1)
        .map(([start, length]) => `${(start! - file.start).toFixed(0)}+${fixed(length!)}`)
        .join(' '),
  );
  console.log(`  GC pauses ≥ 1 ms (start+length ms): ${pauses.join(' | ')}`);
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: detail.ts <dir written by BENCH_DETAIL>');
for (const name of readdirSync(dir).sort())
  describe(name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as RoundFile);
