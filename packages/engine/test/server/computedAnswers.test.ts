import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, Global } from '@qlikit/qix';
import {
  reloadedSessionApp,
  SALES_SCRIPT,
  startFixture,
  type EngineFixture,
} from './helpers/engineFixture.js';

// Methods that once answered fixed data: each test fails on the old canned answer.
let fixture: EngineFixture;
let global: Global;
let doc: Doc;

const NULLS_SCRIPT = `T: LOAD RecNo() AS K,
  If(RecNo() = 2, Null(), If(RecNo() = 3, '', 'v' & RecNo())) AS A
AUTOGENERATE 3;
S1: LOAD * INLINE [
X, Y, P
1, a, p1
2, b, p2
];
S2: LOAD * INLINE [
X, Y, Q
1, a, q1
];
`;

beforeAll(async () => {
  fixture = await startFixture();
  global = await fixture.session('/app/engineData/identity/computed').open();
  doc = await reloadedSessionApp(global, NULLS_SCRIPT);
});
afterAll(() => fixture.close());

describe('GetLinkedObjects', () => {
  it('lists the objects using a master dimension, measure or visualization, with their roots', async () => {
    const dimension = await doc.createDimension({
      qInfo: { qId: 'dimK', qType: 'dimension' },
      qDim: { qFieldDefs: ['K'] },
    });
    const measure = await doc.createMeasure({
      qInfo: { qId: 'measK', qType: 'measure' },
      qMeasure: { qDef: 'Sum(K)' },
    });
    const master = await doc.createObject({ qInfo: { qId: 'mv', qType: 'masterobject' } });
    const sheet = await doc.createObject({ qInfo: { qId: 'sheet1', qType: 'sheet' } });
    await sheet.createChild({
      qInfo: { qId: 'usesAll', qType: 'table' },
      qHyperCubeDef: {
        qDimensions: [{ qLibraryId: 'dimK' }],
        qMeasures: [{ qLibraryId: 'measK' }],
      },
    });
    await sheet.createChild({ qInfo: { qId: 'linked', qType: 'barchart' }, qExtendsId: 'mv' });
    await doc.createSessionObject({
      qInfo: { qId: 'listK', qType: 'filterpane' },
      qListObjectDef: { qLibraryId: 'dimK' },
    });

    const ids = (items: { qInfo: { qId?: string } }[]) =>
      items.map((item) => item.qInfo.qId).sort();
    const byDimension = await dimension.getLinkedObjects();
    expect(ids(byDimension)).toEqual(['listK', 'usesAll']);
    expect(byDimension.find((item) => item.qInfo.qId === 'usesAll')).toEqual({
      qRootId: 'sheet1',
      qInfo: { qId: 'usesAll', qType: 'table' },
    });
    expect(byDimension.find((item) => item.qInfo.qId === 'listK')?.qRootId).toBe('listK');
    expect(ids(await measure.getLinkedObjects())).toEqual(['usesAll']);
    expect(await master.getLinkedObjects()).toEqual([
      { qRootId: 'sheet1', qInfo: { qId: 'linked', qType: 'barchart' } },
    ]);
    expect(await sheet.getLinkedObjects()).toEqual([]);
  });
});

describe('GetTableData and GetTablesAndKeys', () => {
  it('tells a NULL (no qText) from an empty string, and gives qNumber to numbers only', async () => {
    const rows = await doc.getTableData(0, 10, true, 'T');
    expect(rows).toEqual([
      {
        qValue: [
          { qText: 'K', qIsNumeric: false },
          { qText: 'A', qIsNumeric: false },
        ],
      },
      {
        qValue: [
          { qText: '1', qIsNumeric: true, qNumber: 1 },
          { qText: 'v1', qIsNumeric: false },
        ],
      },
      { qValue: [{ qText: '2', qIsNumeric: true, qNumber: 2 }, { qIsNumeric: false }] },
      {
        qValue: [
          { qText: '3', qIsNumeric: true, qNumber: 3 },
          { qText: '', qIsNumeric: false },
        ],
      },
    ]);
  });

  it('refuses a negative or fractional qOffset or qRows, naming it', async () => {
    await expect(doc.getTableData(-1, 2, true, 'T')).rejects.toMatchObject({
      code: 8,
      parameter: 'qOffset',
    });
    await expect(doc.getTableData(0, -5, true, 'T')).rejects.toMatchObject({
      code: 8,
      parameter: 'qRows',
    });
  });

  it('shows synthetic keys in synthetic mode, and the fields they combine otherwise', async () => {
    const texts = async (synthetic: boolean) =>
      (await doc.getTableData(0, 10, synthetic, 'S1')).map((row) =>
        row.qValue.map((value) => value.qText),
      );
    const internal = await texts(true);
    expect(internal[0]).toEqual(['P', '$Syn 1']);
    expect(internal.map((row) => row[0])).toEqual(['P', 'p1', 'p2']);
    expect(await texts(false)).toEqual([
      ['P', 'X', 'Y'],
      ['p1', '1', 'a'],
      ['p2', '2', 'b'],
    ]);
  });

  it('counts non-null rows per field in GetTablesAndKeys', async () => {
    const { qtr } = await doc.getTablesAndKeys(
      { qcx: 1000, qcy: 1000 },
      { qcx: 0, qcy: 0 },
      0,
      false,
      false,
    );
    const fields = qtr.find((table) => table.qName === 'T')!.qFields;
    expect(fields.find((field) => field.qName === 'A')).toMatchObject({
      qnRows: 3,
      qnNonNulls: 2,
      qHasNull: true,
    });
    expect(fields.find((field) => field.qName === 'K')).toMatchObject({ qnNonNulls: 3 });
  });
});

describe('the app list', () => {
  it('reports each app’s size on disk and the users who have it open', async () => {
    const { qAppId } = await global.createApp('Listed');
    const first = await fixture.session('/app/engineData/identity/u1').open();
    const opened = await first.openDoc(qAppId);
    await opened.setScript(SALES_SCRIPT);
    await opened.doReload();
    await opened.doSave();
    const entry = async () => (await global.getDocList()).find((item) => item.qDocId === qAppId)!;
    expect((await entry()).qConnectedUsers).toBe(1);
    expect((await entry()).qFileSize).toBeGreaterThan(100);
    expect((await global.getAppEntry(qAppId)).qFileSize).toBe((await entry()).qFileSize);

    const otherUser = fixture.session('/app/engineData/identity/u2');
    await (await otherUser.open()).openDoc(qAppId);
    expect((await entry()).qConnectedUsers).toBe(2);
    await otherUser.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await entry()).qConnectedUsers).toBe(1);
  });
});

describe('SaveObjects', () => {
  it('saves objects and properties but keeps the saved data model', async () => {
    const dataDir = fixture.dataDir;
    const engine = await startFixture({ dataDir: `${dataDir}-save` });
    try {
      const g = await engine.session('/app/engineData/identity/saver').open();
      const { qAppId } = await g.createApp('Save objects');
      const app = await g.openDoc(qAppId);
      await app.setScript(SALES_SCRIPT);
      await app.doReload();
      await app.doSave();
      // Reloaded with other data but not saved; then an object is made and SaveObjects called.
      await app.setScript('Orders: LOAD 1000 AS Amount AUTOGENERATE 1;');
      await app.doReload();
      await app.createObject({ qInfo: { qId: 'kept', qType: 'sheet' }, title: 'Kept' });
      await app.setAppProperties({ qTitle: 'Renamed' });
      await app.saveObjects();
      await engine.close({ keepData: true });

      const again = await startFixture({ dataDir: `${dataDir}-save` });
      try {
        const reopened = await (await again.session().open()).openDoc(qAppId);
        expect(await (await reopened.getObject('kept')).getProperties()).toMatchObject({
          title: 'Kept',
        });
        expect((await reopened.getAppProperties()).qTitle).toBe('Renamed');
        expect(await reopened.evaluate('Sum(Amount)')).toBe('45');
        expect(await reopened.getScript()).toBe(SALES_SCRIPT);
      } finally {
        await again.close();
      }
    } finally {
      await engine.close().catch(() => undefined);
    }
  });
});

describe('methods that answer not implemented rather than pretend', () => {
  it('SetAndMode takes OR mode and refuses AND mode', async () => {
    const field = await doc.getField('A');
    await field.setAndMode(false);
    expect(await field.getAndMode()).toBe(false);
    await expect(field.setAndMode(true)).rejects.toMatchObject({
      code: 20,
      parameter: 'qAndMode',
    });
  });

  it('ConfigureReload accepts what reloads do and refuses continuing after an error', async () => {
    await global.configureReload(true, true, false);
    await expect(global.configureReload(false, false, false)).rejects.toMatchObject({
      code: 20,
      parameter: 'qCancelOnScriptError',
    });
  });

  it('SetFetchLimit answers LOCERR 20 naming itself', async () => {
    await expect(doc.setFetchLimit(10)).rejects.toMatchObject({
      code: 20,
      message: expect.stringContaining('Doc.SetFetchLimit'),
    });
  });
});

describe('Publish and Approve', () => {
  it('show in qMeta of the layout and are taken back by UnPublish and UnApprove', async () => {
    const sheet = await doc.createObject({ qInfo: { qId: 'pubSheet', qType: 'sheet' } });
    const meta = async () =>
      ((await sheet.getLayout()) as { qMeta: Record<string, unknown> }).qMeta;
    expect(await meta()).toMatchObject({ published: false, approved: false });
    await sheet.publish();
    await sheet.approve();
    const published = await meta();
    expect(published).toMatchObject({ published: true, approved: true });
    expect(Date.parse(String(published.publishTime))).not.toBeNaN();
    const dimension = await doc.getDimension('dimK');
    await dimension.publish();
    expect((await dimension.getLayout()).qMeta).toMatchObject({ published: true });
    await sheet.unPublish();
    await sheet.unApprove();
    expect(await meta()).toMatchObject({ published: false, approved: false });
    expect(await meta()).not.toHaveProperty('publishTime');
  });
});

describe('favorite variables', () => {
  it('keeps the list SetFavoriteVariables sets, replacing the previous one', async () => {
    expect(await doc.getFavoriteVariables()).toEqual([]);
    await doc.setFavoriteVariables(['vA', 'vB', 'vA']);
    expect(await doc.getFavoriteVariables()).toEqual(['vA', 'vB']);
    await doc.setFavoriteVariables(['vC']);
    expect(await doc.getFavoriteVariables()).toEqual(['vC']);
  });
});

describe('GetTextMacros', () => {
  it('lists the variables with their text, reserved and system ones marked', async () => {
    await doc.createSessionVariable({
      qInfo: { qType: 'variable' },
      qName: 'vMacro',
      qDefinition: 'Sum(K)',
    });
    const macros = await doc.getTextMacros();
    expect(macros.find((macro) => macro.qTag === 'vMacro')).toEqual({
      qTag: 'vMacro',
      qRefSeqNo: 0,
      qSetSeqNo: 0,
      qDisplayString: 'Sum(K)',
      qIsSystem: false,
      qIsReserved: false,
    });
  });
});
