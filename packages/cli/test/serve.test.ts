import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

const BIN = fileURLToPath(new URL('../bin/qlikit.js', import.meta.url));

// Each step runs the CLI as a process; on a shared machine one can take seconds.
describe('qlikit serve', { timeout: 120_000 }, () => {
  let dir: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qlikit-cli-serve-'));
  });
  afterAll(async () => {
    // A failed run must not leave the tenant running.
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the local tenant until Ctrl+C, printing its URL and an admin key the CLI can use', async () => {
    const serve = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--data', join(dir, 'data'), '--no-demo', '--json'],
      {
        env: { ...process.env, NO_COLOR: '1', QLIKIT_CONFIG_DIR: join(dir, 'config') },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child = serve;
    let stdout = '';
    const started = await new Promise<{ url: string; apiKey: string; apps: unknown[] }>(
      (resolve, reject) => {
        serve.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          try {
            resolve(JSON.parse(stdout));
          } catch {
            // not all of it yet
          }
        });
        serve.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      },
    );
    expect(started).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      apps: [],
    });
    const listed = await runCli(
      ['app', 'ls', '--server', started.url, '--api-key', started.apiKey, '--json'],
      {
        configDir: join(dir, 'config'),
      },
    );
    expect([listed.code, JSON.parse(listed.stdout)]).toEqual([0, []]);
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
