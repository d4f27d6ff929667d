// Client benchmark: @qlikit/qix (its enigma-compatible entry and its typed entry), enigma.js
// 2.15 and two raw clients (plain ws + JSON, and the same corking its socket) side by side,
// on `ws` and on the platform's global WebSocket, against server.mjs (a stand-in engine that
// answers at once, in a process of its own). See README.md for what each figure means.
//   node bench/qix-client/run.mjs
// The call rates are measured in BENCH_PROCESSES fresh processes one after another (see
// callRates.mjs for why) and pooled; then objects.mjs prints the object, layout and bundle
// figures. Each child runs with --expose-gc and, on Node 20, --experimental-websocket (the
// global WebSocket is behind that flag there; Node 22 has it on by default).
import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportCalls } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
/** Fresh processes for the call rates, their rounds pooled. */
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
/** Rounds per process; every client runs once a round. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
/** Short runs (about 0.2 s), so that many rounds fit and each pairs clients run a second apart. */
const PIPELINED_CALLS = 10000;
/**
 * Unmeasured calls before each timed run, after the GCs (see callRates.mjs); BENCH_STEADY=0
 * times the calls right after a full GC instead, as an app's first burst after an idle spell.
 */
const STEADY_CALLS = Number(process.env.BENCH_STEADY ?? 3000);
const IN_FLIGHT = 1000;
const SEQUENTIAL_CALLS = 1000;
/** While working on one client: BENCH_ONLY='ws raw corked,ws @qlikit/qix' runs those alone. */
const only = process.env.BENCH_ONLY?.split(',');
const baselineRef = process.env.BENCH_BASELINE;

const execArgv = ['--expose-gc'];
if (
  typeof globalThis.WebSocket !== 'function' &&
  process.allowedNodeEnvironmentFlags.has('--experimental-websocket')
) {
  execArgv.push('--experimental-websocket');
}

/** The 1- and 5-minute load averages of the machine. */
function loadAverage() {
  const [one, five] = loadavg();
  return `${one.toFixed(1)}/${five.toFixed(1)} (1/5 min)`;
}

/** Runs a script of this bench in a child process; resolves with the last message it sent. */
function runChild(script, env) {
  return new Promise((resolve, reject) => {
    let last;
    const child = fork(join(here, script), [], { execArgv, env: { ...process.env, ...env } });
    child.on('message', (message) => (last = message));
    child.on('exit', (code) =>
      code === 0 ? resolve(last) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

console.log(
  `qix client benchmark, Node ${process.version} (${execArgv.join(' ')}), server in a process of its own.\n` +
    `Call rates: ${PROCESSES} fresh processes × ${ROUNDS} rounds, pooled; in each round every client runs once (one socket's clients, then the other's, each in a shuffled order), after a GC in both processes and ${STEADY_CALLS} unmeasured calls.\n` +
    `Each figure: median [min–max] of the ${PROCESSES * ROUNDS} rounds.\n` +
    `Load average ${loadAverage()} on ${availableParallelism()} cores at the start (other work on the machine moves the wall-clock figures most).`,
);
const pooled = new Map();
let kinds;
for (let share = 0; share < PROCESSES; share += 1) {
  const result = await runChild('callRates.mjs', {
    QIX_BENCH_CALLS: JSON.stringify({
      rounds: ROUNDS,
      share,
      calls: PIPELINED_CALLS,
      steadyCalls: STEADY_CALLS,
      sequentialCalls: SEQUENTIAL_CALLS,
      inFlight: IN_FLIGHT,
      only,
      baselineRef,
    }),
  });
  kinds = result.kinds;
  for (const { kind, name, calls } of result.entries) {
    const key = `${kind}\n${name}`;
    if (!pooled.has(key)) pooled.set(key, { kind, name, calls: {} });
    const figures = pooled.get(key).calls;
    for (const [figure, values] of Object.entries(calls)) (figures[figure] ??= []).push(...values);
  }
}
console.log(
  `Global WebSocket: ${kinds.length > 1 ? 'measured' : 'absent on this Node (not measured)'}. Load average ${loadAverage()} after the call rates.`,
);
reportCalls(kinds, [...pooled.values()], IN_FLIGHT);
if (!only) {
  await runChild('objects.mjs', {
    QIX_BENCH_OBJECTS: JSON.stringify({ rounds: ROUNDS, root, baselineRef }),
  });
}
