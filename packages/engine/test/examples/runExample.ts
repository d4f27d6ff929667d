import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** How an example program ended and what it printed. */
export interface ExampleRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the empty last one. */
  readonly lines: string[];
}

/**
 * Runs `examples/<file>` from the repository root exactly as the examples'
 * README says (`node --conditions=source --import tsx ...`), against `engineUrl`.
 */
export function runExample(
  repoRoot: string,
  file: string,
  engineUrl: string,
  env: Record<string, string> = {},
): Promise<ExampleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', join('examples', file)],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env, QLIKIT_ENGINE_URL: engineUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ code, stdout, stderr, lines: stdout.split('\n').filter((line) => line !== '') }),
    );
  });
}
