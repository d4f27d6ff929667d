import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The load worker must never keep a process alive: a CLI that reloads an app
// and is done exits, whether the worker is still booting or idle after a job.

const pool = pathToFileURL(
  fileURLToPath(new URL('../../src/script/LoadWorkerPool.ts', import.meta.url)),
).href;

function exitsAfter(code: string): { status: number | null; stdout: string } {
  const program = `const { LoadWorkerPool } = await import(${JSON.stringify(pool)}); ${code}; console.log('done');`;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', program],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return { status: child.status, stdout: child.stdout };
}

describe('LoadWorkerPool', () => {
  it('lets the process exit while the worker boots and once it is up', () => {
    expect(exitsAfter('LoadWorkerPool.shared()')).toEqual({ status: 0, stdout: 'done\n' });
    expect(exitsAfter('await LoadWorkerPool.shared().whenReady()')).toEqual({
      status: 0,
      stdout: 'done\n',
    });
  });
});
