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
import { percentile } from './stats.js';

interface Op {
  start: number;
  select: number;
  layout: number;
  session: number;
  index: number;
  client: number;
}

interface RoundFile {
  /** The round's start, ms on the clock of performance.timeOrigin. */
  start: number;
  /** Per client process: start, select ms, layout ms, session, op index, five numbers an op. */
  ops: number[][];
  /** The engine's GC pauses, then each client process's: start, length, two numbers a pause. */
  gcs: (number[] | undefined)[];
}

const fixed = (n: number) => n.toFixed(1);
const p = (values: number[], at: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    at,
  );
const p50p99 = (values: number[]) => `${fixed(p(values, 50))}/${fixed(p(values, 99))}`;

function opsOf(file: RoundFile): Op[] {
  return file.ops.flatMap((numbers, client) =>
    Array.from({ length: numbers.length / 5 }, (_, i) => ({
      start: numbers[i * 5]! - file.start,
      select: numbers[i * 5 + 1]!,
      layout: numbers[i * 5 + 2]!,
      session: numbers[i * 5 + 3]!,
      index: numbers[i * 5 + 4]!,
      client,
    })),
  );
}

/** Whether a pause list (start, length pairs) has a pause of 1 ms or more inside [from, to]. */
function pausedIn(pauses: number[] | undefined, origin: number, from: number, to: number): boolean {
  for (let i = 0; i < (pauses?.length ?? 0); i += 2) {
    const start = pauses![i]! - origin;
    if (pauses![i + 1]! >= 1 && start < to && start + pauses![i + 1]! > from) return true;
  }
  return false;
}

function describe(name: string, file: RoundFile): void {
  const ops = opsOf(file);
  if (ops.length === 0) return;
  const total = (op: Op) => op.select + op.layout;
  const totals = ops.map(total);
  const end = Math.max(...ops.map((op) => op.start + total(op)));
  console.log(
    `${name}: ${ops.length} ops in ${end.toFixed(0)} ms; op p50/p99 ${p50p99(totals)} ms, ` +
      `SelectValues ${p50p99(ops.map((op) => op.select))}, GetLayout ${p50p99(ops.map((op) => op.layout))}`,
  );
  const indexes = Math.max(...ops.map((op) => op.index)) + 1;
  const byIndex = Array.from({ length: indexes }, (_, i) =>
    p50p99(ops.filter((op) => op.index === i).map(total)),
  );
  const byClient = file.ops.map((_, c) => p50p99(ops.filter((op) => op.client === c).map(total)));
  console.log(`  by op index ${byIndex.join(' ')} | by client process ${byClient.join(' ')}`);
  const sums = new Map<string, number[]>();
  for (const op of ops) {
    const key = `${op.client}:${op.session}`;
    sums.set(key, [...(sums.get(key) ?? []), total(op)]);
  }
  const means = [...sums.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length);
  console.log(
    `  each session's mean latency p1/p50/p99: ${[1, 50, 99].map((at) => fixed(p(means, at))).join('/')} ms`,
  );
  const buckets = new Array<number>(Math.floor(end / 20) + 1).fill(0);
  for (const op of ops) buckets[Math.floor((op.start + total(op)) / 20)]!++;
  console.log(`  ops finished per 20 ms: ${buckets.join(' ')}`);
  const p99 = p(totals, 99);
  const slow = ops.filter((op) => total(op) >= p99);
  const [engineGcs, ...clientGcs] = file.gcs;
  const inEngineGc = slow.filter((op) =>
    pausedIn(engineGcs, file.start, op.start, op.start + total(op)),
  ).length;
  const inOwnGc = slow.filter((op) =>
    pausedIn(clientGcs[op.client], file.start, op.start, op.start + total(op)),
  ).length;
  const clients = file.ops.map((_, c) => slow.filter((op) => op.client === c).length);
  console.log(
    `  slowest 1% (${slow.length} ops ≥ ${fixed(p99)} ms): ${clients.map((n, c) => `${n} from client ${c}`).join(', ')}, ` +
      `started ${fixed(Math.min(...slow.map((op) => op.start)))}–${fixed(Math.max(...slow.map((op) => op.start)))} ms; ` +
      `${inEngineGc} overlap an engine GC pause ≥ 1 ms, ${inOwnGc} one of their client process`,
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
