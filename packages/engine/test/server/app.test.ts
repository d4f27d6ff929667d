import enigma from 'enigma.js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qixSchema, type Doc, type Global } from '@qlikit/qix';
import {
  reloadedSessionApp,
  SALES_SCRIPT,
  startFixture,
  type EngineFixture,
} from './helpers/engineFixture.js';

// Every scenario runs twice: through @qlikit/qix and through the real enigma.js,
// unchanged. Both clients' API objects have the same method names and results.
type OpenClient = (fixture: EngineFixture, identity: string) => Promise<Global>;

const openQix: OpenClient = (fixture, identity) =>
  fixture.session(`/app/engineData/identity/${encodeURIComponent(identity)}`).open();

const enigmaSessions: EnigmaJS.Session[] = [];
const openEnigma: OpenClient = async (fixture, identity) => {
  const session = enigma.create({
    schema: qixSchema as unknown as object,
    url: `${fixture.engine.url}/app/engineData/identity/${encodeURIComponent(identity)}`,
    createSocket: (url: string) => new WebSocket(url) as never,
  });
  enigmaSessions.push(session);
  return (await session.open()) as unknown as Global;
};

describe.each([
  ['@qlikit/qix', openQix],
  ['enigma.js', openEnigma],
])('the engine through %s', (clientName, open) => {
  let fixture: EngineFixture;
  let global: Global;
  let doc: Doc;

  beforeAll(async () => {
    fixture = await startFixture();
    global = await open(fixture, `${clientName}-main`);
    doc = await reloadedSessionApp(global);
  });
  afterAll(async () => {
    await Promise.allSettled(enigmaSessions.splice(0).map((session) => session.close()));
    await fixture.close();
  });

  const salesCube = {
    qInfo: { qType: 'table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
    },
  };

  function texts(layout: {
    qHyperCube?: { qDataPages: { qMatrix: { qText?: string }[][] }[] };
  }): string[][] {
    return layout.qHyperCube!.qDataPages[0]!.qMatrix.map((row) =>
      row.map((cell) => cell.qText ?? ''),
    );
  }

  describe('reload and data model', () => {
    it('reports the reload log through GetProgress and the tables through GetTablesAndKeys', async () => {
      const tables = await doc.getTablesAndKeys(
        { qcx: 0, qcy: 0 },
        { qcx: 0, qcy: 0 },
        0,
        false,
        false,
      );
      const names = (tables as { qtr: { qName: string; qNoOfRows: number }[] }).qtr.map((table) => [
        table.qName,
        table.qNoOfRows,
      ]);
      expect(names).toEqual([
        ['Orders', 5],
        ['Customers', 3],
      ]);
      expect(
        (tables as { qk: { qKeyFields: string[]; qTables: string[] }[] }).qk.map((key) => [
          key.qKeyFields,
          key.qTables,
        ]),
      ).toEqual([[['Customer'], ['Orders', 'Customers']]]);
      const description = await doc.getFieldDescription('Amount');
      expect(description).toMatchObject({ qName: 'Amount', qCardinal: 5, qSrcTables: ['Orders'] });
    });

    it('keeps the old data when a reload fails, and says why', async () => {
      const other = await open(fixture, `${clientName}-reload-fails`);
      const app = await other.createSessionApp();
      await app.setScript(SALES_SCRIPT);
      await app.doReload();
      await app.setScript('T: LOAD * FROM [lib://DataFiles/none.csv] (txt);');
      expect(await app.doReload()).toBe(false);
      expect(await app.evaluate('Sum(Amount)')).toBe('45');
      const progress = await other.getProgress(0);
      expect(progress.qPersistentProgress).toMatch(/none\.csv/);
    });

    it('checks script syntax without running it', async () => {
      const other = await open(fixture, `${clientName}-syntax`);
      const app = await other.createSessionApp();
      await app.setScript('LOAD a, b\nFROM x.csv (txt, no such thing);');
      const errors = await app.checkScriptSyntax();
      expect(errors.length).toBe(1);
      await app.setScript(SALES_SCRIPT);
      expect(await app.checkScriptSyntax()).toEqual([]);
    });
  });

  describe('generic objects', () => {
    it('evaluates expressions with the engine number text (14 significant digits)', async () => {
      expect(await doc.evaluate('1/3')).toBe('0.33333333333333');
      expect(await doc.evaluate('Sum(Amount)/Count(OrderId)')).toBe('9');
      expect(await doc.evaluateEx('Avg(Amount) * 3')).toEqual({
        qText: '27',
        qIsNumeric: true,
        qNumber: 27,
      });
    });

    it('computes hypercubes and recomputes them after a selection, announcing the change', async () => {
      const object = await doc.createSessionObject(salesCube);
      const before = await object.getLayout();
      expect(before.qHyperCube!.qDataPages[0]).toMatchObject({
        qIsReduced: false,
        qArea: { qTop: 0, qHeight: 3, qWidth: 2 },
      });
      expect(texts(before)).toEqual([
        ['Alice', '30'],
        ['Bob', '8'],
        ['Carol', '7'],
      ]);
      let changes = 0;
      object.on('changed', () => changes++);
      const product = await doc.getField('Product');
      expect(await product.select('Apple')).toBe(true);
      expect(changes).toBe(1);
      expect(texts(await object.getLayout())).toEqual([
        ['Alice', '10'],
        ['Bob', '5'],
      ]);
      await doc.clearAll();
      expect(texts(await object.getLayout())).toEqual([
        ['Alice', '30'],
        ['Bob', '8'],
        ['Carol', '7'],
      ]);
    });

    it('stores properties, applies patches, and keeps soft patches out of the properties', async () => {
      const object = await doc.createObject({
        qInfo: { qId: 'kpi-1', qType: 'kpi' },
        title: 'Total',
        qStringExpression: { qExpr: "='Sum: ' & Sum(Amount)" },
      });
      expect((await object.getLayout()) as Record<string, unknown>).toMatchObject({
        title: 'Total',
        qStringExpression: 'Sum: 45',
      });
      await object.applyPatches(
        [{ qOp: 'replace', qPath: '/title', qValue: '"Grand total"' }],
        false,
      );
      expect(await object.getProperties()).toMatchObject({ title: 'Grand total' });
      await object.applyPatches([{ qOp: 'add', qPath: '/color', qValue: '"red"' }], true);
      expect(await object.getLayout()).toMatchObject({ color: 'red', qHasSoftPatches: true });
      expect(await object.getProperties()).not.toHaveProperty('color');
      expect(await object.getEffectiveProperties()).toMatchObject({ color: 'red' });
      expect(await doc.destroyObject('kpi-1')).toBe(true);
    });

    it('manages children and full property trees', async () => {
      const parent = await doc.createObject({
        qInfo: { qId: 'sheet-1', qType: 'sheet' },
        qChildListDef: { qData: { title: '/title' } },
      });
      const child = await parent.createChild({
        qInfo: { qId: 'chart-1', qType: 'barchart' },
        title: 'Bars',
      });
      expect((await child.getParent()).id).toBe('sheet-1');
      expect((await parent.getChildInfos()).map((info) => info.qId)).toEqual(['chart-1']);
      const layout = await parent.getLayout();
      expect((layout as { qChildList: { qItems: unknown[] } }).qChildList.qItems).toEqual([
        expect.objectContaining({
          qInfo: { qId: 'chart-1', qType: 'barchart' },
          qData: { title: 'Bars' },
        }),
      ]);
      const tree = await parent.getFullPropertyTree();
      expect(tree.qChildren?.map((entry) => entry.qProperty?.qInfo.qId)).toEqual(['chart-1']);
      await parent.setFullPropertyTree({
        qProperty: { qInfo: { qId: 'sheet-1', qType: 'sheet' } },
        qChildren: [],
      });
      expect(await parent.getChildInfos()).toEqual([]);
      await doc.destroyObject('sheet-1');
    });

    it('lists app objects, fields (hiding system ones), master items and variables', async () => {
      await doc.createMeasure({
        qInfo: { qId: 'm-total', qType: 'measure' },
        qMeasure: { qLabel: 'Total', qDef: 'Sum(Amount)' },
      });
      await doc.createDimension({
        qInfo: { qId: 'd-cust', qType: 'dimension' },
        qDim: { qGrouping: 'N', qFieldDefs: ['Customer'], qFieldLabels: [''] },
      });
      const lists = await doc.createSessionObject({
        qInfo: { qType: 'lists' },
        qFieldListDef: {},
        qMeasureListDef: { qType: 'measure', qData: { label: '/qMeasure/qLabel' } },
        qDimensionListDef: { qType: 'dimension' },
        qVariableListDef: { qType: 'variable', qShowReserved: true, qShowConfig: true },
        qAppObjectListDef: { qType: 'table' },
      });
      const layout = (await lists.getLayout()) as Record<
        string,
        { qItems: Record<string, unknown>[] }
      >;
      expect(layout.qFieldList!.qItems.map((item) => item.qName)).toEqual([
        'OrderId',
        'Customer',
        'Product',
        'Amount',
        'Country',
      ]);
      expect(layout.qMeasureList!.qItems).toEqual([
        expect.objectContaining({
          qInfo: { qId: 'm-total', qType: 'measure' },
          qData: { label: 'Total' },
        }),
      ]);
      expect(
        layout.qDimensionList!.qItems.map((item) => (item.qInfo as { qId: string }).qId),
      ).toEqual(['d-cust']);
      const variables = layout.qVariableList!.qItems;
      expect(variables).toContainEqual(
        expect.objectContaining({
          qName: 'vTarget',
          qDefinition: '42',
          qIsScriptCreated: true,
          qIsReserved: false,
        }),
      );
      const measure = await doc.getMeasure('m-total');
      expect(await measure.getLayout()).toMatchObject({ qMeasure: { qLabel: 'Total' } });
      const dimension = await doc.getDimension('d-cust');
      expect(await dimension.getLayout()).toMatchObject({
        qDimInfos: [expect.objectContaining({ qCardinal: 3 })],
      });
    });

    it('selects through list objects and shows the current selections', async () => {
      const listbox = await doc.createSessionObject({
        qInfo: { qType: 'listbox' },
        qListObjectDef: {
          qDef: { qFieldDefs: ['Customer'] },
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 10 }],
        },
      });
      const selections = await doc.createSessionObject({
        qInfo: { qType: 'current' },
        qSelectionObjectDef: {},
      });
      const bob = (await listbox.getLayout()).qListObject!.qDataPages[0]!.qMatrix.find(
        (row) => row[0]!.qText === 'Bob',
      )![0]!;
      expect(
        await listbox.selectListObjectValues('/qListObjectDef', [bob.qElemNumber!], false),
      ).toBe(true);
      const states = (await listbox.getLayout()).qListObject!.qDataPages[0]!.qMatrix.map(
        (row) => `${row[0]!.qText}:${row[0]!.qState}`,
      );
      expect(states).toEqual(['Bob:S', 'Alice:A', 'Carol:A']);
      const current = (await selections.getLayout()).qSelectionObject!;
      expect(current.qSelections).toEqual([
        expect.objectContaining({
          qField: 'Customer',
          qSelected: 'Bob',
          qSelectedCount: 1,
          qTotal: 3,
        }),
      ]);
      expect(await doc.evaluate('Only(Country)')).toBe('NO');
      await doc.clearAll();
    });

    it('blocks selections from other objects during a modal selection and can roll back', async () => {
      const a = await doc.createSessionObject({ ...salesCube, qInfo: { qType: 'a' } });
      const b = await doc.createSessionObject({ ...salesCube, qInfo: { qType: 'b' } });
      await a.beginSelections(['/qHyperCubeDef']);
      expect((await a.getLayout()).qSelectionInfo.qInSelections).toBe(true);
      expect(await a.selectHyperCubeValues('/qHyperCubeDef', 0, [0], false)).toBe(true);
      await expect(b.selectHyperCubeValues('/qHyperCubeDef', 0, [1], false)).rejects.toMatchObject({
        code: 6003,
      });
      await a.endSelections(false);
      expect(texts(await a.getLayout())).toHaveLength(3);
    });
  });

  describe('variables, bookmarks and states', () => {
    it('creates variables, evaluates = definitions and sets values', async () => {
      const variable = await doc.createVariableEx({
        qInfo: { qType: 'variable' },
        qName: 'vSum',
        qDefinition: '=Sum(Amount)',
      });
      expect(await variable.getLayout()).toMatchObject({ qName: 'vSum', qText: '45', qNum: 45 });
      await variable.setStringValue('hello');
      expect(await (await doc.getVariableByName('vSum')).getLayout()).toMatchObject({
        qText: 'hello',
      });
      await expect(doc.getVariableByName('nope')).rejects.toMatchObject({ code: 2 });
      expect(await doc.destroyVariableByName('vSum')).toBe(true);
    });

    it('restores selections from a bookmark', async () => {
      const customer = await doc.getField('Customer');
      await customer.select('Carol');
      const bookmark = await doc.createBookmark({
        qInfo: { qType: 'bookmark' },
        qMetaDef: { title: 'Carol only' },
      });
      await doc.clearAll();
      expect(await doc.evaluate('Sum(Amount)')).toBe('45');
      expect(await doc.applyBookmark(bookmark.id)).toBe(true);
      expect(await doc.evaluate('Sum(Amount)')).toBe('7');
      await doc.clearAll();
    });

    it('keeps alternate states apart', async () => {
      await doc.addAlternateState('Compare');
      const compareCustomer = await doc.getField('Customer', 'Compare');
      await compareCustomer.select('Alice');
      expect(await doc.evaluate('Sum({Compare} Amount)')).toBe('30');
      expect(await doc.evaluate('Sum(Amount)')).toBe('45');
      expect((await doc.getAppLayout()).qStateNames).toEqual(['Compare']);
      await doc.removeAlternateState('Compare');
    });

    it('searches values across fields and selects a match', async () => {
      const result = await doc.searchResults({ qSearchFields: ['Customer', 'Product'] }, ['an'], {
        qOffset: 0,
        qCount: 10,
        qMaxNbrFieldMatches: 5,
      });
      const items = result.qSearchGroupArray?.[0]?.qItems ?? [];
      expect(
        items.map((item) => [item.qIdentifier, item.qItemMatches?.map((match) => match.qText)]),
      ).toEqual([['Product', ['Banana']]]);
      await doc.selectAssociations({ qSearchFields: ['Product'] }, ['an'], 0);
      expect(await doc.evaluate('Sum(Amount)')).toBe('23');
      await doc.clearAll();
    });
  });
});
