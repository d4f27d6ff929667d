import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoDir = join(packageDir, '..', '..');

const run = promisify(execFile);

/** What scripts/bundle.mjs writes for `require()`; the ESM build is tsc's. */
const COMMONJS_FILES = [
  join('dist', 'cjs', 'qix.cjs'),
  ...['index', 'enigma', 'error-codes', 'sense-utilities'].flatMap((name) => [
    join('dist', 'cjs', `${name}.cjs`),
    join('dist', 'cjs', `${name}.d.cts`),
  ]),
];

/**
 * Brings dist/ up to date before child processes load the package by name
 * (they get the built files, not the sources, as users do): `tsc -b` for the
 * ESM build and the declarations (a no-op when nothing changed), then the
 * CommonJS part of scripts/bundle.mjs when one of its files is missing or
 * older than a source, the package.json or the script itself.
 */
export async function ensureBuild(): Promise<void> {
  await run(
    process.execPath,
    [join(repoDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', packageDir],
    { cwd: repoDir },
  );
  const built = await oldest(COMMONJS_FILES.map((file) => join(packageDir, file)));
  const inputs = Math.max(
    await newestIn(join(packageDir, 'src')),
    (await stat(join(packageDir, 'scripts', 'bundle.mjs'))).mtimeMs,
    (await stat(join(packageDir, 'package.json'))).mtimeMs,
  );
  if (built !== null && built >= inputs) return;
  // Only the CommonJS part: the browser tests rebuild their bundles themselves.
  await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { buildCommonJs } = await import('./scripts/bundle.mjs'); await buildCommonJs();",
    ],
    { cwd: packageDir },
  );
}

async function oldest(files: readonly string[]): Promise<number | null> {
  let result = Infinity;
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (!info) return null;
    result = Math.min(result, info.mtimeMs);
  }
  return result;
}

async function newestIn(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}
