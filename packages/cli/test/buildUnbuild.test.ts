import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSession, type Doc, type QixSession } from '@qlikit/qix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineForCli, type EngineForCli } from './support/engineForCli.js';

/** What must survive the round trip: the script, the master items, the variables, every object tree and the app properties but the title. */
async function appContent(doc: Doc) {
  const infos = await doc.getAllInfos();
  const ids = (type: string) =>
    infos
      .filter((info) => info.qType === type)
      .map((info) => info.qId!)
      .sort();
  const sheet = await doc.getObject('sheet-1');
  // The title is the new app's own, and the rebuilt app was reloaded later.
  const {
    qTitle: _title,
    qLastReloadTime: _reloaded,
    ...properties
  } = await doc.getAppProperties();
  return {
    properties,
    script: await doc.getScript(),
    dimensions: await Promise.all(
      ids('dimension').map(async (id) => (await doc.getDimension(id)).getProperties()),
    ),
    measures: await Promise.all(
      ids('measure').map(async (id) => (await doc.getMeasure(id)).getProperties()),
    ),
    variable: await (await doc.getVariableByName('vMin')).getProperties(),
    sheet: await sheet.getFullPropertyTree(),
    sum: await doc.evaluate('Sum(Amount)'),
  };
}

// Each step runs the CLI as a process; on a shared machine one can take seconds.
describe('qlikit app unbuild / build', { timeout: 120_000 }, () => {
  let engine: EngineForCli;
  const sessions: QixSession[] = [];
  const open = async (appId: string) => {
    const session = openSession({ url: `${engine.url}/app/${appId}`, reconnect: false });
    sessions.push(session);
    return (await session.open()).openDoc(appId);
  };

  beforeAll(async () => {
    engine = await startEngineForCli();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.close()));
    await engine.close();
  });

  it('writes an app as files and builds them into a new app equal to the original', async () => {
    const unbuilt = await engine.cli([
      'app',
      'unbuild',
      '--app',
      engine.appId,
      '--dir',
      'sales',
      '--json',
    ]);
    expect(unbuilt.code).toBe(0);
    expect(JSON.parse(unbuilt.stdout).counts).toEqual({
      dimensions: 1,
      measures: 1,
      variables: 1,
      objects: 1,
    });
    const folder = join(engine.dir, 'sales');
    expect((await readdir(folder)).sort()).toEqual([
      'app-properties.json',
      'config.yml',
      'connections.yml',
      'dimensions.json',
      'measures.json',
      'objects',
      'script.qvs',
      'variables.json',
    ]);
    expect(await readdir(join(folder, 'objects'))).toEqual(['sheet-overview-sheet-1.json']);
    expect(await readFile(join(folder, 'config.yml'), 'utf8')).toContain('objects: objects/*.json');

    const built = await engine.cli([
      'app',
      'build',
      '--dir',
      'sales',
      '--app',
      'Sales rebuilt',
      '--json',
    ]);
    expect(built.code).toBe(0);
    const result = JSON.parse(built.stdout);
    expect(result).toMatchObject({ created: true, saved: true, reload: { status: 'SUCCEEDED' } });
    expect(result.appId).not.toBe(engine.appId);

    const [original, rebuilt] = await Promise.all([open(engine.appId), open(result.appId)]);
    expect(await appContent(rebuilt)).toEqual(await appContent(original));
    expect((await rebuilt.getAppProperties()).qTitle).toBe('Sales rebuilt');

    // Unbuilding the rebuilt app gives the same files but for the title.
    await engine.cli(['app', 'unbuild', '--app', result.appId, '--dir', 'again']);
    for (const file of [
      'script.qvs',
      'dimensions.json',
      'measures.json',
      'variables.json',
      'objects/sheet-overview-sheet-1.json',
    ]) {
      expect(await readFile(join(engine.dir, 'again', file), 'utf8'), file).toBe(
        await readFile(join(folder, file), 'utf8'),
      );
    }
  });

  it('writes YAML with --format yaml and builds an existing app from it', async () => {
    expect(
      (
        await engine.cli([
          'app',
          'unbuild',
          '--app',
          engine.appId,
          '--dir',
          'yaml',
          '--format',
          'yaml',
        ])
      ).code,
    ).toBe(0);
    expect(
      await readFile(join(engine.dir, 'yaml', 'objects', 'sheet-overview-sheet-1.yml'), 'utf8'),
    ).toContain('qId: table-1');
    const built = await engine.cli([
      'app',
      'build',
      '--dir',
      'yaml',
      '--app',
      engine.appId,
      '--no-reload',
      '--json',
    ]);
    expect(JSON.parse(built.stdout)).toMatchObject({
      appId: engine.appId,
      created: false,
      counts: { objects: 1, dimensions: 1 },
    });
  });

  it('refuses a folder without config.yml with exit code 2', async () => {
    const refused = await engine.cli(['app', 'build', '--dir', '.', '--app', engine.appId]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('has no config.yml');
  });
});
