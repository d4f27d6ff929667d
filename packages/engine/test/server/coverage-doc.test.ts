import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, Global } from '@qlikit/qix';
import { CLIENTS, closeEnigmaSessions, selectedValues } from './helpers/clients.js';
import {
  reloadedSessionApp,
  SALES_SCRIPT,
  startFixture,
  type EngineFixture,
} from './helpers/engineFixture.js';

// Get* of a missing object answers the null interface; both clients turn it into their error -2.
const CLIENT_OBJECT_NOT_FOUND = -2;

/**
 * The deprecated Variable class that GetVariable hands out. The engine's current spec no longer
 * describes it, so @qlikit/qix's generated types type GetVariable's answer as a GenericVariable.
 */
interface DeprecatedVariable {
  readonly type: string;
  getContent(): Promise<{ qString: string; qIsNum: boolean }>;
  getRawContent(): Promise<string>;
  setContent(qContent: string, qUpdateMRU: boolean): Promise<boolean>;
  forceContent(qs: string, qd: number): Promise<unknown>;
  getNxProperties(): Promise<unknown>;
  setNxProperties(qProperties: Record<string, unknown>): Promise<unknown>;
}

// Orders: 1 Alice Apple 10, 2 Alice Banana 20, 3 Bob Apple 5, 4 Carol Cherry 7, 5 Bob Banana 3.
// Customers: Alice SE, Bob NO, Carol SE. Sum(Amount) is 45 with nothing selected.

describe.each(CLIENTS)('Doc methods through %s', (clientName, open) => {
  let fixture: EngineFixture;
  let global: Global;
  let doc: Doc;

  beforeAll(async () => {
    fixture = await startFixture();
    global = await open(fixture, `${clientName}-doc`);
    doc = await reloadedSessionApp(global);
  });
  afterAll(async () => {
    await closeEnigmaSessions();
    await fixture.close();
  });

  describe('script, reload and app', () => {
    it('reloads with DoReloadEx and reports success and the log', async () => {
      const other = await open(fixture, `${clientName}-reload-ex`);
      const app = await other.createSessionApp();
      await app.setScript(SALES_SCRIPT);
      expect(await app.getScript()).toBe(SALES_SCRIPT);
      const result = await app.doReloadEx({ qMode: 0, qPartial: false, qDebug: false });
      expect(result).toMatchObject({ qSuccess: true, qEndedWithMemoryConstraint: false });
      expect(Object.keys(result).sort()).toEqual([
        'qEndedWithMemoryConstraint',
        'qScriptLogFile',
        'qSuccess',
      ]);
      const progress = await other.getProgress(0);
      expect(progress.qPersistentProgress).toMatch(/Orders/);
      expect(progress.qPersistentProgress).toMatch(/Customers/);
      expect(await app.evaluate('Count(OrderId)')).toBe('5');
      await app.setScript('T: LOAD * FROM [lib://DataFiles/missing.csv] (txt);');
      expect(await app.doReloadEx()).toMatchObject({ qSuccess: false });
      expect(await app.evaluate('Sum(Amount)')).toBe('45');
    });

    it('runs a partial reload: tables stay, ADD loads append, plain loads are skipped', async () => {
      const other = await open(fixture, `${clientName}-partial`);
      const app = await other.createSessionApp();
      await app.setScript(
        'T: LOAD * INLINE [\nN\n1\n2\n];\nT: ADD LOAD RecNo() + 100 AS N AUTOGENERATE 1;\nU: LOAD 5 AS M AUTOGENERATE 1;',
      );
      expect(await app.doReload()).toBe(true);
      expect(await app.evaluate('Count(N)')).toBe('3');
      expect(await app.doReload(0, true, false)).toBe(true);
      expect(await app.evaluate('Count(N)')).toBe('4');
      expect(await app.evaluate('Sum(M)')).toBe('5');
      const progress = await other.getProgress(0);
      expect(progress.qPersistentProgress).toMatch(/U skipped in a partial reload/);
      expect(await app.doReloadEx({ qMode: 0, qPartial: true, qDebug: false })).toMatchObject({
        qSuccess: true,
      });
      expect(await app.evaluate('Count(N)')).toBe('5');
      expect(await app.doReload()).toBe(true);
      expect(await app.evaluate('Count(N)')).toBe('3');
    });

    it('runs a limited load (qRowLimit) from every kind of source and skips STORE (qSkipStore)', async () => {
      const other = await open(fixture, `${clientName}-limited`);
      const app = await other.createSessionApp();
      const file = `lib://DataFiles/${clientName}-limited.csv`;
      await app.setScript(
        [
          'T: LOAD N * 2 AS D, N;',
          'LOAD * INLINE [\nN\n1\n2\n3\n4\n];',
          'G: LOAD RecNo() AS G AUTOGENERATE 10;',
          'R: LOAD N * 10 AS R RESIDENT T;',
          `STORE G INTO [${file}] (txt);`,
        ].join('\n'),
      );
      const limited = { qMode: 0, qPartial: false, qDebug: false, qRowLimit: 2 };
      expect(await app.doReloadEx({ ...limited, qSkipStore: true })).toMatchObject({
        qSuccess: true,
      });
      expect(await app.evaluate('Count(N) & Sum(D) & Count(G) & Count(R)')).toBe('2622');
      expect((await other.getProgress(0)).qPersistentProgress).toMatch(/STORE G skipped/);
      await app.setScript(`F: LOAD * FROM [${file}] (txt);`);
      expect(await app.doReloadEx()).toMatchObject({ qSuccess: false });

      // The same script stores without qSkipStore; a limited load of the file reads 3 of its 10 rows.
      await app.setScript(`G: LOAD RecNo() AS G AUTOGENERATE 10;\nSTORE G INTO [${file}] (txt);`);
      expect(await app.doReloadEx({ ...limited, qRowLimit: -1 })).toMatchObject({ qSuccess: true });
      expect(await app.evaluate('Count(G)')).toBe('10');
      await app.setScript(`F: LOAD * FROM [${file}] (txt);`);
      expect(await app.doReloadEx({ ...limited, qRowLimit: 3 })).toMatchObject({ qSuccess: true });
      expect(await app.evaluate('Count(G) & Max(G)')).toBe('33');
      expect(await app.doReloadEx({ ...limited, qRowLimit: 0 })).toMatchObject({ qSuccess: true });
      expect(await app.evaluate('Count(G)')).toBe('0');
      await expect(app.doReloadEx({ ...limited, qRowLimit: 'many' as never })).rejects.toThrow(
        /qRowLimit/,
      );
    });

    it('saves a stored app and shows its properties in the app layout', async () => {
      const other = await open(fixture, `${clientName}-props`);
      const { qAppId } = await other.createApp('Props app');
      const app = await other.openDoc(qAppId);
      await app.setAppProperties({ qTitle: 'Renamed', description: 'hand made' } as never);
      expect(await app.getAppProperties()).toMatchObject({
        qTitle: 'Renamed',
        description: 'hand made',
      });
      const layout = await app.getAppLayout();
      expect(layout).toMatchObject({
        qTitle: 'Renamed',
        qFileName: qAppId,
        qHasScript: false,
        qHasData: false,
        qIsSessionApp: false,
      });
      await app.doSave();
      const reader = await open(fixture, `${clientName}-props-reader`);
      expect((await reader.getDocList()).find((entry) => entry.qDocId === qAppId)?.qTitle).toBe(
        'Renamed',
      );
    });

    it('reports the locale from the script variables', async () => {
      const locale = await doc.getLocaleInfo();
      expect(locale).toMatchObject({ qDecimalSep: '.', qThousandSep: ',', qFirstWeekDay: 0 });
      expect(locale.qCalendarStrings?.qMonthNames).toHaveLength(12);
      expect(locale.qCalendarStrings?.qDayNames).toHaveLength(7);
    });
  });

  describe('data model', () => {
    it('reads table rows with GetTableData: a header row of field names, then the rows from qOffset', async () => {
      const rows = await doc.getTableData(1, 2, false, 'Orders');
      expect(rows.map((row) => row.qValue.map((value) => value.qText))).toEqual([
        ['OrderId', 'Customer', 'Product', 'Amount'],
        ['2', 'Alice', 'Banana', '20'],
        ['3', 'Bob', 'Apple', '5'],
      ]);
      expect(rows[1]!.qValue).toEqual([
        { qText: '2', qIsNumeric: true, qNumber: 2 },
        { qText: 'Alice', qIsNumeric: false },
        { qText: 'Banana', qIsNumeric: false },
        { qText: '20', qIsNumeric: true, qNumber: 20 },
      ]);
      // Past the end: just the header.
      expect(await doc.getTableData(5, 10, false, 'Customers')).toHaveLength(1);
      await expect(doc.getTableData(0, 1, false, 'Nope')).rejects.toMatchObject({ code: 2 });
    });

    it('resolves field names with GetFieldOnTheFlyByName', async () => {
      expect(await doc.getFieldOnTheFlyByName('Country')).toBe('Country');
      expect(await doc.getFieldOnTheFlyByName('Nope')).toBe('');
    });

    it('describes a key field', async () => {
      expect(await doc.getFieldDescription('Customer')).toMatchObject({
        qName: 'Customer',
        qCardinal: 3,
        qSrcTables: ['Orders', 'Customers'],
      });
    });
  });

  describe('selections across the doc', () => {
    it('locks and unlocks every field, and steps back and forward through the selections', async () => {
      const customer = await doc.getField('Customer');
      const product = await doc.getField('Product');
      await customer.select('Alice');
      await doc.lockAll();
      expect(await product.select('Apple')).toBe(true);
      await doc.clearAll();
      // Customer is locked: ClearAll keeps it, clears Product.
      expect(await selectedValues(doc)).toEqual({ Customer: ['Alice'] });
      expect(await doc.evaluate('Sum(Amount)')).toBe('30');
      await doc.unlockAll();
      await doc.clearAll();
      expect(await doc.evaluate('Sum(Amount)')).toBe('45');

      await customer.select('Bob');
      await product.select('Banana');
      expect(await doc.evaluate('Sum(Amount)')).toBe('3');
      await doc.back();
      expect(await doc.evaluate('Sum(Amount)')).toBe('8');
      await doc.back();
      expect(await doc.evaluate('Sum(Amount)')).toBe('45');
      await doc.forward();
      expect(await doc.evaluate('Sum(Amount)')).toBe('8');
      await doc.forward();
      expect(await doc.evaluate('Sum(Amount)')).toBe('3');
      await doc.clearAll();
    });

    it('clears everything with ClearAll(true) even locked fields', async () => {
      const country = await doc.getField('Country');
      await country.select('SE');
      await country.lock();
      await doc.clearAll(false);
      expect(await doc.evaluate('Sum(Amount)')).toBe('37');
      await doc.clearAll(true);
      expect(await doc.evaluate('Sum(Amount)')).toBe('45');
      await country.unlock();
    });

    it('evaluates expressions with EvaluateEx as text, number and whether it is numeric', async () => {
      expect(await doc.evaluateEx('Sum(Amount) / 2')).toEqual({
        qText: '22.5',
        qIsNumeric: true,
        qNumber: 22.5,
      });
      expect(await doc.evaluateEx("'x' & Count(DISTINCT Customer)")).toEqual({
        qText: 'x3',
        qIsNumeric: false,
        qNumber: 0,
      });
      expect(await doc.evaluate('Max(Amount) - Min(Amount)')).toBe('17');
    });

    it('suggests and finds search matches, and selects associations', async () => {
      const suggest = await doc.searchSuggest({ qSearchFields: ['Customer', 'Product'] }, ['b']);
      expect(suggest.qSuggestions.map((item) => item.qValue).sort()).toEqual(['Banana', 'Bob']);
      expect(suggest.qFieldNames.sort()).toEqual(['Customer', 'Product']);
      await doc.selectAssociations({ qSearchFields: ['Customer'] }, ['carol'], 0);
      expect(await selectedValues(doc)).toEqual({ Customer: ['Carol'] });
      expect(await doc.evaluate('Sum(Amount)')).toBe('7');
      await doc.clearAll();
    });
  });

  describe('objects', () => {
    it('creates, finds, lists and destroys objects and session objects', async () => {
      await doc.createObject({
        qInfo: { qId: 'cov-sheet', qType: 'sheet' },
        qMetaDef: { title: 'Sheet one' },
      });
      await doc.createObject({ qInfo: { qId: 'cov-bar', qType: 'barchart' } });
      const session = await doc.createSessionObject({
        qInfo: { qId: 'cov-session', qType: 'barchart' },
      });
      expect(session.id).toBe('cov-session');
      expect((await doc.getObject('cov-bar')).id).toBe('cov-bar');

      const ids = async (options: Record<string, unknown>) =>
        (await doc.getObjects(options as never)).map((entry) => entry.qInfo.qId).sort();
      expect(await ids({ qTypes: ['barchart'] })).toEqual(['cov-bar']);
      expect(await ids({ qTypes: ['barchart'], qIncludeSessionObjects: true })).toEqual([
        'cov-bar',
        'cov-session',
      ]);
      expect(await ids({ qTypes: ['sheet', 'barchart'] })).toEqual(['cov-bar', 'cov-sheet']);
      const sheet = (
        await doc.getObjects({
          qTypes: ['sheet'],
          qData: { title: '/qMetaDef/title', none: '/nothing' },
        } as never)
      )[0]!;
      expect(sheet.qMeta).toMatchObject({ title: 'Sheet one' });
      expect(sheet.qData).toEqual({ title: 'Sheet one' });

      const infos = await doc.getAllInfos();
      expect(infos).toContainEqual({ qId: 'cov-sheet', qType: 'sheet' });
      expect(infos).toContainEqual({ qId: 'cov-bar', qType: 'barchart' });
      expect(infos.map((info) => info.qId)).not.toContain('cov-session');

      expect(await doc.destroySessionObject('cov-session')).toBe(true);
      expect(await doc.destroySessionObject('cov-session')).toBe(false);
      expect(await doc.destroyObject('cov-bar')).toBe(true);
      expect(await doc.destroyObject('cov-bar')).toBe(false);
      await expect(doc.getObject('cov-bar')).rejects.toMatchObject({
        code: CLIENT_OBJECT_NOT_FOUND,
      });
      expect(await doc.destroyObject('cov-sheet')).toBe(true);
    });

    it('creates, reads and destroys master dimensions and measures', async () => {
      const measure = await doc.createMeasure({
        qInfo: { qId: 'cov-m', qType: 'measure' },
        qMeasure: { qLabel: 'Avg', qDef: 'Avg(Amount)' },
      });
      expect(await measure.getMeasure()).toMatchObject({ qLabel: 'Avg', qDef: 'Avg(Amount)' });
      expect(await measure.getInfo()).toEqual({ qId: 'cov-m', qType: 'measure' });
      const dimension = await doc.createDimension({
        qInfo: { qId: 'cov-d', qType: 'dimension' },
        qDim: { qGrouping: 'N', qFieldDefs: ['Country'], qFieldLabels: ['Land'] },
      });
      expect(await dimension.getDimension()).toMatchObject({ qFieldDefs: ['Country'] });
      expect(await dimension.getLayout()).toMatchObject({
        qInfo: { qId: 'cov-d' },
        qDimInfos: [expect.objectContaining({ qCardinal: 2 })],
      });
      await measure.setProperties({
        qInfo: { qId: 'cov-m', qType: 'measure' },
        qMeasure: { qLabel: 'Average', qDef: 'Avg(Amount)' },
      });
      expect(await (await doc.getMeasure('cov-m')).getLayout()).toMatchObject({
        qMeasure: { qLabel: 'Average' },
      });
      expect(await doc.destroyMeasure('cov-m')).toBe(true);
      expect(await doc.destroyDimension('cov-d')).toBe(true);
      expect(await doc.destroyDimension('cov-d')).toBe(false);
      await expect(doc.getMeasure('cov-m')).rejects.toMatchObject({
        code: CLIENT_OBJECT_NOT_FOUND,
      });
    });
  });

  describe('variables', () => {
    it('creates session variables and finds and destroys variables by id and name', async () => {
      const session = await doc.createSessionVariable({
        qInfo: { qId: 'cov-v-session', qType: 'variable' },
        qName: 'vHalf',
        qDefinition: '=Sum(Amount)/2',
      });
      expect(await session.getLayout()).toMatchObject({
        qName: 'vHalf',
        qText: '22.5',
        qNum: 22.5,
      });
      const stored = await doc.createVariableEx({
        qInfo: { qId: 'cov-v', qType: 'variable' },
        qName: 'vFactor',
        qDefinition: '3',
      });
      expect((await doc.getVariableById('cov-v')).id).toBe(stored.id);
      expect(await (await doc.getVariableByName('VFACTOR')).getLayout()).toMatchObject({
        qName: 'vFactor',
        qText: '3',
        qNum: 3,
      });
      await expect(
        doc.createVariableEx({ qInfo: { qType: 'variable' }, qName: 'vFactor', qDefinition: '1' }),
      ).rejects.toMatchObject({ code: 3 });
      expect(await doc.destroyVariableById('cov-v')).toBe(true);
      expect(await doc.destroyVariableById('cov-v')).toBe(false);
      await expect(doc.getVariableById('cov-v')).rejects.toMatchObject({ code: 2 });
      expect(await doc.destroySessionVariableByName('vHalf')).toBe(true);
      await expect(doc.getVariableByName('vHalf')).rejects.toMatchObject({ code: 2 });
    });

    it('hands out the deprecated Variable class with GetVariable: content, raw content, NxProperties', async () => {
      const generic = await doc.createSessionVariable({
        qInfo: { qType: 'variable' },
        qName: 'vOld',
        qDefinition: '=Sum(Amount)',
      });
      const variable = (await doc.getVariable('VOLD')) as unknown as DeprecatedVariable;
      expect(variable.type).toBe('Variable');
      expect(await variable.getContent()).toEqual({ qString: '45', qIsNum: true });
      expect(await variable.getRawContent()).toBe('=Sum(Amount)');
      expect(await variable.setContent('abc', true)).toBe(true);
      expect(await variable.getContent()).toEqual({ qString: 'abc', qIsNum: false });
      expect((await generic.getLayout()).qText).toBe('abc');
      await variable.forceContent('', 7);
      expect(await doc.evaluate('$(vOld) * 2')).toBe('14');
      await variable.setNxProperties({
        qName: 'vRenamed',
        qIncludeInBookmark: true,
        qUsePredefListedValues: true,
        qPreDefinedList: ['1', '2'],
      });
      expect(await variable.getNxProperties()).toEqual({
        qName: 'vRenamed',
        qIncludeInBookmark: true,
        qUsePredefListedValues: true,
        qPreDefinedList: ['1', '2'],
      });
      expect((await generic.getProperties()).qName).toBe('vRenamed');
      await expect(variable.setNxProperties({ qName: 'vTarget' })).rejects.toMatchObject({
        code: 8,
      });
      await expect(doc.getVariable('vNoSuch')).rejects.toMatchObject({ code: 2 });
      await doc.destroySessionVariableByName('vRenamed');
    });

    it('expands $(vName) in measures and expressions, evaluating = definitions', async () => {
      const variable = await doc.createSessionVariable({
        qInfo: { qType: 'variable' },
        qName: 'vBonus',
        qDefinition: '100',
      });
      await doc.createSessionVariable({
        qInfo: { qType: 'variable' },
        qName: 'vTotal',
        qDefinition: '=Sum(Amount)',
      });
      expect(await doc.evaluate('Sum(Amount) + $(vBonus)')).toBe('145');
      // The script's SET vTarget = 42.
      expect(await doc.evaluate('$(vTarget) * 2')).toBe('84');
      // An = variable expands to its value over all the data, inside a per-customer measure.
      expect(await doc.evaluate('$(vTotal) - 40')).toBe('5');
      expect(await doc.evaluate('$(=Count(DISTINCT Customer)) + 1')).toBe('4');
      const chart = await doc.createSessionObject({
        qInfo: { qType: 'table' },
        qHyperCubeDef: {
          qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
          qMeasures: [
            { qDef: { qDef: 'Sum(Amount) * $(vBonus)' } },
            { qDef: { qDef: 'Sum(Amount) / $(vTotal)' } },
          ],
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 10 }],
        },
      });
      const numbers = async () =>
        (await chart.getLayout()).qHyperCube!.qDataPages[0]!.qMatrix.map((row) =>
          row.map((cell) => cell.qNum),
        );
      expect(await numbers()).toEqual([
        ['NaN', 3000, 30 / 45],
        ['NaN', 800, 8 / 45],
        ['NaN', 700, 7 / 45],
      ]);
      await variable.setNumValue(1);
      expect((await numbers()).map((row) => row[1])).toEqual([30, 8, 7]);
      await doc.destroySessionVariableByName('vBonus');
      await doc.destroySessionVariableByName('vTotal');
    });

    it('recomputes charts of every session on a stored app when one session changes a variable they expand', async () => {
      const first = await open(fixture, `${clientName}-var-first`);
      const { qAppId } = await first.createApp('Variables shared');
      const mine = await first.openDoc(qAppId);
      await mine.setScript(SALES_SCRIPT);
      await mine.doReload();
      await mine.createVariableEx({
        qInfo: { qType: 'variable' },
        qName: 'vShare',
        qDefinition: '2',
      });
      const theirsGlobal = await open(fixture, `${clientName}-var-second`);
      const theirs = await theirsGlobal.openDoc(qAppId);
      const chart = await theirs.createSessionObject({
        qInfo: { qType: 'table' },
        qHyperCubeDef: {
          qDimensions: [],
          qMeasures: [{ qDef: { qDef: 'Sum(Amount) * $(vShare)' } }],
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 1 }],
        },
      });
      const value = async () =>
        (await chart.getLayout()).qHyperCube!.qDataPages[0]!.qMatrix[0]![0]!.qNum;
      expect(await value()).toBe(90);
      await (await mine.getVariableByName('vShare')).setNumValue(10);
      expect(await value()).toBe(450);
    });
  });

  describe('bookmarks and states', () => {
    it('gets, lists, applies and destroys bookmarks, of the default and an alternate state', async () => {
      await doc.addAlternateState('B');
      await (await doc.getField('Product')).select('Banana');
      await (await doc.getField('Customer', 'B')).select('Carol');
      const created = await doc.createBookmark({
        qInfo: { qId: 'cov-bm', qType: 'bookmark' },
        qMetaDef: { title: 'Banana and Carol' },
      });
      await doc.createBookmark({
        qInfo: { qId: 'cov-story', qType: 'snapshot' },
        qMetaDef: { title: 'Other type' },
      });
      await doc.clearAll();
      await doc.clearAll(false, 'B');
      expect(await doc.evaluate('Sum({B} Amount)')).toBe('45');

      const bookmark = await doc.getBookmark('cov-bm');
      expect(bookmark.id).toBe(created.id);
      const layout = (await bookmark.getLayout()) as unknown as {
        qMeta: { title: string };
        qBookmark: {
          qStateData: { qStateName: string; qFieldItems: { qDef: { qName: string } }[] }[];
        };
      };
      expect(layout.qMeta.title).toBe('Banana and Carol');
      const stateData = Object.fromEntries(
        layout.qBookmark.qStateData.map((state) => [
          state.qStateName,
          state.qFieldItems.map((item) => item.qDef.qName),
        ]),
      );
      expect(stateData).toEqual({ $: ['Product'], B: ['Customer'] });
      expect(
        (
          await doc.getBookmarks({
            qTypes: ['bookmark'],
            qData: { title: '/qMetaDef/title' },
          } as never)
        ).map((entry) => [entry.qInfo.qId, entry.qData]),
      ).toEqual([['cov-bm', { title: 'Banana and Carol' }]]);
      expect(
        (await doc.getBookmarks({ qTypes: ['snapshot'] })).map((entry) => entry.qInfo.qId),
      ).toEqual(['cov-story']);
      expect(
        (await doc.getBookmarks({ qTypes: [] })).map((entry) => entry.qInfo.qId).sort(),
      ).toEqual(['cov-bm', 'cov-story']);

      expect(await doc.applyBookmark('cov-bm')).toBe(true);
      expect(await doc.evaluate('Sum(Amount)')).toBe('23');
      expect(await doc.evaluate('Sum({B} Amount)')).toBe('7');
      await doc.clearAll();
      expect(await bookmark.apply()).toBe(true);
      expect(await selectedValues(doc)).toEqual({ Product: ['Banana'] });
      expect(await selectedValues(doc, 'B')).toEqual({ Customer: ['Carol'] });

      expect(await doc.destroyBookmark('cov-bm')).toBe(true);
      expect(await doc.destroyBookmark('cov-bm')).toBe(false);
      expect(await doc.applyBookmark('cov-bm')).toBe(false);
      await expect(doc.getBookmark('cov-bm')).rejects.toMatchObject({
        code: CLIENT_OBJECT_NOT_FOUND,
      });
      await doc.destroyBookmark('cov-story');
      await doc.clearAll();
      await doc.removeAlternateState('B');
      expect((await doc.getAppLayout()).qStateNames).toEqual([]);
      await expect(doc.getField('Customer', 'B')).rejects.toMatchObject({ code: 2 });
    });
  });
});
