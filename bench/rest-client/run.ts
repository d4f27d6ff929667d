// bench/rest-client: @qlikit/rest against qlik-saas-api under a per-minute rate limit, upload memory, browser bundle sizes.
// Run from the repo root: node --conditions=source --import tsx bench/rest-client/run.ts
import { createClient } from '@qlikit/rest';
import { getSpace, getSpaceOperation } from '@qlikit/rest/services/spaces';
import { QlikSaaSApi } from 'qlik-saas-api';
import { gzippedBundleSize } from './bundleSize.js';
import { driveCallers, type RunResult } from './driveCallers.js';
import { startLimitedServer, type LimitedServer } from './limitedServer.js';
import { slotReuse } from './slotReuse.js';
import { uploadMemory } from './uploadMemory.js';

// The scaled "minute". It must leave the allowed rate (1000 per window) well under what this machine can
// serve, or the run measures throughput instead of rate limiting: 10 s → 100 requests/s allowed.
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 10_000);
const TOTAL = 2_000;
const CALLERS = 20;
const SPEC_LIMIT = getSpaceOperation.limit; // tier 1: 1000 per minute
const LOWER_LIMIT = Math.round(SPEC_LIMIT * 0.6);

type Call = (index: number) => Promise<unknown>;

interface Row extends RunResult {
  readonly client: string;
  readonly share: number;
  readonly rejected: number;
}

function qlikitCall(server: LimitedServer): Call {
  // The client's limiter uses the operation's spec limit per window; the window is scaled like the server's.
  const client = createClient({
    host: server.url,
    auth: 'bench-key',
    rateLimit: { windowMs: WINDOW_MS },
  });
  return (index) => getSpace(client, { spaceId: `s${index}` });
}

function saasApiCall(server: LimitedServer): Call {
  const api = new QlikSaaSApi.client({
    host: server.host,
    notSecure: true,
    authentication: { token: 'bench-key' },
  });
  return (index) => api.spaces.get({ id: `s${index}` });
}

/** qlik-saas-api as its users work around 429s: it drops Retry-After, so they wait a guessed second and retry. */
function saasApiWithCallerRetry(server: LimitedServer): Call {
  const call = saasApiCall(server);
  return async (index) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call(index);
      } catch (error) {
        // The library rethrows a bare message, so the status is only in the text.
        if (
          !/status code 429/.test(String((error as { message?: unknown }).message)) ||
          attempt >= 60
        )
          throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };
}

async function measure(
  server: LimitedServer,
  limit: number,
  client: string,
  makeCall: (server: LimitedServer) => Call,
): Promise<Row> {
  server.reset(limit);
  const result = await driveCallers(TOTAL, CALLERS, makeCall(server));
  const share = slotReuse(server.acceptedAt(), limit, WINDOW_MS, result.elapsedMs);
  return { client, ...result, share, rejected: server.stats.rejected };
}

function printRows(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  console.log(
    'client'.padEnd(36) +
      'share of allowed rate'.padStart(22) +
      '429s'.padStart(8) +
      'failed'.padStart(8) +
      'ok'.padStart(7) +
      'elapsed'.padStart(10),
  );
  for (const row of rows) {
    console.log(
      row.client.padEnd(36) +
        `${(row.share * 100).toFixed(1)}%`.padStart(22) +
        String(row.rejected).padStart(8) +
        String(row.failed).padStart(8) +
        String(row.ok).padStart(7) +
        `${(row.elapsedMs / 1000).toFixed(2)}s`.padStart(10),
    );
    if (row.firstError) console.log(`${''.padEnd(4)}first error: ${row.firstError.slice(0, 110)}`);
  }
  const [ours, ...others] = rows;
  for (const other of others) {
    console.log(
      `  ratio @qlikit/rest / ${other.client}: share ×${(ours.share / other.share).toFixed(2)}, failed ${ours.failed} vs ${other.failed}, 429s ${ours.rejected} vs ${other.rejected}`,
    );
  }
}

async function rateLimits(): Promise<void> {
  const server = await startLimitedServer(WINDOW_MS);
  try {
    console.log(
      `${TOTAL} calls of GET /api/v1/spaces/{spaceId} from ${CALLERS} concurrent callers; a "minute" is ${WINDOW_MS} ms (sliding window).`,
    );
    const clients: Array<[string, (server: LimitedServer) => Call]> = [
      ['@qlikit/rest', qlikitCall],
      ['qlik-saas-api', saasApiCall],
      ['qlik-saas-api + caller retry (1 s)', saasApiWithCallerRetry],
    ];
    for (const [title, limit] of [
      [`(a) server limit = spec limit = ${SPEC_LIMIT}/minute`, SPEC_LIMIT],
      [`(b) server limit ${LOWER_LIMIT}/minute, below the spec's ${SPEC_LIMIT}`, LOWER_LIMIT],
    ] as const) {
      const rows: Row[] = [];
      for (const [name, make] of clients) rows.push(await measure(server, limit, name, make));
      printRows(title, rows);
    }
  } finally {
    await server.close();
  }
}

async function bundleSizes(): Promise<void> {
  const programs: Array<[string, string]> = [
    [
      '@qlikit/rest: getApp + RestClient (tree-shaken)',
      `import { RestClient } from './packages/rest/src/client/RestClient.ts'; import { getApp } from '@qlikit/rest/services/apps'; export const run = (host) => getApp(new RestClient({ host }), { appId: 'a' });`,
    ],
    [
      '@qlikit/rest: whole apps service + RestClient',
      `import { RestClient } from './packages/rest/src/client/RestClient.ts'; import { createAppsService } from '@qlikit/rest/services/apps'; export const run = (host) => createAppsService(new RestClient({ host })).get({ appId: 'a' });`,
    ],
    [
      '@qlikit/rest: createClient (public entry) + getApp',
      `import { createClient } from '@qlikit/rest'; import { getApp } from '@qlikit/rest/services/apps'; export const run = (host) => getApp(createClient({ host }), { appId: 'a' });`,
    ],
    [
      '@qlik/api/apps: getAppInfo',
      `import { getAppInfo } from '@qlik/api/apps'; export const run = () => getAppInfo('a');`,
    ],
    [
      '@qlik/api/apps: default export (whole module)',
      `import apps from '@qlik/api/apps'; export const run = () => apps.getAppInfo('a');`,
    ],
  ];
  console.log('\nBrowser bundle (esbuild, minified, platform browser, node:* external), gzip -9:');
  const sizes: number[] = [];
  for (const [name, program] of programs) {
    const { minified, gzipped } = await gzippedBundleSize(program);
    sizes.push(gzipped);
    console.log(
      `${name.padEnd(52)}${`${(gzipped / 1024).toFixed(1)} KB gz`.padStart(12)}${`${(minified / 1024).toFixed(1)} KB min`.padStart(14)}`,
    );
  }
  console.log(
    `  ratio getApp tree-shaken / @qlik/api getAppInfo: ×${(sizes[0] / sizes[3]).toFixed(2)}; whole apps service / @qlik/api apps: ×${(sizes[1] / sizes[4]).toFixed(2)}`,
  );
}

await bundleSizes();
await uploadMemory(Number(process.env.BENCH_UPLOAD_MB ?? 300), 3);
await rateLimits();
