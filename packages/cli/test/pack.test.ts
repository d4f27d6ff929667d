import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild as ensureQixBuild } from '../../qix/test/cjs/ensureBuild.js';
import { startTenantForCli, type TenantForCli } from './support/tenantForCli.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const PACKAGES = ['./packages/qix', './packages/rest', './packages/cli'];

// A user's programs, type-checked against the installed packages' built declarations and run.
const ESM_CONSUMER = `import { createClient } from '@qlikit/rest';
import { getApp } from '@qlikit/rest/services/apps';
import { openSession } from '@qlikit/qix';
import { run } from '@qlikit/cli';
const client = createClient({ host: 'http://127.0.0.1:1', auth: 'key' });
const code: number = await run(['--version']);
console.log(typeof client.apps.get, typeof getApp, typeof openSession, code);
`;
const CJS_CONSUMER = `import rest = require('@qlikit/rest');
import qix = require('@qlikit/qix');
import enigma = require('@qlikit/qix/enigma');
const client: rest.QlikClient = rest.createClient({ host: 'http://127.0.0.1:1', auth: 'key' });
console.log(typeof client.items.list, typeof qix.openSession, typeof enigma.create);
`;

describe('the packed packages, installed from their tarballs into an empty directory', () => {
  let tenant: TenantForCli;
  let dir: string;
  let qlikit: string;

  beforeAll(async () => {
    await ensureQixBuild();
    await run(process.execPath, [tsc, '-b', join(repo, 'packages', 'cli')], { cwd: repo });
    dir = await mkdtemp(join(tmpdir(), 'qlikit-pack-'));
    const { stdout } = await run(
      'npm',
      ['pack', '--json', '--pack-destination', dir, ...PACKAGES],
      { cwd: repo },
    );
    const tarballs = (JSON.parse(stdout) as { filename: string }[]).map((packed) =>
      join(dir, packed.filename),
    );
    const project = join(dir, 'project');
    await mkdir(project);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true }),
    );
    // Dependencies from the registry come from npm's cache, which installing the workspace filled.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], {
      cwd: project,
    });
    qlikit = join(project, 'node_modules', '.bin', 'qlikit');
    tenant = await startTenantForCli();
  }, 240_000);
  afterAll(async () => {
    await tenant?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs `qlikit --help`, and `qlikit app ls` against a tenant, from the installed bin (the built files)', async () => {
    const env = { ...process.env, QLIKIT_CONFIG_DIR: join(dir, 'config'), NO_COLOR: '1' };
    const help = await run(qlikit, ['--help'], { env, cwd: dir });
    expect(help.stdout).toContain('Usage: qlikit');
    const ls = await run(
      qlikit,
      ['app', 'ls', '--server', tenant.url, '--api-key', tenant.apiKey, '--json'],
      {
        env,
        cwd: dir,
      },
    );
    expect(JSON.parse(ls.stdout)).toEqual([
      { id: tenant.appId, name: 'Sales', spaceId: null, updatedAt: expect.any(String) },
    ]);
  });

  it('gives ESM and CommonJS programs types from the built declarations, and runs them', async () => {
    const project = join(dir, 'project');
    await writeFile(join(project, 'esm.mts'), ESM_CONSUMER);
    await writeFile(join(project, 'cjs.cts'), CJS_CONSUMER);
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2022',
          strict: true,
          skipLibCheck: true,
          types: [],
          outDir: 'out',
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    const compiled = await run(process.execPath, [tsc, '-p', project], { cwd: project }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout, failed: true }),
    );
    expect(compiled.stdout).toBe('');
    const esm = await run(process.execPath, [join(project, 'out', 'esm.mjs')], { cwd: project });
    expect(esm.stdout).toBe('0.1.0\nfunction function function 0\n');
    const cjs = await run(process.execPath, [join(project, 'out', 'cjs.cjs')], { cwd: project });
    expect(cjs.stdout).toBe('function function function\n');
  });
});
