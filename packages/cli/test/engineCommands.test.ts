import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineForCli, type EngineForCli } from './support/engineForCli.js';
import { SALES_SCRIPT } from './support/salesApp.js';

// Each step runs the CLI as a process; on a shared machine one can take seconds.
describe('qlikit app … on a bare engine (--server-type engine)', { timeout: 120_000 }, () => {
  let engine: EngineForCli;
  let app: string[];

  beforeAll(async () => {
    engine = await startEngineForCli();
    app = ['--app', engine.appId];
  }, 120_000);
  afterAll(() => engine?.close());

  it('lists the apps of the engine, as a table and as JSON', async () => {
    const table = await engine.cli(['app', 'ls']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+SPACE\s+UPDATED\n/);
    expect(table.stdout).toContain(`${engine.appId}  Sales`);
    const json = JSON.parse((await engine.cli(['app', 'ls', '--json'])).stdout);
    expect(json).toEqual([
      { id: engine.appId, name: 'Sales', spaceId: null, updatedAt: expect.any(String) },
    ]);
  });

  it('evaluates a measure alone, by dimensions, and where a field has a value; finds the app by name', async () => {
    expect((await engine.cli(['app', 'eval', 'Sum(Amount)', '--app', 'Sales'])).stdout).toBe(
      '43\n',
    );
    const byRegion = await engine.cli(['app', 'eval', 'Sum(Amount)', 'by', 'Region', ...app]);
    expect(byRegion.stdout).toBe(
      'Region  Sum(Amount)\nEast              1\nNorth            30\nSouth            12\n',
    );
    const where = await engine.cli([
      'app',
      'eval',
      'Sum(Amount)',
      'by',
      'Product',
      'where',
      'Region',
      'is',
      'North',
      ...app,
      '--json',
    ]);
    expect(JSON.parse(where.stdout)).toEqual({
      columns: ['Product', 'Sum(Amount)'],
      totalRows: 2,
      rows: [
        ['A', 10],
        ['B', 20],
      ],
    });
  });

  it('prints ad hoc data as a table, CSV or JSON, with selections', async () => {
    const args = [
      'app',
      'data',
      ...app,
      '--dim',
      'Manager',
      '--dim',
      'Product',
      '--measure',
      'Sum(Amount)',
      '--measure',
      'Count(Product)',
    ];
    const table = await engine.cli(args);
    expect(table.stdout.split('\n')[0]).toBe('Manager  Product  Sum(Amount)  Count(Product)');
    expect(table.stdout.split('\n')).toContain('Ann      B                 20               1');
    const csv = await engine.cli([...args, '--select', 'Region=South', '--csv']);
    expect(csv.stdout).toBe(
      'Manager,Product,Sum(Amount),Count(Product)\r\nBob,A,5,1\r\nBob,C,7,1\r\n',
    );
    const json = JSON.parse((await engine.cli([...args, '--rows', '1', '--json'])).stdout);
    expect(json).toEqual({
      columns: ['Manager', 'Product', 'Sum(Amount)', 'Count(Product)'],
      totalRows: 5,
      rows: [['Ann', 'A', 10, 1]],
    });
  });

  it("lists fields, objects, master items and variables, and reads an object's layout, properties and data", async () => {
    const fields = JSON.parse((await engine.cli(['app', 'field', 'ls', ...app, '--json'])).stdout);
    expect(
      fields.map((field: { name: string; cardinal: number }) => [field.name, field.cardinal]),
    ).toEqual([
      ['Region', 3],
      ['Product', 3],
      ['Amount', 5],
      ['Manager', 3],
    ]);
    const objects = JSON.parse(
      (await engine.cli(['app', 'object', 'ls', ...app, '--json'])).stdout,
    );
    expect(objects).toEqual(
      expect.arrayContaining([
        { id: 'sheet-1', type: 'sheet', title: 'Overview' },
        { id: 'table-1', type: 'table', title: null },
      ]),
    );
    const properties = JSON.parse(
      (await engine.cli(['app', 'object', 'properties', 'sheet-1', '--full', ...app])).stdout,
    );
    expect(properties.qChildren[0].qProperty.qInfo.qId).toBe('table-1');
    const layout = JSON.parse(
      (await engine.cli(['app', 'object', 'layout', 'table-1', ...app])).stdout,
    );
    expect(layout.qHyperCube.qSize).toEqual({ qcx: 2, qcy: 3 });
    const data = await engine.cli(['app', 'object', 'data', 'table-1', ...app, '--csv']);
    expect(data.stdout).toBe('Region,Amount\r\nEast,1\r\nNorth,30\r\nSouth,12\r\n');
    expect(
      JSON.parse((await engine.cli(['app', 'dimension', 'ls', ...app, '--json'])).stdout),
    ).toEqual([{ id: 'dim-region', title: 'Region', fields: ['Region'] }]);
    expect(
      JSON.parse((await engine.cli(['app', 'measure', 'ls', ...app, '--json'])).stdout),
    ).toEqual([{ id: 'm-total', title: 'Total amount', expression: 'Sum(Amount)' }]);
    expect((await engine.cli(['app', 'variable', 'ls', ...app])).stdout).toMatch(
      /^NAME\s+DEFINITION\s+DESCRIPTION\nvMin\s+5\n$/,
    );
  });

  it('sets master items and variables from JSON and YAML files, creating or updating by id', async () => {
    await writeFile(
      join(engine.dir, 'measures.yml'),
      '- qInfo: { qId: m-total, qType: measure }\n  qMeasure: { qLabel: Total, qDef: Sum(Amount) * 2 }\n  qMetaDef: { title: Double }\n',
    );
    await writeFile(
      join(engine.dir, 'variables.json'),
      JSON.stringify([{ qName: 'vMax', qDefinition: '100' }]),
    );
    const measures = await engine.cli(['app', 'measure', 'set', 'measures.yml', ...app, '--json']);
    expect(JSON.parse(measures.stdout)).toEqual({ created: 0, updated: 1, saved: true });
    expect((await engine.cli(['app', 'variable', 'set', 'variables.json', ...app])).stdout).toBe(
      '1 variables created, 0 updated; the app is saved.\n',
    );
    expect(
      JSON.parse((await engine.cli(['app', 'measure', 'ls', ...app, '--json'])).stdout),
    ).toEqual([{ id: 'm-total', title: 'Double', expression: 'Sum(Amount) * 2' }]);
    const names = JSON.parse(
      (await engine.cli(['app', 'variable', 'ls', ...app, '--json'])).stdout,
    );
    expect(names.map((variable: { name: string }) => variable.name).sort()).toEqual([
      'vMax',
      'vMin',
    ]);
  });

  it('creates, reads, copies and deletes apps on the engine; sets a master dimension and deletes master items, variables and objects', async () => {
    const id = (
      await engine.cli(['app', 'create', '--attributes-name', 'Budget', '-q'])
    ).stdout.trim();
    expect(id).not.toBe('');
    const got = JSON.parse((await engine.cli(['app', 'get', 'Budget', '--json'])).stdout);
    expect(got.qTitle).toBe('Budget');
    const copy = JSON.parse(
      (await engine.cli(['app', 'copy', engine.appId, '--attributes-name', 'Sales copy', '--json']))
        .stdout,
    );
    expect((await engine.cli(['app', 'eval', 'Sum(Amount)', '--app', copy.id])).stdout).toBe(
      '43\n',
    );
    await writeFile(
      join(engine.dir, 'dimensions.json'),
      JSON.stringify([
        {
          qInfo: { qId: 'dim-product', qType: 'dimension' },
          qDim: { qGrouping: 'N', qFieldDefs: ['Product'], qFieldLabels: ['Product'] },
          qMetaDef: { title: 'Product' },
        },
      ]),
    );
    expect(
      (await engine.cli(['app', 'dimension', 'set', 'dimensions.json', '--app', copy.id])).stdout,
    ).toBe('1 dimensions created, 0 updated; the app is saved.\n');
    expect(
      JSON.parse((await engine.cli(['app', 'dimension', 'ls', '--app', copy.id, '--json'])).stdout),
    ).toEqual([
      { id: 'dim-region', title: 'Region', fields: ['Region'] },
      { id: 'dim-product', title: 'Product', fields: ['Product'] },
    ]);
    const on = ['--app', copy.id, '--json'];
    for (const [group, id] of [
      ['dimension', 'dim-product'],
      ['measure', 'm-total'],
      ['variable', 'vMin'],
      ['object', 'sheet-1'],
    ] as const) {
      const removed = await engine.cli(['app', group, 'rm', id, ...on]);
      expect(JSON.parse(removed.stdout), group).toEqual({ removed: [id], saved: true });
    }
    const ids = async (group: string, key: 'id' | 'name' = 'id') =>
      (
        JSON.parse((await engine.cli(['app', group, 'ls', ...on])).stdout) as Record<
          string,
          string
        >[]
      ).map((item) => item[key]);
    expect(await ids('dimension')).toEqual(['dim-region']);
    expect(await ids('measure')).toEqual([]);
    expect(await ids('object')).toEqual([]);
    // An earlier test may have added vMax to the app this one copied.
    expect(await ids('variable', 'name')).not.toContain('vMin');
    const missing = await engine.cli(['app', 'measure', 'rm', 'nope', '--app', copy.id]);
    expect([missing.code, missing.stderr.includes("No measure 'nope'")]).toEqual([1, true]);
    for (const app of [id, copy.id]) expect((await engine.cli(['app', 'rm', app])).code).toBe(0);
    const names = JSON.parse((await engine.cli(['app', 'ls', '--json'])).stdout).map(
      (app: { name: string }) => app.name,
    );
    expect(names).toEqual(['Sales']);
  });

  it('sets the script from stdin, reloads streaming the log, and reports a failed reload with exit code 1', async () => {
    const script = `${SALES_SCRIPT}Extra: LOAD 1 AS One AutoGenerate 3;\n`;
    expect((await engine.cli(['app', 'script', 'set', '-', ...app], { input: script })).code).toBe(
      0,
    );
    expect((await engine.cli(['app', 'script', 'get', ...app])).stdout).toBe(script);
    const reload = await engine.cli(['app', 'reload', ...app]);
    expect(reload.code).toBe(0);
    expect(reload.stderr).toContain('Extra');
    expect(reload.stdout).toMatch(/^Reload SUCCEEDED in \d+\.\d s; the app is saved\.\n$/);
    expect((await engine.cli(['app', 'eval', 'Sum(One)', ...app])).stdout).toBe('3\n');
    // A limited load reads at most --limit rows from each source (DoReloadEx's qRowLimit).
    const limited = await engine.cli(['app', 'reload', ...app, '--limit', '2', '--no-save']);
    expect(limited.code).toBe(0);
    expect(limited.stderr).toMatch(/Extra << AUTOGENERATE\s+2 Lines fetched/);
    expect((await engine.cli(['app', 'eval', 'Sum(One)', ...app])).stdout).toBe('2\n');
    const badLimit = await engine.cli(['app', 'reload', ...app, '--limit', '-1']);
    expect([badLimit.code, badLimit.stderr.includes('not a whole number from 0 up')]).toEqual([
      2,
      true,
    ]);

    await engine.cli(['app', 'script', 'set', '-', ...app], {
      input: 'Broken: LOAD * FROM [lib://DataFiles/none.csv];',
    });
    const failed = await engine.cli(['app', 'reload', ...app, '--json']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      appId: engine.appId,
      status: 'FAILED',
      saved: false,
    });
    expect(JSON.parse(failed.stderr).error.code).toBe('RELOAD_FAILED');
    await engine.cli(['app', 'script', 'set', '-', ...app], { input: SALES_SCRIPT });
    expect((await engine.cli(['app', 'reload', ...app, '--silent'])).code).toBe(0);
  });

  it('exits with 2 for a missing --app and 1 with a hint for an app or object that does not exist', async () => {
    const noApp = await engine.cli(['app', 'eval', '1+1']);
    expect(noApp.code).toBe(2);
    expect(noApp.stderr).toContain('Which app? Name it with --app <id or name>.');
    const missing = await engine.cli(['app', 'eval', '1+1', '--app', 'Nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("No app has the id or name 'Nope'");
    expect(missing.stderr).toContain('Try: `qlikit app ls` lists the apps.');
    const object = await engine.cli(['app', 'object', 'data', 'nope', ...app, '--json']);
    expect(object.code).toBe(1);
    expect(JSON.parse(object.stderr).error.code).toBe('OBJECT_NOT_FOUND');
    const rest = await engine.cli(['app', 'export', engine.appId]);
    expect([rest.code, rest.stderr.includes('bare engine')]).toEqual([2, true]);
  });
});
