// Builds what `tsc -b` does not (run it first: `npm run build` does):
// - the browser bundles of @qlikit/qix into dist/browser/, and prints their sizes:
//     qix-runtime.min.js  the enigma-compatible runtime without a schema (compare with enigma.min.js)
//     qix.min.js          the typed entry with the generated engine schema
//   Browsers use their global WebSocket, so the Node socket factory (which imports `ws`) and
//   the Node-only transport paths are swapped for their browser twins; `ws` never enters a bundle.
// - the CommonJS build of every entry point into dist/cjs/ (see buildCommonJs below).
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(packageDir, 'dist');
const outDir = join(distDir, 'browser');
const cjsDir = join(distDir, 'cjs');

/**
 * Writes a file through a temporary one and a rename, so a test that reads
 * it while another process rebuilds it never sees it half written.
 */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * Swaps every module that has a browser twin (`x.browser.ts` next to `x.ts`) for it: the
 * socket factory (the Node one imports `ws`) and the Node-only fast paths of the transport
 * (corking the TCP socket, `ws`'s own message event) never ship to browsers.
 */
const browserSocket = {
  name: 'browser-twins',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.{1,2}\/.*\.js$/ }, (args) => {
      const twin = join(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts'));
      return existsSync(twin) ? { path: twin } : undefined;
    });
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
  writeAtomically(join(outDir, outfile), code);
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

/**
 * The CommonJS entry points, for enigma.js programs that `require()` (Node 20
 * cannot require ES modules). `shape: true` entries export the value of their
 * default export itself, as enigma.js's CommonJS modules do; see
 * src/cjs/commonJsShape.ts.
 */
export const COMMONJS_ENTRIES = [
  { name: 'index', shape: false },
  { name: 'enigma', shape: true },
  { name: 'error-codes', shape: true },
  { name: 'sense-utilities', shape: true },
];

/** The one bundle behind every CommonJS entry point. */
const COMMONJS_BUNDLE = 'qix.cjs';

/**
 * Builds dist/cjs/: one CommonJS bundle of the package's own modules (ES
 * modules, which Node 20's require() cannot load), every package import
 * (`ws`) left as a require() of that dependency, and a small file per entry
 * point that takes its part of the bundle.
 *
 * One bundle rather than one per entry so that, as in the ESM build, all
 * entries share each module once: a session from `@qlikit/qix/enigma` is an
 * instance of the `Session` of `@qlikit/qix`, its errors of its `QixError`.
 * The bundle evaluates an entry's modules when that entry is first required,
 * so `@qlikit/qix/error-codes` does not load the generated schema.
 * Then gives the entries types: see writeCommonJsTypes.
 */
export async function buildCommonJs() {
  mkdirSync(cjsDir, { recursive: true });
  const getters = COMMONJS_ENTRIES.map(
    ({ name }) =>
      `  get ${JSON.stringify(name)}() { return require(${JSON.stringify(`./${name}.ts`)}); },`,
  );
  const contents = [
    'module.exports = {',
    ...getters,
    "  commonJsShape: require('./cjs/commonJsShape.ts').commonJsShape,",
    '};',
    '',
  ].join('\n');
  const result = await build({
    stdin: {
      contents,
      resolveDir: join(packageDir, 'src'),
      sourcefile: 'cjs-bundle.cjs',
      loader: 'js',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    outfile: join(cjsDir, COMMONJS_BUNDLE),
    write: false,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  for (const { name, shape } of COMMONJS_ENTRIES) {
    const part = `bundle[${JSON.stringify(name)}]`;
    const body = [
      `// @qlikit/qix${name === 'index' ? '' : `/${name}`} for require(); written by scripts/bundle.mjs.`,
      "'use strict';",
      `const bundle = require('./${COMMONJS_BUNDLE}');`,
      `module.exports = ${shape ? `bundle.commonJsShape(${part})` : part};`,
      '',
    ].join('\n');
    writeAtomically(join(cjsDir, `${name}.cjs`), body);
  }
  return writeCommonJsTypes();
}

/**
 * TypeScript treats a .d.ts in this "type": "module" package as an ES module,
 * which a CommonJS consumer (module node16) may not require. So the
 * declarations tsc wrote into dist/ are copied to dist/cjs/ as .d.cts, with
 * their relative imports (side-effect imports too) pointed at the copies: the
 * same types, read as CommonJS. (Their `default` members exist at runtime: commonJsShape.)
 * Returns the number of files written, or 0 when tsc has not run yet.
 */
export function writeCommonJsTypes() {
  if (!existsSync(join(distDir, 'index.d.ts'))) {
    console.warn('dist/index.d.ts is missing: run `tsc -b` first; dist/cjs/ has no types yet');
    return 0;
  }
  let written = 0;
  for (const entry of readdirSync(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const path = relative(distDir, file);
    // dist/cjs/ holds tsc's output of src/cjs/ (only the bundles use it) and dist/browser/ has no types.
    const topDir = path.split(sep)[0];
    if (topDir === 'cjs' || topDir === 'browser') continue;
    const target = join(cjsDir, path.replace(/\.d\.ts$/, '.d.cts'));
    const text = readFileSync(file, 'utf8')
      .replace(
        /(\bfrom\s*|\bimport\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*?)\.js\2/g,
        '$1$2$3.cjs$2',
      )
      // Keep go-to-definition: point at tsc's declaration map next to the original.
      .replace(
        /^\/\/# sourceMappingURL=(.*)$/m,
        (_, map) => `//# sourceMappingURL=${relative(dirname(target), join(dirname(file), map))}`,
      );
    mkdirSync(dirname(target), { recursive: true });
    writeAtomically(target, text);
    written += 1;
  }
  return written;
}

function row(name, { minified, gzipped }) {
  return `${name.padEnd(44)} ${String(minified).padStart(9)} ${String(gzipped).padStart(9)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const declarations = await buildCommonJs();
  console.log(
    `CommonJS build: dist/cjs/{${COMMONJS_ENTRIES.map(({ name }) => name).join(',')}}.cjs, ${declarations} .d.cts files`,
  );
  const { runtime, withSchema, enigma } = await buildBrowserBundles();
  console.log(`${'browser bundle'.padEnd(44)} ${'minified'.padStart(9)} ${'gzipped'.padStart(9)}`);
  console.log(row('enigma.js enigma.min.js (no schema)', enigma));
  console.log(row('@qlikit/qix runtime, no schema', runtime));
  console.log(row('@qlikit/qix with generated schema', withSchema));
  console.log(
    `runtime gzipped / enigma.min.js gzipped: ${(runtime.gzipped / enigma.gzipped).toFixed(3)}`,
  );
}
