import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Minified, gzipped size in bytes of a browser bundle of `program` (resolved from the repo root). */
export async function gzippedBundleSize(
  program: string,
): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: program, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['source'],
    // The core imports node:fs/node:stream dynamically, only on Node paths (files on disk).
    external: ['node:*'],
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.byteLength, gzipped: gzipSync(bytes, { level: 9 }).byteLength };
}
