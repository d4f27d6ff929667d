// bench/rest-client: @qlikit/rest against qlik-saas-api under a per-minute rate limit, upload memory, browser bundle sizes.
// Run from the repo root: node --conditions=source --import tsx bench/rest-client/run.ts
//   [--only bundle,upload,rate] [--cases strict,separate,shared,spec]
import { gzippedBundleSize } from './bundleSize.js';
import { rateLimits } from './rateLimits.js';
import { uploadMemory } from './uploadMemory.js';

// The scaled "minute". It must leave the allowed rate (1000 per window) well under what this machine can
// serve, or the run measures throughput instead of rate limiting: 10 s → 100 requests/s allowed.
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 10_000);
/** Alternating rounds of the headline rate-limit case (each runs every client once). */
const RATE_ROUNDS = Number(process.env.BENCH_RATE_ROUNDS ?? 3);
/** Rounds of the other rate-limit cases (one by default: a round of three clients takes about a minute). */
const CASE_ROUNDS = Number(process.env.BENCH_RATE_CASE_ROUNDS ?? 1);

/** `--name a,b`: the listed parts only; everything when the flag is absent. */
function listOption(name: string): ReadonlySet<string> | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : new Set((process.argv[at + 1] ?? '').split(','));
}
const ONLY = listOption('--only');
const CASES = listOption('--cases');

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

if (!ONLY || ONLY.has('bundle')) await bundleSizes();
if (!ONLY || ONLY.has('upload')) await uploadMemory(Number(process.env.BENCH_UPLOAD_MB ?? 300), 3);
if (!ONLY || ONLY.has('rate')) await rateLimits(WINDOW_MS, RATE_ROUNDS, CASES, CASE_ROUNDS);
