import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const DATA = join(dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');

/** What `npm start` printed once it is ready: its URL and the admin API key. */
async function startNpmStart(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; key: string }> {
  // Its own process group, so the test ends npm and the node process it runs together.
  const child = spawn('npm', ['start'], {
    cwd: REPO,
    env: { ...process.env, PORT: '0', QLIKIT_DATA: dataDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${stderr}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      const key = /Admin API key[^\n]*\n(\S+)\n/.exec(stdout)?.[1];
      if (url && key && stdout.includes('List them:')) resolve({ child, url, key });
    });
  });
}

/** Flights per origin state, counted from the demo's data files without the engine. */
async function flightsByOriginState(): Promise<Map<string, number>> {
  const stateOf = new Map<string, string>();
  const [header, ...lines] = (await readFile(join(DATA, 'airports.csv'), 'utf8'))
    .trim()
    .split('\n');
  const columns = header!.split(',');
  for (const line of lines) {
    // Quoted names may hold commas.
    const cells = [...line.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)].map((match) =>
      match[2] !== undefined ? match[2].replaceAll('""', '"') : match[1]!,
    );
    stateOf.set(cells[columns.indexOf('iata')]!, cells[columns.indexOf('state')]!);
  }
  const flights = JSON.parse(await readFile(join(DATA, 'flights-20k.json'), 'utf8')) as {
    origin: string;
    delay: number | null;
  }[];
  const counts = new Map<string, number>();
  for (const flight of flights) {
    const state = stateOf.get(flight.origin);
    if (state && typeof flight.delay === 'number') counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return counts;
}

describe('the quick start: `npm start`, then `npx qlikit` in another terminal', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startNpmStart>>;
  const cli = (args: readonly string[]) =>
    runCli(args, { configDir: join(dir, 'config'), cwd: REPO });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qlikit-quick-start-'));
    server = await startNpmStart(join(dir, 'data'));
  }, 300_000);
  afterAll(async () => {
    if (server?.child.pid) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      process.kill(-server.child.pid, 'SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a context, lists the demo apps, reloads one with its log and prints its data', async () => {
    const created = await cli([
      'context',
      'create',
      'local',
      '--server',
      server.url,
      '--api-key',
      server.key,
    ]);
    expect(created.code).toBe(0);

    const listed = await cli(['app', 'ls']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+NAME/);
    for (const line of [
      /\nflights +US flights and airports +/,
      /\nseattle-weather +Seattle weather/,
    ])
      expect(listed.stdout).toMatch(line);

    const reload = await cli(['app', 'reload', '--app', 'flights']);
    expect(reload.code).toBe(0);
    expect(reload.stderr).toMatch(/Flights << flights-20k\.json\s+20000 Lines fetched/);
    expect(reload.stdout).toMatch(/^Reload SUCCEEDED in \d+\.\d s; the app is saved\.\n$/);

    const args = [
      'app',
      'data',
      '--app',
      'flights',
      '--dim',
      'Origin State',
      '--measure',
      'Count(Delay)',
    ];
    const table = await cli(args);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^Origin State\s+Count\(Delay\)$/);
    const expected = await flightsByOriginState();
    const json = JSON.parse((await cli([...args, '--json'])).stdout) as {
      columns: string[];
      rows: [string | null, number][];
    };
    expect(json.columns).toEqual(['Origin State', 'Count(Delay)']);
    const printed = new Map(json.rows.filter(([state, count]) => state && count > 0));
    expect(printed).toEqual(expected);
    const [state, count] = [...expected].sort((a, b) => b[1] - a[1])[0]!;
    expect(table.stdout).toMatch(new RegExp(`\\n${state}\\s+${count}\\n`));
  }, 300_000);

  it('unbuilds a demo app and builds the files into a new app in the same space, with the same data', async () => {
    expect(
      (await cli(['app', 'unbuild', '--app', 'flights', '--dir', join(dir, 'flights')])).code,
    ).toBe(0);
    const built = await cli([
      'app',
      'build',
      '--dir',
      join(dir, 'flights'),
      '--app',
      'Flights copy',
      '--silent',
      '--json',
    ]);
    expect(built.code).toBe(0);
    const { appId } = JSON.parse(built.stdout) as { appId: string };
    const apps = JSON.parse((await cli(['app', 'ls', '--json'])).stdout) as {
      id: string;
      spaceId: string;
    }[];
    const spaceOf = (id: string) => apps.find((app) => app.id === id)?.spaceId;
    expect(spaceOf(appId)).toBe(spaceOf('flights'));
    const byState = async (app: string) =>
      (
        await cli([
          'app',
          'eval',
          'Count(Delay)',
          'by',
          'Origin State',
          '--app',
          app,
          '--rows',
          '100',
          '--csv',
        ])
      ).stdout;
    const original = await byState('flights');
    expect(original.split('\r\n').length).toBeGreaterThan(50);
    expect(await byState(appId)).toBe(original);
  }, 300_000);
});
