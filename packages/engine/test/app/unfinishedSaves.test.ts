import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppStore } from '../../src/app/AppStore.js';

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Lays out an app directory as a save killed part-way leaves it. */
async function appDir(appsDir: string, id: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(appsDir, id, path, '..'), { recursive: true });
    await writeFile(join(appsDir, id, path), text);
  }
}

describe('AppStore.init after a crash', () => {
  it('removes versions a save left unfinished and pointers never renamed, keeps the current version', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qlikit-unfinished-'));
    const appsDir = join(dataDir, 'apps');
    await appDir(appsDir, 'kept', {
      CURRENT: '4',
      'v4/app.json': '{"id":"kept"}',
      'v5/tables.bin': 'half',
      'CURRENT.123.5.tmp': '5',
    });
    // No current version: nothing tells which version is whole, so nothing is touched.
    await appDir(appsDir, 'unsaved', { 'v1/tables.bin': 'half' });

    await new AppStore(dataDir).init();

    expect((await readdir(join(appsDir, 'kept'))).sort()).toEqual(['CURRENT', 'v4']);
    expect(await readdir(join(appsDir, 'kept', 'v4'))).toEqual(['app.json']);
    expect(await readdir(join(appsDir, 'unsaved'))).toEqual(['v1']);
  });

  it('starts on an empty data directory', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qlikit-unfinished-'));
    await new AppStore(dataDir).init();
    expect(await readdir(join(dataDir, 'apps'))).toEqual([]);
  });
});
