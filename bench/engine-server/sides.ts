// Development aid for bench/engine-server: each side's CPU per op over real
// sockets, with the other side held fixed. One process runs raw clients
// (rawSession.ts) and @qlikit/qix sessions (delta on) against the engine
// (cache on) and against the wire floor's server (the engine's recorded
// answers), in alternating rounds. Per pair it prints this process's CPU per
// op (the client's cost: qix against raw on the same server) and the server's
// (the engine's cost: engine against floor with the same clients).
// Run: node --max-semi-space-size=64 --conditions=source --import tsx bench/engine-server/sides.ts [sessions] [rounds]
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openSession } from '@qlikit/qix';
import { recordAnswers, type RecordedAnswers } from './floor.js';
import { openRawSession, rawOp } from './rawSession.js';
import { median } from './stats.js';
import { conditionsFor, engineBuild } from './builds.js';
import { CUBE, originFor } from './workload.js';

const SESSIONS = Number(process.argv[2] ?? 500);
const ROUNDS = Number(process.argv[3] ?? 5);
const OPS = Math.max(5, Math.ceil(2000 / SESSIONS));
const engineConditions = conditionsFor(engineBuild);

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

function start(script: string, execArgv: string[], answers?: RecordedAnswers): Promise<Server> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--max-semi-space-size=64', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve) =>
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'answers') child.send(answers!);
      else if (message.url !== undefined) resolve({ child, url: message.url });
    }),
  );
}

function serverCpuMs(server: Server): Promise<number> {
  return new Promise((resolve) => {
    const listen = (message: { type?: string; ms?: number }) => {
      if (message.type !== 'cpu') return;
      server.child.off('message', listen);
      resolve(message.ms!);
    };
    server.child.on('message', listen);
    server.child.send({ type: 'cpu' });
  });
}

type Op = (origin: string) => Promise<unknown>;

async function qixOps(url: string): Promise<Op[]> {
  const ops: Op[] = [];
  for (let i = 0; i < SESSIONS; i += 50)
    ops.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, SESSIONS - i) }, async (_, j) => {
          const session = openSession({
            url: `${url}/app/flights/identity/bench-qix-${i + j}`,
            reconnect: false,
            delta: true,
          });
          const doc = await (await session.open()).openDoc('flights');
          const object = await doc.createSessionObject(CUBE);
          const field = await doc.getField('Origin');
          await object.getLayout();
          let layout: unknown;
          return async (origin: string) => {
            await field.selectValues([{ qText: origin }], false, false);
            layout = await object.getLayout();
            return layout;
          };
        }),
      )),
    );
  return ops;
}

async function rawOps(url: string): Promise<Op[]> {
  const ops: Op[] = [];
  for (let i = 0; i < SESSIONS; i += 50) {
    const batch = Array.from({ length: Math.min(50, SESSIONS - i) }, (_, j) =>
      openRawSession(url, i + j),
    );
    for (const raw of await Promise.all(batch)) ops.push((origin) => rawOp(raw, origin));
  }
  return ops;
}

const engine = await start('./server.ts', [...engineConditions, '--expose-gc']);
const floor = await start('./floorServer.ts', [], await recordAnswers(engine.url));
const pairs = [
  { name: 'raw  → floor ', server: floor, ops: await rawOps(floor.url) },
  { name: 'qix  → floor ', server: floor, ops: await qixOps(floor.url) },
  { name: 'raw  → engine', server: engine, ops: await rawOps(engine.url) },
  { name: 'qix  → engine', server: engine, ops: await qixOps(engine.url) },
].map((pair) => ({
  ...pair,
  client: [] as number[],
  serverCpu: [] as number[],
  rate: [] as number[],
}));

for (let round = -1; round < ROUNDS; round++) {
  for (const pair of round % 2 === 0 ? pairs : [...pairs].reverse()) {
    const serverBefore = await serverCpuMs(pair.server);
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      pair.ops.map(async (op, index) => {
        for (let i = 0; i < OPS; i++) await op(originFor(index, i, round + 1));
      }),
    );
    const elapsed = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    const serverMs = (await serverCpuMs(pair.server)) - serverBefore;
    if (round < 0) continue;
    const done = SESSIONS * OPS;
    pair.client.push((used.user + used.system) / done);
    pair.serverCpu.push((serverMs * 1000) / done);
    pair.rate.push((done / elapsed) * 1000);
  }
}
const spread = (values: number[]) =>
  `${median(values).toFixed(1)} [${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}]`;
for (const pair of pairs)
  console.log(
    `${pair.name} ${SESSIONS} sessions: client ${spread(pair.client)} µs/op | server ${spread(pair.serverCpu)} µs/op | ${median(pair.rate).toFixed(0)} ops/s`,
  );
engine.child.kill('SIGINT');
floor.child.send({ type: 'exit' });
process.exit(0);
