import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What one run of the CLI printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const BIN = fileURLToPath(new URL('../../bin/qlikit.js', import.meta.url));

/**
 * Runs `qlikit` as a subprocess, through the bin npm links (the sources via
 * tsx in this checkout), with its own config directory and no colour.
 */
export function runCli(
  args: readonly string[],
  options: {
    readonly configDir: string;
    readonly cwd?: string;
    readonly input?: string;
    readonly env?: Record<string, string>;
  },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, QLIKIT_CONFIG_DIR: options.configDir, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
