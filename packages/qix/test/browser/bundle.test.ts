import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPS, seedDemoApps, startEngine, type RunningEngine } from '@qlikit/engine';
import { ensureBrowserBundle } from './ensureBrowserBundle.js';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './launchChromium.js';
import { serveStatic, type StaticServer } from './serveStatic.js';

const require = createRequire(import.meta.url);
const pagesDir = join(dirname(fileURLToPath(import.meta.url)), 'pages');
const APP_ID = 'people-groups';
const chromiumMissing = !hasChromium();
if (chromiumMissing) {
  console.warn(
    `SKIPPED the browser bundle tests: ${CHROMIUM_PATH} is absent (apt-get install -y chromium; CI installs it).`,
  );
}

/** The outcome a page scenario hands to `reportResult`. */
type Outcome =
  { ok: true; result: Record<string, unknown> } | { ok: false; error: string; code?: number };

let dataDir: string;
let engine: RunningEngine;
let server: StaticServer;
let browser: Browser;
let bundles: { typed: string; runtime: string };

beforeAll(async () => {
  if (chromiumMissing) return;
  const bundleDir = await ensureBrowserBundle();
  bundles = {
    typed: await readFile(join(bundleDir, 'qix.min.js'), 'utf8'),
    runtime: await readFile(join(bundleDir, 'qix-runtime.min.js'), 'utf8'),
  };
  dataDir = await mkdtemp(join(tmpdir(), 'qlikit-browser-'));
  engine = await startEngine({ port: 0, dataDir });
  const vegaData = join(dirname(require.resolve('vega-datasets')), '..', 'data');
  await seedDemoApps(
    engine.apps,
    vegaData,
    DEMO_APPS.filter((app) => app.id === APP_ID),
  );
  const script = async (name: string) => ({
    body: await readFile(join(pagesDir, name)),
    type: 'text/javascript',
  });
  server = await serveStatic({
    '/typed.html': { body: page('typedClient.js'), type: 'text/html' },
    '/enigma.html': { body: page('enigmaRuntime.js'), type: 'text/html' },
    '/qix.min.js': { body: bundles.typed, type: 'text/javascript' },
    '/qix-runtime.min.js': { body: bundles.runtime, type: 'text/javascript' },
    // The engine schema enigma.js ships, as a browser page using enigma.js would fetch it.
    '/schema.json': {
      body: await readFile(require.resolve('enigma.js/schemas/12.2027.0.json')),
      type: 'application/json',
    },
    '/report.js': await script('report.js'),
    '/recordSockets.js': await script('recordSockets.js'),
    '/typedClient.js': await script('typedClient.js'),
    '/enigmaRuntime.js': await script('enigmaRuntime.js'),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await engine?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** An HTML page that loads one scenario module. */
function page(scenario: string): string {
  return `<!doctype html><meta charset="utf-8"><title>qix bundle</title><link rel="icon" href="data:,"><script type="module" src="/${scenario}"></script>\n`;
}

/**
 * Opens a page in a fresh browser context and returns what its scenario
 * reported; page errors and failed requests become the failure message.
 */
async function runPage(path: string): Promise<Record<string, unknown>> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    tab.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    let report: (outcome: Outcome) => void = () => {};
    const reported = new Promise<Outcome>((resolve) => (report = resolve));
    await tab.exposeFunction('reportResult', (outcome: Outcome) => report(outcome));
    // A module that fails to load never reports: the load event ends the wait with what went wrong.
    const loadFailed = new Promise<never>((_resolve, reject) =>
      tab.once('load', () =>
        setImmediate(() => problems.length > 0 && reject(new Error(problems.join('\n')))),
      ),
    );
    const query = new URLSearchParams({ engine: engine.url, app: APP_ID });
    await tab.goto(`${server.origin}${path}?${query}`);
    const outcome = await Promise.race([reported, loadFailed]);
    if (!outcome.ok)
      throw new Error(
        `the page's scenario failed (code ${outcome.code}): ${outcome.error}\n${problems.join('\n')}`,
      );
    return outcome.result;
  } finally {
    await context.close();
  }
}

describe.skipIf(chromiumMissing)('@qlikit/qix browser bundle in headless chromium', () => {
  it('imports no `ws` (nor any other module): browsers use their global WebSocket', () => {
    for (const code of [bundles.typed, bundles.runtime]) {
      // Any static, dynamic or CommonJS load of a module would show as one of these.
      expect(code).not.toMatch(
        /\bfrom\s*["'][^"']+["']|\bimport\s*\(?\s*["'][^"']+["']|\brequire\s*\(\s*["']/,
      );
      expect(code).not.toMatch(/["']ws["']\s*\)|from\s*["']ws["']/);
    }
  });

  it('typed entry: hypercube, selection through it, changed layout, an expression and an engine error, over the global WebSocket', async () => {
    const result = await runPage('/typed.html');
    expect(result).toEqual({
      sockets: [`${engine.url}/app/${APP_ID}`, `${engine.url}/app/no-such-app`],
      beforeRows: [
        ['1', '96', '3'],
        ['2', '86', '3'],
        ['3', '168', '3'],
      ],
      selected: true,
      changed: 1,
      afterRows: [['3', '168', '3']],
      afterState: 'S',
      sumHeight: '520',
      // LOCERR_APP_NOT_FOUND
      openError: { isQixEngineError: true, name: 'QixEngineError', code: 1003 },
    });
  });

  it('enigma-compatible runtime with enigma.js schema JSON: list objects and associative selection', async () => {
    const result = await runPage('/enigma.html');
    expect(result).toEqual({
      sockets: [`${engine.url}/app/${APP_ID}`],
      selected: true,
      groups: ['1:O', '2:O', '3:O'],
      people: [
        'Nick:O',
        'Steve:O',
        'Will:O',
        'Alan:X',
        'Cole:X',
        'Fred:X',
        'George:X',
        'Rick:X',
        'Tom:X',
      ],
      sumAge: '86',
    });
  });
});
