import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { compressAsset } from './compressAsset.js';
import { HUB_ASSETS_DIR } from './hubAssets.js';

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');

// Browsers have a WebSocket; @qlikit/qix imports `ws` only for Node versions without one.
const noNodeSocket: Plugin = {
  name: 'no-node-socket',
  setup(plugin) {
    plugin.onResolve({ filter: /^ws$/ }, () => ({ path: 'ws', namespace: 'no-node-socket' }));
    plugin.onLoad({ filter: /.*/, namespace: 'no-node-socket' }, () => ({
      contents: 'export default globalThis.WebSocket;',
    }));
  },
};

/** What `buildHub` wrote. */
export interface HubBuild {
  readonly outDir: string;
  /** Size of hub.js in bytes. */
  readonly bytes: number;
}

/**
 * Bundles the page (web/main.ts with nebula.js and Qlik's chart packages)
 * into `outDir` with esbuild: hub.js, hub.css, index.html, and hub.js/hub.css
 * compressed beside themselves (.br, .gz).
 */
export async function buildHub(outDir = HUB_ASSETS_DIR): Promise<HubBuild> {
  await mkdir(outDir, { recursive: true });
  await bundleBrowserScript(join(WEB_DIR, 'main.ts'), join(outDir, 'hub.js'));
  await copyFile(join(WEB_DIR, 'index.html'), join(outDir, 'index.html'));
  await copyFile(join(WEB_DIR, 'hub.css'), join(outDir, 'hub.css'));
  await Promise.all(['hub.js', 'hub.css'].map((name) => compressAsset(join(outDir, name))));
  return { outDir, bytes: (await stat(join(outDir, 'hub.js'))).size };
}

/** Bundles a browser entry (TypeScript importing the hub's web code, nebula.js, @qlikit/qix) into one ES module. */
export async function bundleBrowserScript(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // The workspace packages are bundled from their TypeScript sources: no prior build needed.
    conditions: ['source'],
    external: ['node:*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [noNodeSocket],
    logLevel: 'warning',
    legalComments: 'linked',
  });
}

/**
 * Builds the page unless a build newer than every file of web/ is there
 * already: what `npm start` calls, so a fresh clone serves the hub with no
 * build step, and a changed page is rebuilt.
 */
export async function ensureHubBuilt(outDir = HUB_ASSETS_DIR): Promise<void> {
  const built = await stat(join(outDir, 'hub.js')).then(
    (info) => info.mtimeMs,
    () => -1,
  );
  if (built < 0 || (await newestChange(WEB_DIR)) > built) await buildHub(outDir);
}

async function newestChange(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}
