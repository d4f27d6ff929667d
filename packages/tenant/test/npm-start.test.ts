import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { openSession } from '@qlikit/qix';
import { afterAll, assert, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const sh = promisify(execFile);

/** Runs `npm start` as a newcomer does, with PORT and QLIKIT_DATA, until it prints its curl line. */
async function npmStart(dataDir: string): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', QLIKIT_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it stops node under npm too.
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^curl .*$/m.test(output)) resolve({ child, output });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
}

/** What a demo app holds: the chart types its sheet's cells name, and whether it has master dimensions and measures. */
async function demoContent(url: string, key: string, appId: string) {
  const session = openSession({
    url: `${url.replace('http', 'ws')}/app/${appId}`,
    createSocket: (socketUrl) =>
      new WebSocket(socketUrl, { headers: { Authorization: `Bearer ${key}` } }),
    reconnect: false,
  });
  try {
    const doc = await (await session.open()).openDoc(appId);
    const infos = await doc.getAllInfos();
    const types = new Set(infos.map((info) => info.qType));
    const sheetId = infos.find((info) => info.qType === 'sheet')?.qId;
    assert(sheetId, 'the app has a sheet');
    const cells = ((await (await doc.getObject(sheetId)).getProperties()).cells ?? []) as Array<{
      name: string;
    }>;
    const charts = await Promise.all(
      cells.map(async (cell) => (await (await doc.getObject(cell.name)).getInfo()).qType),
    );
    return {
      charts: [...new Set(charts)].sort(),
      masterItems: types.has('dimension') && types.has('measure'),
    };
  } finally {
    await session.close();
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

describe('npm start', () => {
  const running: ChildProcess[] = [];
  let dataDir = '';
  afterAll(async () => {
    await Promise.all(running.map(stop));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the URL, an admin key and a curl line that lists the demo apps; without the key, 401; a restart keeps them', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qlikit-npm-start-'));
    const first = await npmStart(dataDir);
    running.push(first.child);
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(first.output)?.[1];
    expect(url, first.output).toBeDefined();
    expect(url).not.toMatch(/:0$/);
    const key = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/m.exec(first.output)?.[1];
    expect(key, first.output).toBeDefined();
    const curl = /^curl .*$/m.exec(first.output)![0];
    expect(curl).toContain(key);

    // The printed line, run as printed.
    const listed = JSON.parse((await sh('sh', ['-c', `${curl} -s`])).stdout);
    const names = listed.data.map((item: { name: string }) => item.name);
    expect(names).toHaveLength(4);
    for (const demo of ['flights', 'seattle', 'people', 'cars'])
      expect(names.join(' ').toLowerCase()).toContain(demo);
    const itemsUrl = /"(http[^"]+)"\s*$/.exec(curl)![1]!;
    const bare = await sh('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', itemsUrl]);
    expect(bare.stdout).toBe('401');

    for (const item of listed.data as Array<{ resourceId: string }>)
      expect(await demoContent(url!, key!, item.resourceId)).toEqual({
        charts: ['barchart', 'filterpane', 'kpi', 'linechart', 'piechart', 'table'],
        masterItems: true,
      });

    await stop(first.child);
    const second = await npmStart(dataDir);
    running.push(second.child);
    expect(second.output).not.toContain('built now');
    const again = JSON.parse(
      (await sh('sh', ['-c', `${/^curl .*$/m.exec(second.output)![0]} -s`])).stdout,
    );
    expect(again.data.map((item: { id: string }) => item.id).sort()).toEqual(
      listed.data.map((item: { id: string }) => item.id).sort(),
    );
  }, 180_000);
});
