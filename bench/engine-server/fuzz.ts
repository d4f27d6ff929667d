// bench/engine-server/fuzz.ts: the project's spec fuzzer run long — many seeds of
// 5,000 requests each, every class of handle live, a second user's chart checked
// between rounds, sessions opened and closed between seeds, then four sessions at once
// on one stored app — printing requests,
// internal errors, hangs and the process's memory before and after.
// Run: node --conditions=source --import tsx --expose-gc bench/engine-server/fuzz.ts [seeds] [requestsPerSeed]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '@qlikit/qix';
import { startEngine } from '@qlikit/engine';
import { openBystander } from '../../packages/engine/test/server/helpers/bystander.js';
import {
  runSpecFuzz,
  type FuzzReport,
} from '../../packages/engine/test/server/helpers/specFuzzer.js';

const SEEDS = Number(process.argv[2] ?? 10);
const REQUESTS = Number(process.argv[3] ?? 5000);

function memory(): { rss: number; heapUsed: number } {
  for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const dataDir = await mkdtemp(join(tmpdir(), 'qlikit-bench-fuzz-'));
const bugs: unknown[] = [];
const engine = await startEngine({
  port: 0,
  dataDir,
  onInternalError: (error) => bugs.push(error),
});

// The bystander: another user's chart, which must read the same rows throughout.
const bystander = await openBystander(engine.url);
const rows = async () => JSON.stringify(await bystander.rows());
const expected = await rows();
let crossSession = 0;

const before = memory();
let requests = 0;
let internal = 0;
let hangs = 0;
const started = performance.now();
function count(report: FuzzReport, label: string): void {
  requests += report.requests;
  internal += report.internal.length;
  hangs += report.hangs.length;
  for (const bug of report.internal.slice(0, 3))
    console.log(`  ${label}: ${bug.message} <- ${bug.request}`);
}
const checkpoint = async () => {
  if ((await rows()) !== expected) crossSession++;
};
// Each seed on a session app of its own, which ends with its socket.
for (let seed = 1; seed <= SEEDS; seed++)
  count(await runSpecFuzz(engine.url, { seed, requests: REQUESTS, checkpoint }), `seed ${seed}`);
// Then four sessions at once on one stored app (saves, reloads, deletes racing), for each tenth seed.
for (let round = 1; round <= Math.ceil(SEEDS / 10); round++) {
  const owner = openSession({ url: `${engine.url}/app/engineData/identity/owner${round}` });
  const { qAppId } = await (await owner.open()).createApp(`Shared ${round}`);
  const seeds = [1, 2, 3, 4].map((k) => 1000 * round + k);
  const reports = await Promise.all(
    seeds.map((seed) =>
      runSpecFuzz(engine.url, { seed, requests: REQUESTS / 4, appId: qAppId, checkpoint }),
    ),
  );
  reports.forEach((report, index) => count(report, `shared seed ${seeds[index]}`));
  await owner.close();
}
const seconds = (performance.now() - started) / 1000;
const after = memory();
const liveSessions = engine.sessionCount();
await bystander.close();

console.log(
  `engine-server fuzz: ${SEEDS} seeds x ${REQUESTS} requests on session apps, then ${Math.ceil(SEEDS / 10)} x 4 sessions x ${REQUESTS / 4} on a shared stored app (machine shared)`,
);
console.log(`  requests        ${requests} in ${seconds.toFixed(1)} s`);
console.log(`  internal errors ${internal} (onInternalError saw ${bugs.length})`);
console.log(`  hangs           ${hangs}`);
console.log(`  cross-session   ${crossSession} bystander reads that differed`);
console.log(`  live sessions   ${liveSessions} after the fuzzers left (the bystander's)`);
console.log(
  `  RSS             ${mb(before.rss)} before, ${mb(after.rss)} after (heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}; engine and fuzzer in one process)`,
);
await engine.close();
await rm(dataDir, { recursive: true, force: true });
process.exit(internal === 0 && hangs === 0 && crossSession === 0 && bugs.length === 0 ? 0 : 1);
