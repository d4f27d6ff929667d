import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { ensureBrowserBundle } from './ensureBrowserBundle.js';

const require = createRequire(import.meta.url);

async function gzippedSize(file: string): Promise<number> {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

// Issue 14: the enigma-compatible runtime must not cost a browser more than what it replaces.
// bench/qix-client prints the same sizes; this makes a change that grows the runtime past
// enigma.js fail where it is made, rather than show up in a bench run later.
it('the enigma-compatible runtime, minified and gzipped, is no bigger than enigma.min.js', async () => {
  const ours = await gzippedSize(join(await ensureBrowserBundle(), 'qix-runtime.min.js'));
  const enigma = await gzippedSize(require.resolve('enigma.js/enigma.min.js'));
  expect(ours).toBeLessThanOrEqual(enigma);
});
