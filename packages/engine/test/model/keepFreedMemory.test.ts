import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The memory a computation frees stays in the process for the next one: in a
// process with a quiet heap, glibc's defaults hand it back to the kernel and
// the next computation faults it in again, page by page.

const module = pathToFileURL(
  fileURLToPath(new URL('../../src/model/keepFreedMemory.ts', import.meta.url)),
).href;

/** Minor page faults of 8 "computations" (4 working arrays of 3 MiB each, written, then freed), after a first one. */
function faultsOfComputations(keep: boolean): number {
  const program = `
    const { keepFreedMemory } = await import(${JSON.stringify(module)});
    if (${keep}) keepFreedMemory();
    const compute = () => {
      const arrays = Array.from({ length: 4 }, () => new Float64Array(3 * 131072).fill(1));
      gc();
      return arrays.length;
    };
    compute();
    gc();
    const before = process.resourceUsage().minorPageFault;
    for (let i = 0; i < 8; i++) { compute(); gc(); }
    console.log(process.resourceUsage().minorPageFault - before);`;
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', program],
    { encoding: 'utf8', timeout: 30_000, env: { ...process.env, GLIBC_TUNABLES: '' } },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return Number(child.stdout.trim());
}

// glibc only: its thresholds are what keepFreedMemory sets.
const glibc =
  (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header
    ?.glibcVersionRuntime !== undefined;

describe('keepFreedMemory', () => {
  it.skipIf(!glibc)(
    'keeps freed working arrays in the heap instead of faulting them in again',
    () => {
      const without = faultsOfComputations(false);
      const kept = faultsOfComputations(true);
      // 8 × 12 MiB written: about 24,000 pages when each computation maps them afresh.
      expect(without).toBeGreaterThan(8 * 2000);
      // (What is left, ~380 pages a computation, is V8's own heap pages after each full collection.)
      expect(kept).toBeLessThan(without / 4);
    },
  );
});
