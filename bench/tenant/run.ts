// bench/tenant: a bounded soak of the local tenant. 20 clients (each its own
// user and API key) for 3 minutes on 127.0.0.1 mix REST (list items, upload and
// delete a data file, reload and poll, copy and delete an app) and engine work
// (open the shared app, a hypercube, a selection, layouts). Prints errors,
// leaked engine sessions and file handles, the tenant's RSS over time, and
// GET /api/v1/items requests/s against a fastify hello-world (the floor).
// Flags: --clients N (20), --seconds S (180), --rounds R (3), --round-seconds S (5).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpClient } from './HttpClient.js';
import { reloadAndWait, runClient, SOAK_SCRIPT, Tally, type SoakUser } from './soakClient.js';
import { throughput } from './throughput.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '180' },
    rounds: { type: 'string', default: '3' },
    'round-seconds': { type: 'string', default: '5' },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const ROUND_SECONDS = Number(values['round-seconds']);
const MiB = 1024 * 1024;
const TSX = ['--conditions=source', '--import', 'tsx'];

interface Stats {
  rss: number;
  heapUsed: number;
  fds: number;
  engineSessions: number;
}

/** Forks a server script and waits for its first message. */
async function start<T>(
  script: string,
  args: string[],
  flags: string[] = [],
): Promise<{ child: ChildProcess; hello: T }> {
  const child = fork(new URL(script, import.meta.url), args, {
    execArgv: [...flags, ...TSX],
    stdio: 'inherit',
  });
  const hello = await new Promise<T>((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, hello };
}

/** Asks the tenant process for its memory, file handles and engine sessions. */
function statsOf(child: ChildProcess): Promise<Stats> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as Stats));
    child.send({ stats: true });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => (bytes / MiB).toFixed(1);

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const dataDir = await mkdtemp(join(tmpdir(), 'qlikit-soak-'));
const { child: tenant, hello } = await start<{
  url: string;
  adminKey: string;
  users: { id: string; key: string }[];
}>('./tenantServer.ts', [dataDir, String(CLIENTS)], ['--expose-gc']);
const http = new HttpClient(hello.url, CLIENTS * 2);
const admin = hello.adminKey;
const json = async (method: string, path: string, key: string, body?: unknown) => {
  const answer = await http.request(method, path, { key, json: body });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return answer.text ? JSON.parse(answer.text) : undefined;
};

// Set-up: a shared space every user may consume, its app, and an app of each user's own.
const space = await json('POST', '/api/v1/spaces', admin, { name: 'Soak', type: 'shared' });
for (const user of hello.users)
  await json('POST', `/api/v1/spaces/${space.id}/assignments`, admin, {
    type: 'user',
    assigneeId: user.id,
    roles: ['consumer'],
  });
const shared = await json('POST', '/api/v1/apps', admin, {
  attributes: { name: 'Soak shared', spaceId: space.id },
});
const sharedAppId: string = shared.attributes.id;
const target = { http, url: hello.url, sharedAppId, groups: 10 };
await json('POST', `/api/v1/apps/${sharedAppId}/scripts`, admin, { script: SOAK_SCRIPT });
await reloadAndWait(target, admin, sharedAppId);
const users: SoakUser[] = [];
for (const [index, user] of hello.users.entries()) {
  const app = await json('POST', '/api/v1/apps', user.key, {
    attributes: { name: `Soak ${index}` },
  });
  await json('POST', `/api/v1/apps/${app.attributes.id}/scripts`, user.key, {
    script: SOAK_SCRIPT,
  });
  await reloadAndWait(target, user.key, app.attributes.id);
  users.push({ index, key: user.key, appId: app.attributes.id });
}
http.close();
await new Promise((resolve) => setTimeout(resolve, 1000));
const before = await statsOf(tenant);

console.log(
  `bench/tenant soak: ${CLIENTS} clients for ${SECONDS} s on 127.0.0.1, Node ${process.version}, ` +
    `${cpus().length} cores (shared with other work)`,
);
console.log(
  `before: RSS ${mb(before.rss)} MiB, heap ${mb(before.heapUsed)} MiB, ` +
    `${before.fds} file handles, ${before.engineSessions} engine sessions\n`,
);
console.log(
  '   t (s)   RSS MiB  heap MiB   fds  sessions      ops  errors   (heap after a full GC)',
);
const tally = new Tally();
const samples: Array<[number, number]> = [];
const heapSamples: Array<[number, number]> = [];
const startedAt = performance.now();
const until = startedAt + SECONDS * 1000;
let sampling = true;
const sampler = (async () => {
  for (let tick = 1; sampling; tick++) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    if (!sampling) break;
    const stats = await statsOf(tenant);
    const t = (performance.now() - startedAt) / 1000;
    samples.push([t, stats.rss]);
    heapSamples.push([t, stats.heapUsed]);
    if (tick % 3 === 0)
      console.log(
        `${t.toFixed(0).padStart(8)}${mb(stats.rss).padStart(10)}${mb(stats.heapUsed).padStart(10)}` +
          `${String(stats.fds).padStart(6)}${String(stats.engineSessions).padStart(10)}` +
          `${String(tally.doneCount).padStart(9)}${String(tally.errorCount).padStart(8)}`,
      );
  }
})();
const soakHttp = new HttpClient(hello.url, CLIENTS * 2);
await Promise.all(
  users.map((user) => runClient({ ...target, http: soakHttp }, user, until, tally)),
);
sampling = false;
await sampler;
soakHttp.close();
await new Promise((resolve) => setTimeout(resolve, 2000));
const after = await statsOf(tenant);

const seconds = (performance.now() - startedAt) / 1000;
console.log(`\noperations: ${tally.doneCount} in ${seconds.toFixed(0)} s`);
for (const [op, n] of [...tally.done].sort()) console.log(`  ${op.padEnd(8)} ${n}`);
console.log(`errors: ${tally.errorCount}`);
for (const [what, n] of tally.errors) console.log(`  ${n} × ${what}`);
console.log(`leaked engine sessions: ${after.engineSessions}`);
console.log(
  `leaked file handles: ${after.fds - before.fds} (${before.fds} before, ${after.fds} after)`,
);
// Flat: past the first 30 s of warm-up, the RSS trend over the run.
const settled = samples.filter(([t]) => t >= 30);
const perMinute = settled.length > 2 ? (slope(settled) * 60) / MiB : NaN;
const settledHeap = heapSamples.filter(([t]) => t >= 30);
const heapPerMinute = settledHeap.length > 2 ? (slope(settledHeap) * 60) / MiB : NaN;
const firstMinute = settled.filter(([t]) => t < 90).map(([, rss]) => rss);
const lastMinute = settled.filter(([t]) => t >= seconds - 60).map(([, rss]) => rss);
console.log(
  `RSS: ${mb(before.rss)} MiB before, ${mb(after.rss)} MiB after; trend past 30 s ${perMinute.toFixed(1)} MiB/min; ` +
    `median 30–90 s ${firstMinute.length ? mb(median(firstMinute)) : '-'} MiB, ` +
    `last minute ${lastMinute.length ? mb(median(lastMinute)) : '-'} MiB`,
);
console.log(
  `heap after a full GC: ${mb(before.heapUsed)} MiB before, ${mb(after.heapUsed)} MiB after; ` +
    `trend past 30 s ${heapPerMinute.toFixed(1)} MiB/min`,
);

// The floor: the same client and connections against a fastify hello-world, rounds alternated.
const { child: floor, hello: floorHello } = await start<{ url: string }>('./helloServer.ts', []);
const items: number[] = [];
const helloWorld: number[] = [];
// Every answer must list what the first did: the same page, by value.
const probe = new HttpClient(hello.url, 1);
const firstPage = (await probe.request('GET', '/api/v1/items?limit=20', { key: admin })).text;
probe.close();
const expectedIds = (JSON.parse(firstPage) as { data: { id: string }[] }).data.map((i) => i.id);
if (expectedIds.length === 0) throw new Error('GET /api/v1/items listed nothing');
const itemsOk = (status: number, text: string) =>
  status === 200 &&
  (JSON.parse(text) as { data: { id: string }[] }).data.map((i) => i.id).join() ===
    expectedIds.join();
const helloOk = (status: number, text: string) => status === 200 && text === '{"hello":"world"}';
for (let round = 0; round < ROUNDS; round++) {
  items.push(
    await throughput(hello.url, '/api/v1/items?limit=20', admin, CLIENTS, ROUND_SECONDS, itemsOk),
  );
  helloWorld.push(
    await throughput(floorHello.url, '/hello', undefined, CLIENTS, ROUND_SECONDS, helloOk),
  );
}
const line = (name: string, xs: number[]) =>
  `  ${name.padEnd(34)} median ${median(xs).toFixed(0).padStart(6)} req/s ` +
  `(min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
console.log(
  `\nrequests/s, ${CLIENTS} keep-alive connections, ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s:`,
);
console.log(line('GET /api/v1/items?limit=20', items));
console.log(line('fastify hello-world (floor)', helloWorld));
console.log(`  items / floor: ${((median(items) / median(helloWorld)) * 100).toFixed(0)}%`);

floor.disconnect();
tenant.disconnect();
await Promise.all(
  [floor, tenant].map((child) => new Promise((resolve) => child.once('exit', resolve))),
);
await rm(dataDir, { recursive: true, force: true });
const clean = tally.errorCount === 0 && after.engineSessions === 0 && after.fds <= before.fds;
process.exit(clean ? 0 : 1);
