import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

describe('qlikit context', () => {
  let configDir: string;

  beforeAll(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'qlikit-cli-context-'));
  });
  afterAll(() => rm(configDir, { recursive: true, force: true }));

  it('creates contexts in the config dir, keeping secrets in a 0600 file; the first becomes current', async () => {
    const created = await runCli(
      [
        'context',
        'create',
        'local',
        '--server',
        'http://127.0.0.1:3999',
        '--api-key',
        'key-abcd1234',
        '--comment',
        'dev',
      ],
      { configDir },
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain("Context 'local' created; it is the current context.");
    const second = await runCli(
      ['context', 'create', 'eng', '--server', 'localhost:9076', '--json'],
      { configDir },
    );
    expect(JSON.parse(second.stdout)).toEqual({
      name: 'eng',
      server: 'localhost:9076',
      serverType: 'engine',
      current: false,
    });

    expect((await stat(join(configDir, 'secrets.yml'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(configDir, 'secrets.yml'), 'utf8')).toContain('key-abcd1234');
    expect(await readFile(join(configDir, 'contexts.yml'), 'utf8')).not.toContain('key-abcd1234');

    const listed = await runCli(['context', 'ls', '--json'], { configDir });
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        name: 'eng',
        server: 'localhost:9076',
        serverType: 'engine',
        comment: null,
        current: false,
      },
      {
        name: 'local',
        server: 'http://127.0.0.1:3999',
        serverType: 'cloud',
        comment: 'dev',
        current: true,
      },
    ]);
    const table = await runCli(['context', 'ls'], { configDir });
    expect(table.stdout.split('\n')[0]).toMatch(/^\s+NAME\s+SERVER\s+TYPE\s+COMMENT$/);
    expect(table.stdout).toMatch(/\*\s+local\s+http:\/\/127\.0\.0\.1:3999\s+cloud\s+dev/);
  });

  it('shows a context with its secrets masked', async () => {
    const shown = await runCli(['context', 'get', '--json'], { configDir });
    expect(JSON.parse(shown.stdout)).toMatchObject({
      name: 'local',
      apiKey: '****1234',
      current: true,
    });
    expect(shown.stdout).not.toContain('key-abcd');
  });

  it('updates, renames, switches and removes contexts', async () => {
    expect(
      (await runCli(['context', 'update', 'local', '--api-key', 'key-new-9999'], { configDir }))
        .code,
    ).toBe(0);
    expect(await readFile(join(configDir, 'secrets.yml'), 'utf8')).toContain('key-new-9999');
    expect((await runCli(['context', 'rename', 'local', 'dev'], { configDir })).code).toBe(0);
    const renamed = JSON.parse((await runCli(['context', 'get', '--json'], { configDir })).stdout);
    expect(renamed).toMatchObject({ name: 'dev', apiKey: '****9999', current: true });
    expect((await runCli(['context', 'use', 'eng'], { configDir })).code).toBe(0);
    expect((await runCli(['context', 'rm', 'dev'], { configDir })).code).toBe(0);
    const left = JSON.parse((await runCli(['context', 'ls', '--json'], { configDir })).stdout);
    expect(
      left.map((context: { name: string; current: boolean }) => [context.name, context.current]),
    ).toEqual([['eng', true]]);
    expect(await readFile(join(configDir, 'secrets.yml'), 'utf8')).not.toContain('key-new');
  });

  it('exits with 2 and says what to try for a wrong command line', async () => {
    const unknown = await runCli(['context', 'use', 'nope'], { configDir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("There is no context named 'nope'");
    expect(unknown.stderr).toContain('Try: Contexts: eng.');
    const duplicate = await runCli(['context', 'create', 'eng', '--server', 'x:1', '--json'], {
      configDir,
    });
    expect(duplicate.code).toBe(2);
    expect(JSON.parse(duplicate.stderr)).toEqual({
      error: {
        code: 'USAGE',
        message: "A context named 'eng' exists already.",
        hint: 'Change it with `qlikit context update eng`.',
      },
    });
    const typo = await runCli(['contxt', 'ls'], { configDir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('(Did you mean context?)');
    const badType = await runCli(['app', 'ls', '--server', 'x:1', '--server-type', 'windows'], {
      configDir,
    });
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('--server-type windows is not supported');
  });
});
