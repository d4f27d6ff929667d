import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `npm run build` (scripts/bundle.mjs) writes the browser bundles of @qlikit/qix. */
export const browserBundleDir = join(packageDir, 'dist', 'browser');

/** The bundle files scripts/bundle.mjs writes. */
export const BUNDLE_FILES = ['qix.min.js', 'qix-runtime.min.js'] as const;

/**
 * Returns dist/browser/, first running scripts/bundle.mjs when a bundle is
 * missing or older than a source file — so the test checks the bundle the
 * build ships, never a stale one, whatever order build and test run in.
 */
export async function ensureBrowserBundle(): Promise<string> {
  const built = await oldestBundleTime();
  if (built === null || (await newestSourceTime(join(packageDir, 'src'))) > built) {
    await promisify(execFile)(process.execPath, [join(packageDir, 'scripts', 'bundle.mjs')], {
      cwd: packageDir,
    });
  }
  return browserBundleDir;
}

async function oldestBundleTime(): Promise<number | null> {
  let oldest = Infinity;
  for (const file of BUNDLE_FILES) {
    const info = await stat(join(browserBundleDir, file)).catch(() => null);
    if (!info) return null;
    oldest = Math.min(oldest, info.mtimeMs);
  }
  return oldest;
}

async function newestSourceTime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}
