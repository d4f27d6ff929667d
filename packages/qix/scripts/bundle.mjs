// Builds the browser bundles of @qlikit/qix into dist/browser/ and prints their sizes:
//   qix-runtime.min.js  the enigma-compatible runtime without a schema (compare with enigma.min.js)
//   qix.min.js          the typed entry with the generated engine schema
// Browsers use their global WebSocket, so the Node socket factory (which imports `ws`)
// is swapped for its browser twin and `ws` never enters a bundle.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(packageDir, 'dist', 'browser');

const browserSocket = {
  name: 'browser-socket',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /createDefaultSocket\.js$/ }, (args) => ({
      path: join(args.resolveDir, args.path.replace(/createDefaultSocket\.js$/, 'createDefaultSocket.browser.ts')),
    }));
    pluginBuild.onResolve({ filter: /^ws$/ }, () => {
      throw new Error('`ws` must not be part of the browser bundle');
    });
  },
};

/** Bundles one entry and returns its minified text. */
async function bundle(entry, outfile) {
  const result = await build({
    entryPoints: [join(packageDir, 'src', entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    plugins: [browserSocket],
  });
  const code = result.outputFiles[0].contents;
  writeFileSync(join(outDir, outfile), code);
  return code;
}

/** Minified and gzipped sizes of some code. */
export function sizes(code) {
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Builds both bundles and returns their sizes next to enigma.min.js. */
export async function buildBrowserBundles() {
  mkdirSync(outDir, { recursive: true });
  const runtime = sizes(await bundle('enigma.ts', 'qix-runtime.min.js'));
  const withSchema = sizes(await bundle('index.ts', 'qix.min.js'));
  const require = createRequire(join(packageDir, 'package.json'));
  const enigma = sizes(readFileSync(require.resolve('enigma.js/enigma.min.js')));
  return { runtime, withSchema, enigma };
}

function row(name, { minified, gzipped }) {
  return `${name.padEnd(44)} ${String(minified).padStart(9)} ${String(gzipped).padStart(9)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { runtime, withSchema, enigma } = await buildBrowserBundles();
  console.log(`${'browser bundle'.padEnd(44)} ${'minified'.padStart(9)} ${'gzipped'.padStart(9)}`);
  console.log(row('enigma.js enigma.min.js (no schema)', enigma));
  console.log(row('@qlikit/qix runtime, no schema', runtime));
  console.log(row('@qlikit/qix with generated schema', withSchema));
  console.log(`runtime gzipped / enigma.min.js gzipped: ${(runtime.gzipped / enigma.gzipped).toFixed(3)}`);
}
