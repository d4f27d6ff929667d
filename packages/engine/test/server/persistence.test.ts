import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFixture, SALES_SCRIPT } from './helpers/engineFixture.js';

const objects = [
  {
    qInfo: { qId: 'table-1', qType: 'table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Country'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
    },
  },
  {
    qInfo: { qId: 'list-1', qType: 'listbox' },
    qListObjectDef: {
      qDef: { qFieldDefs: ['Product'] },
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 10 }],
    },
  },
  {
    qInfo: { qId: 'kpi-1', qType: 'kpi' },
    qValueExpression: { qExpr: 'Count(DISTINCT Customer)' },
    qMetaDef: { title: 'Customers' },
  },
];

describe('saving apps', () => {
  it('writes saves asked for at once by several sessions one after another, the last one kept', async () => {
    const fixture = await startFixture();
    try {
      const global = await fixture.session().open();
      const { qAppId } = await global.createApp('Saved at once');
      const docs = await Promise.all(
        ['a', 'b', 'c'].map(async (user) =>
          (await fixture.session(`/app/${qAppId}/identity/${user}`).open()).openDoc(qAppId),
        ),
      );
      await docs[0]!.setScript(SALES_SCRIPT);
      await docs[0]!.doReload();
      await Promise.all([
        ...docs.map((doc) => doc.doSave()),
        docs[1]!.saveObjects(),
        docs[2]!.doSave(),
      ]);
      await fixture.close({ keepData: true });
      const again = await startFixture({ dataDir: fixture.dataDir });
      try {
        const doc = await (await again.session().open()).openDoc(qAppId);
        expect(await doc.evaluate('Sum(Amount)')).toBe('45');
      } finally {
        await again.close();
      }
    } finally {
      await fixture.close().catch(() => undefined);
    }
  });

  it('reopens a saved app after a restart with identical layouts', async () => {
    const first = await startFixture();
    const global = await first.session().open();
    const { qAppId } = await global.createApp('Persisted');
    const doc = await global.openDoc(qAppId);
    await doc.setScript(SALES_SCRIPT);
    expect(await doc.doReload()).toBe(true);
    await doc.setAppProperties({ qTitle: 'Persisted sales', description: 'kept' });
    for (const props of objects) await doc.createObject(props);
    await doc.createMeasure({
      qInfo: { qId: 'm1', qType: 'measure' },
      qMeasure: { qLabel: 'Total', qDef: 'Sum(Amount)' },
    });
    await doc.createVariableEx({
      qInfo: { qId: 'v1', qType: 'variable' },
      qName: 'vCount',
      qDefinition: '=Count(OrderId)',
    });
    const before = await Promise.all(
      objects.map(async (props) => (await doc.getObject(props.qInfo.qId)).getLayout()),
    );
    const variableBefore = await (await doc.getVariableById('v1')).getLayout();
    await doc.doSave();
    await first.close({ keepData: true });

    const second = await startFixture({ dataDir: first.dataDir });
    const reopened = await (await second.session().open()).openDoc(qAppId);
    const after = await Promise.all(
      objects.map(async (props) => (await reopened.getObject(props.qInfo.qId)).getLayout()),
    );
    expect(after).toEqual(before);
    expect(await (await reopened.getVariableById('v1')).getLayout()).toEqual(variableBefore);
    expect(await reopened.getAppProperties()).toMatchObject({
      qTitle: 'Persisted sales',
      description: 'kept',
    });
    expect(await reopened.getScript()).toBe(SALES_SCRIPT);
    expect(await (await reopened.getMeasure('m1')).getLayout()).toMatchObject({
      qMeasure: { qLabel: 'Total' },
    });
    await second.close();
  });

  it('never leaves an app that will not open when the process dies during DoSave', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qlikit-crash-'));
    const script = fileURLToPath(new URL('./fixtures/saveLoop.ts', import.meta.url));
    // Kill the saving process at a different moment each round, then reopen.
    for (const [run, savesBeforeKill] of [1, 3, 6].entries()) {
      const child = spawn(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', script, dataDir, String(run)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise((resolve) => child.once('exit', resolve));
      let saves = 0;
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          saves += chunk
            .toString()
            .split('\n')
            .filter((line) => line.startsWith('saved')).length;
          if (saves >= savesBeforeKill) {
            // Let the next save get under way, then kill without warning.
            setImmediate(() => child.kill('SIGKILL'));
            resolve();
          }
        });
        void exited.then(() => resolve());
      });
      await exited;
      expect(saves).toBeGreaterThanOrEqual(savesBeforeKill);

      const fixture = await startFixture({ dataDir });
      const doc = await (await fixture.session().open()).openDoc('crash-app');
      const title = String((await doc.getAppProperties()).qTitle);
      const [savedRun, saved] = title
        .replace(/^save /, '')
        .split('.')
        .map(Number);
      expect(title).toMatch(/^save \d+\.\d+$/);
      expect(savedRun).toBe(run);
      expect(saved).toBeGreaterThanOrEqual(savesBeforeKill - 1);
      expect(await doc.evaluate('Sum(Amount)')).toBe('45');
      const note = await doc.getObject(`note-${run}-${saved}`);
      expect(await note.getProperties()).toMatchObject({ text: `note ${run}.${saved}` });
      await fixture.close({ keepData: true });
    }
    await rm(dataDir, { recursive: true, force: true });
  });
});
