// Starts server.mjs (the stand-in engine) in a child process of its own, so that its work
// never counts against a client's CPU time, and talks to it over IPC.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectGarbage } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The server's URL; `settle()`, which collects garbage in both processes (so that no run
 * pays for the one before it on either side) and resolves with the server's CPU µs and
 * system calls so far; `stats()`, the same without the GCs; and `stop()`.
 */
export async function startServer() {
  const server = fork(join(here, 'server.mjs'), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    execArgv: ['--expose-gc'],
  });
  const ask = (message) => {
    const answer = new Promise((resolve) => server.once('message', resolve));
    server.send(message);
    return answer;
  };
  const port = await new Promise((resolve) =>
    /** @type {import('node:stream').Readable} */ (server.stdout).once('data', (data) =>
      resolve(Number(String(data))),
    ),
  );
  return {
    url: `ws://127.0.0.1:${port}/app/engineData`,
    settle: async () => {
      const answer = await ask('gc');
      collectGarbage();
      return answer;
    },
    stats: () => ask('stats'),
    stop: () => server.kill(),
  };
}
