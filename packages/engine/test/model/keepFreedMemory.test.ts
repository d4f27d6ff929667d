import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The memory a computation frees stays in the process for the next one: in a
// process with a quiet heap, glibc's defaults hand it back to the kernel and
// the next computation faults it in again, page by page.

const module = pathToFileURL(
  fileURLToPath(new URL('../../src/model/keepFreedMemory.ts', import.meta.url)),
).href;

/** Minor page faults of 8 "computations" (4 working arrays of 6 MiB each, written, then freed), after three first ones. */
function faultsOfComputations(keep: boolean): number {
  const program = `
    const { keepFreedMemory } = await import(${JSON.stringify(module)});
    if (${keep}) keepFreedMemory();
    const compute = () => {
      const arrays = Array.from({ length: 4 }, () => new Float64Array(6 * 131072).fill(1));
      return arrays.length;
    };
    // A young collection frees the arrays (and leaves V8's own pages be).
    const collect = () => gc({ type: 'minor' });
    // Three first: the first frees the primer (raising the thresholds) and its own arrays' mappings.
    for (let i = 0; i < 3; i++) { compute(); collect(); }
    const before = process.resourceUsage().minorPageFault;
    for (let i = 0; i < 8; i++) { compute(); collect(); }
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
      // 8 × 24 MiB written: 49,000 pages if every computation mapped them afresh; how many
      // it does depends on when V8's sweeper frees the arrays (23,000 to 43,000 seen).
      expect(without).toBeGreaterThan(8 * 500);
      // Kept: 5 to 4,600 seen (V8's own young generation, and a late-freed primer).
      expect(kept * 3).toBeLessThan(without);
    },
  );
});
