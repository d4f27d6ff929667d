// bench/engine-server's processes: the engines, the wire floor and the client processes, each
// forked with the same flags, and the messages that ask them for something.
import { fork, type ChildProcess } from 'node:child_process';
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
 * The young generation of every process of the bench (engines, floor, clients), in MiB per
 * semi-space; BENCH_SEMI_SPACE=0 leaves V8's default (16). A process holding hundreds of
 * sessions keeps each one's last answer alive across a scavenge, so with the default every
 * scavenge copies them all: the client processes pay per op for how many browsers they stand
 * in for (a browser holds one session), and the engine for its sessions. It is what a
 * server's operator sets with `node --max-semi-space-size` (see the engine's README).
 */
const SEMI_SPACE_MIB = Number(process.env.BENCH_SEMI_SPACE ?? 64);
export const HEAP = SEMI_SPACE_MIB > 0 ? [`--max-semi-space-size=${SEMI_SPACE_MIB}`] : [];

function forkScript(script: string, args: string[], execArgv: string[]): ChildProcess {
  return fork(fileURLToPath(new URL(script, import.meta.url)), args, {
    execArgv: [...TSX, ...HEAP, ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Extra Node flags from an environment variable (space-separated), e.g. BENCH_ENGINE_FLAGS=--trace-gc. */
function flags(name: string): string[] {
  return (process.env[name] ?? '').split(' ').filter((flag) => flag !== '');
}

/** Forks an engine (server.ts) with `args`; resolves once it serves. */
export function startServer(name: string, args: string[]): Promise<Engine> {
  const child = forkScript('./server.ts', args, [
    ...conditionsFor(engineBuild),
    '--expose-gc',
    '--max-old-space-size=8192',
    ...flags('BENCH_ENGINE_FLAGS'),
  ]);
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
