import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSpaceOperation } from '@qlikit/rest/services/spaces';
import type { ClientJob } from './clientProcess.js';
import { driveCallers, type RunResult } from './driveCallers.js';
import { startLimitedServer } from './limitedServer.js';
import { median } from './median.js';
import { RATE_CLIENTS, type Target } from './rateClients.js';
import { slotReuse } from './slotReuse.js';

const here = dirname(fileURLToPath(import.meta.url));
const TSX = ['--conditions=source', '--import', 'tsx'];
const TOTAL = 2_000;
const CALLERS = 20;
const SPEC_LIMIT = getSpaceOperation.limit; // tier 1: 1000 per minute
const STRICT_LIMIT = Math.round(SPEC_LIMIT * 0.6);

/** The rate-limited server, in this process or another; it counts one user's requests. */
interface RateServer {
  readonly target: Target;
  reset(limit: number): Promise<void>;
  outcome(): Promise<{ acceptedAt: readonly number[]; rejected: number }>;
  close(): Promise<void>;
}

/** What one client did in one run, scored at the server. */
interface Row extends RunResult {
  readonly share: number;
  readonly rejected: number;
}

interface Case {
  /** The name `--cases` selects it by. */
  readonly key: string;
  readonly title: string;
  readonly limit: number;
  /** 0: the client runs in this process (with the server); n: in n processes of its own, sharing the user. */
  readonly clientProcesses: number;
  readonly serverProcess: boolean;
  readonly rounds: number;
}

/**
 * @qlikit/rest against qlik-saas-api under a per-minute limit of one user, scored at the
 * server as the share of the allowed rate a run reached. The headline is a server stricter
 * than the spec; then client and server in separate processes, two client processes sharing
 * one user's limit, and the server at exactly the spec's limit.
 */
export async function rateLimits(
  windowMs: number,
  headlineRounds: number,
  only?: ReadonlySet<string>,
  otherRounds = 1,
): Promise<void> {
  console.log(
    `\nRate limits: ${TOTAL} calls of GET /api/v1/spaces/{spaceId} (tier 1, ${SPEC_LIMIT}/minute in the spec) from ${CALLERS} concurrent callers, one user; a "minute" is ${windowMs} ms (sliding window).`,
  );
  const cases: Case[] = [
    {
      key: 'strict',
      title: `(headline) server stricter than the spec: ${STRICT_LIMIT}/minute against the spec's ${SPEC_LIMIT}`,
      limit: STRICT_LIMIT,
      clientProcesses: 0,
      serverProcess: false,
      rounds: headlineRounds,
    },
    {
      key: 'separate',
      title: `server ${STRICT_LIMIT}/minute, client and server in separate processes`,
      limit: STRICT_LIMIT,
      clientProcesses: 1,
      serverProcess: true,
      rounds: otherRounds,
    },
    {
      key: 'shared',
      title: `two client processes sharing one user's ${SPEC_LIMIT}/minute (each takes half the calls and callers)`,
      limit: SPEC_LIMIT,
      clientProcesses: 2,
      serverProcess: true,
      rounds: otherRounds,
    },
    {
      key: 'spec',
      title: `server limit = spec limit = ${SPEC_LIMIT}/minute, one process (the easy case)`,
      limit: SPEC_LIMIT,
      clientProcesses: 0,
      serverProcess: false,
      rounds: otherRounds,
    },
  ];
  for (const item of cases.filter((c) => !only || only.has(c.key))) {
    const server = item.serverProcess
      ? await serverInProcess(windowMs)
      : await serverHere(windowMs);
    try {
      const names = Object.keys(RATE_CLIENTS);
      const rows = new Map<string, Row[]>(names.map((name) => [name, []]));
      for (let round = 0; round < item.rounds; round++) {
        // Each round starts from another client, so that no client always runs first.
        for (let i = 0; i < names.length; i++) {
          const name = names[(round + i) % names.length];
          rows.get(name)?.push(await runOnce(server, item, name, windowMs));
        }
      }
      printRows(item, rows);
    } finally {
      await server.close();
    }
  }
}

async function runOnce(
  server: RateServer,
  item: Case,
  client: string,
  windowMs: number,
): Promise<Row> {
  await server.reset(item.limit);
  const result =
    item.clientProcesses === 0
      ? await driveCallers(TOTAL, CALLERS, RATE_CLIENTS[client](server.target))
      : await driveProcesses(server.target, client, item.clientProcesses);
  const { acceptedAt, rejected } = await server.outcome();
  const share = slotReuse(acceptedAt, item.limit, windowMs, result.elapsedMs);
  return { ...result, share, rejected };
}

/** Runs the calls in `count` client processes, started together once all are ready. */
async function driveProcesses(target: Target, client: string, count: number): Promise<RunResult> {
  const children = Array.from({ length: count }, () =>
    fork(join(here, 'clientProcess.ts'), [], { execArgv: TSX }),
  );
  try {
    const jobs = children.map((child, index) => {
      const job: ClientJob = {
        client,
        target,
        total: TOTAL / count,
        callers: CALLERS / count,
        offset: (index * TOTAL) / count,
      };
      child.send(job);
      return nextMessage<{ ready: true }>(child);
    });
    await Promise.all(jobs);
    const started = performance.now();
    const results = await Promise.all(
      children.map((child) => {
        const result = nextMessage<RunResult>(child);
        child.send({ go: true });
        return result;
      }),
    );
    return {
      ok: results.reduce((sum, r) => sum + r.ok, 0),
      failed: results.reduce((sum, r) => sum + r.failed, 0),
      elapsedMs: performance.now() - started,
      firstError: results.find((r) => r.firstError)?.firstError,
    };
  } finally {
    for (const child of children) child.kill();
  }
}

async function serverHere(windowMs: number): Promise<RateServer> {
  const server = await startLimitedServer(windowMs);
  return {
    target: { url: server.url, host: server.host, windowMs },
    reset: async (limit) => server.reset(limit),
    outcome: async () => ({ acceptedAt: server.acceptedAt(), rejected: server.stats.rejected }),
    close: () => server.close(),
  };
}

async function serverInProcess(windowMs: number): Promise<RateServer> {
  const child = fork(join(here, 'serverProcess.ts'), [String(windowMs)], { execArgv: TSX });
  const { url, host } = await nextMessage<{ url: string; host: string }>(child);
  return {
    target: { url, host, windowMs },
    reset: async (limit) => {
      const done = nextMessage(child);
      child.send({ reset: limit });
      await done;
    },
    outcome: () => {
      const outcome = nextMessage<{ acceptedAt: number[]; rejected: number }>(child);
      child.send({ outcome: true });
      return outcome;
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}

function nextMessage<T = unknown>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

function printRows(item: Case, rows: ReadonlyMap<string, readonly Row[]>): void {
  const rounds =
    item.rounds > 1 ? `${item.rounds} alternating rounds, median [min–max]` : '1 round';
  console.log(`\n${item.title} (${rounds})`);
  console.log(
    'client'.padEnd(36) +
      'share of allowed rate'.padStart(26) +
      '429s'.padStart(20) +
      'failed'.padStart(20) +
      'elapsed s'.padStart(24),
  );
  const spread = (values: readonly number[], digits: number, scale = 1) => {
    const sorted = [...values].sort((a, b) => a - b).map((v) => (v * scale).toFixed(digits));
    const middle = (median(values) * scale).toFixed(digits);
    return sorted.length > 1 ? `${middle} [${sorted[0]}–${sorted.at(-1)}]` : middle;
  };
  for (const [client, runs] of rows) {
    console.log(
      client.padEnd(36) +
        `${spread(
          runs.map((r) => r.share),
          1,
          100,
        )}%`.padStart(26) +
        spread(
          runs.map((r) => r.rejected),
          0,
        ).padStart(20) +
        spread(
          runs.map((r) => r.failed),
          0,
        ).padStart(20) +
        spread(
          runs.map((r) => r.elapsedMs / 1000),
          2,
        ).padStart(24),
    );
    const firstError = runs.find((r) => r.firstError)?.firstError;
    if (firstError) console.log(`${''.padEnd(4)}first error: ${firstError.slice(0, 110)}`);
  }
  const [[ours, ourRuns], ...others] = [...rows];
  const share = (runs: readonly Row[]) => median(runs.map((r) => r.share));
  for (const [other, theirRuns] of others) {
    console.log(
      `  ${ours} / ${other}: share ×${(share(ourRuns) / share(theirRuns)).toFixed(2)}, failed ${median(ourRuns.map((r) => r.failed))} vs ${median(theirRuns.map((r) => r.failed))}`,
    );
  }
}
