// bench/engine-server's processes: the engines, the wire floor and the client processes, each
// forked with the same flags, and the messages that ask them for something.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClientReply, ClientRequest } from './protocol.js';
import type { RecordedAnswers } from './floor.js';
import { clientBuild, conditionsFor, engineBuild } from './builds.js';

export const CLIENT_PROCESSES = Math.max(1, Number(process.env.BENCH_CLIENTS ?? 2));
const TSX = ['--import', 'tsx'];

/** An engine (or the wire floor) in its own process, and the URL it serves. */
export interface Engine {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
}

/**
 * The young generation of the processes that stand in for users (clients, the wire floor), in
 * MiB per semi-space; BENCH_SEMI_SPACE=0 leaves V8's default (16). A client process holding
 * hundreds of sessions keeps each one's last answer alive across a scavenge, so with the
 * default every scavenge copies them all: it would pay per op for how many browsers it stands
 * in for (a browser holds one session). The engines take theirs from the bin (below).
 */
const SEMI_SPACE_MIB = Number(process.env.BENCH_SEMI_SPACE ?? 64);
export const HEAP = SEMI_SPACE_MIB > 0 ? [`--max-semi-space-size=${SEMI_SPACE_MIB}`] : [];

/**
 * The Node flags the `qlikit-engine` bin starts the engine with (its shebang, `env -S node
 * <flags>`): the engines here run with exactly those, so no flag helps the bench that a
 * user of the bin doesn't get (BENCH_ENGINE_FLAGS adds to them, for experiments).
 */
export const ENGINE_PRODUCT_FLAGS = binNodeFlags('../../packages/engine/bin/qlikit-engine.js');

function binNodeFlags(bin: string): string[] {
  const shebang = readFileSync(new URL(bin, import.meta.url), 'utf8').split('\n', 1)[0]!;
  const match = /^#!\/usr\/bin\/env(?: -S)? node((?: --?[\w-]+(?:=\S+)?)*)$/.exec(shebang);
  if (!match)
    throw new Error(`${bin}: a shebang "#!/usr/bin/env -S node <flags>" expected, not ${shebang}`);
  return match[1]!.split(' ').filter((flag) => flag !== '');
}

function forkScript(
  script: string,
  args: string[],
  execArgv: string[],
  heap: string[] = HEAP,
): ChildProcess {
  return fork(fileURLToPath(new URL(script, import.meta.url)), args, {
    execArgv: [...TSX, ...heap, ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Extra Node flags from an environment variable (space-separated), e.g. BENCH_ENGINE_FLAGS=--trace-gc. */
function flags(name: string): string[] {
  return (process.env[name] ?? '').split(' ').filter((flag) => flag !== '');
}

/** Forks an engine (server.ts) with `args`; resolves once it serves. */
export function startServer(name: string, args: string[]): Promise<Engine> {
  const child = forkScript(
    './server.ts',
    args,
    [
      ...conditionsFor(engineBuild),
      '--expose-gc',
      '--max-old-space-size=8192',
      ...flags('BENCH_ENGINE_FLAGS'),
    ],
    ENGINE_PRODUCT_FLAGS,
  );
  return new Promise((resolve) =>
    child.once('message', (message: { url: string }) => resolve({ name, child, url: message.url })),
  );
}

/** Sends a message to a child process and waits for its answer of type `type`. */
export function ask<T>(
  child: ChildProcess,
  message: { type: string; [member: string]: unknown },
  type = message.type,
): Promise<T> {
  return new Promise((resolve) => {
    const listen = (answer: { type: string } & T) => {
      if (answer.type !== type) return;
      child.off('message', listen);
      resolve(answer);
    };
    child.on('message', listen);
    child.send(message);
  });
}

/** Starts the wire floor's server and gives it the engine's recorded answers. */
export function startFloor(answers: RecordedAnswers): Promise<Engine> {
  const child = forkScript('./floorServer.ts', [], []);
  return new Promise((resolve) =>
    child.on('message', (message: { type: string; url: string }) => {
      if (message.type === 'answers') child.send(answers);
      else if (message.type === 'ready') resolve({ name: 'wire floor', child, url: message.url });
    }),
  );
}

/** Forks the client processes (`script`, CLIENT_PROCESSES of them); resolves once each is ready. */
export function startClients(script = './clients.ts'): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: CLIENT_PROCESSES }, () => {
      const child = forkScript(
        script,
        [],
        [...conditionsFor(clientBuild), ...flags('BENCH_CLIENT_FLAGS')],
      );
      return new Promise<ChildProcess>((resolve) => child.once('message', () => resolve(child)));
    }),
  );
}

/** Asks a client process and waits for its reply of type `type`. */
export function askClient<T extends ClientReply['type']>(
  client: ChildProcess,
  request: ClientRequest,
  type: T,
): Promise<Extract<ClientReply, { type: T }>> {
  return ask(client, request, type);
}
