// @qlikit/qix's TypeScript sources bundled for Node, as a user gets them from dist/, for the
// client benches. Written next to this script so that the bundle resolves `ws` from the repo's
// node_modules.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles both entries (`openSession`, `qixSchema` and the enigma-compatible `qixEnigma`) of
 * the packages/qix/src under `sourceRoot` (this repo, or a commit's checkout) into
 * .build/<name>.mjs and imports it.
 */
export async function importQixBundle(name, sourceRoot = join(here, '..', '..')) {
  const outfile = join(here, '.build', `${name}.mjs`);
  await build({
    stdin: {
      contents: [
        "export { openSession, qixSchema } from './packages/qix/src/index.ts';",
        "export { default as qixEnigma } from './packages/qix/src/enigma.ts';",
      ].join('\n'),
      resolveDir: sourceRoot,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['ws'],
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}
