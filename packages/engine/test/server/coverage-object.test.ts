import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, GenericObject, Global } from '@qlikit/qix';
import { CLIENTS, closeEnigmaSessions, listStates, selectedValues } from './helpers/clients.js';
import { reloadedSessionApp, startFixture, type EngineFixture } from './helpers/engineFixture.js';

// Orders: 1 Alice Apple 10, 2 Alice Banana 20, 3 Bob Apple 5, 4 Carol Cherry 7, 5 Bob Banana 3.
// Customers: Alice SE, Bob NO, Carol SE.
// By Customer and Product the rows are: Alice Apple 10, Alice Banana 20, Bob Apple 5, Bob Banana 3, Carol Cherry 7.

type Json = Record<string, unknown>;

const twoDims = (extra: Json = {}): Json => ({
  qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }, { qDef: { qFieldDefs: ['Product'] } }],
  qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }, { qDef: { qDef: 'Count(OrderId)' } }],
  ...extra,
});

describe.each(CLIENTS)('GenericObject methods through %s', (clientName, open) => {
  let fixture: EngineFixture;
  let global: Global;
  let doc: Doc;

  beforeAll(async () => {
    fixture = await startFixture();
    global = await open(fixture, `${clientName}-object`);
    doc = await reloadedSessionApp(global);
    await doc.addAlternateState('Alt');
  });
  afterEach(async () => {
    // A failed modal test must not block the next one.
    await doc.abortModal(false);
    await doc.unlockAll();
    await doc.clearAll(true);
    await doc.unlockAll('Alt');
    await doc.clearAll(true, 'Alt');
  });
  afterAll(async () => {
    await closeEnigmaSessions();
    await fixture.close();
  });

  const total = () => doc.evaluate('Sum(Amount)');
  const listbox = (field: string, extra: Json = {}) =>
    doc.createSessionObject({
      qInfo: { qType: 'listbox' },
      qListObjectDef: {
        qDef: { qFieldDefs: [field] },
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 10 }],
      },
      ...extra,
    });

  describe('hypercube layouts', () => {
    it('has qSize, dimension state counts, measure min and max, the grand total and the initial page', async () => {
      const chart = await doc.createSessionObject({
        qInfo: { qType: 'table' },
        qHyperCubeDef: {
          qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
          qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
          qInitialDataFetch: [{ qTop: 1, qLeft: 0, qWidth: 2, qHeight: 5 }],
        },
      });
      const cube = (await chart.getLayout()).qHyperCube!;
      expect(cube.qSize).toEqual({ qcx: 2, qcy: 3 });
      expect(cube.qDimensionInfo[0]).toMatchObject({
        qFallbackTitle: 'Customer',
        qCardinal: 3,
        qStateCounts: {
          qLocked: 0,
          qSelected: 0,
          qOption: 3,
          qDeselected: 0,
          qAlternative: 0,
          qExcluded: 0,
          qSelectedExcluded: 0,
          qLockedExcluded: 0,
        },
      });
      expect(cube.qMeasureInfo[0]).toMatchObject({
        qFallbackTitle: 'Sum(Amount)',
        qMin: 7,
        qMax: 30,
      });
      expect(cube.qGrandTotalRow).toEqual([expect.objectContaining({ qText: '45', qNum: 45 })]);
      expect(cube.qDataPages).toHaveLength(1);
      expect(cube.qDataPages[0]!.qArea).toEqual({ qLeft: 0, qTop: 1, qWidth: 2, qHeight: 2 });
      expect(
        cube.qDataPages[0]!.qMatrix.map((row) => row.map((cell) => [cell.qText, cell.qNum])),
      ).toEqual([
        [
          ['Bob', 'NaN'],
          ['8', 8],
        ],
        [
          ['Carol', 'NaN'],
          ['7', 7],
        ],
      ]);

      await (await doc.getField('Customer')).select('Bob');
      await (await doc.getField('Country')).select('NO');
      const selected = (await chart.getLayout()).qHyperCube!;
      expect(selected.qDimensionInfo[0]!.qStateCounts).toEqual({
        qLocked: 0,
        qSelected: 1,
        qOption: 0,
        qDeselected: 0,
        qAlternative: 0,
        qExcluded: 2,
        qSelectedExcluded: 0,
        qLockedExcluded: 0,
      });
      expect(selected.qMeasureInfo[0]).toMatchObject({ qMin: 8, qMax: 8 });
      expect(selected.qGrandTotalRow[0]).toMatchObject({ qText: '8', qNum: 8 });
    });

    it('pages GetHyperCubeData and GetHyperCubeReducedData', async () => {
      const chart = await doc.createSessionObject({
        qInfo: { qType: 'table' },
        qHyperCubeDef: twoDims(),
      });
      const pages = await chart.getHyperCubeData('/qHyperCubeDef', [
        { qTop: 3, qLeft: 1, qWidth: 2, qHeight: 10 },
        { qTop: 0, qLeft: 0, qWidth: 1, qHeight: 1 },
      ]);
      expect(pages.map((page) => page.qMatrix.map((row) => row.map((cell) => cell.qText)))).toEqual(
        [
          [
            ['Banana', '3'],
            ['Cherry', '7'],
          ],
          [['Alice']],
        ],
      );
      expect(pages[0]!.qArea).toEqual({ qLeft: 1, qTop: 3, qWidth: 2, qHeight: 2 });
      const reduced = await chart.getHyperCubeReducedData(
        '/qHyperCubeDef',
        [{ qTop: 0, qLeft: 2, qWidth: 1, qHeight: 5 }],
        -1,
        'N',
      );
      expect(reduced[0]!.qMatrix.map((row) => row[0]!.qNum)).toEqual([10, 20, 5, 3, 7]);
    });

    it('computes a hypercube in an alternate state, by the object qStateName or the definition qStateName', async () => {
      const byObject = await doc.createSessionObject({
        qInfo: { qType: 'table' },
        qStateName: 'Alt',
        qHyperCubeDef: {
          ...twoDims(),
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 4, qHeight: 10 }],
        },
      });
      const byDef = await doc.createSessionObject({
        qInfo: { qType: 'table' },
        qHyperCubeDef: {
          ...twoDims(),
          qStateName: 'Alt',
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 4, qHeight: 10 }],
        },
      });
      await (await doc.getField('Customer', 'Alt')).select('Carol');
      for (const chart of [byObject, byDef]) {
        const cube = (await chart.getLayout()).qHyperCube!;
        expect(cube.qDataPages[0]!.qMatrix.map((row) => row.map((cell) => cell.qText))).toEqual([
          ['Carol', 'Cherry', '7', '1'],
        ]);
        expect(cube.qGrandTotalRow[0]).toMatchObject({ qNum: 7 });
      }
      expect(await total()).toBe('45');
      // Selecting from the object selects in its state.
      expect(await byObject.selectHyperCubeValues('/qHyperCubeDef', 1, [2], false)).toBe(true);
      expect(await selectedValues(doc, 'Alt')).toEqual({
        Customer: ['Carol'],
        Product: ['Cherry'],
      });
      expect(await selectedValues(doc)).toEqual({});
      await byObject.clearSelections('/qHyperCubeDef', [0]);
      expect(await selectedValues(doc, 'Alt')).toEqual({ Product: ['Cherry'] });
    });
  });

  describe('pivot and stacked pages', () => {
    it('nests the dimensions on the left of GetHyperCubePivotData, measures on top, with qUp and qDown for rows outside the page', async () => {
      const pivot = await doc.createSessionObject({
        qInfo: { qType: 'pivot-table' },
        qHyperCubeDef: twoDims({ qMode: 'P' }),
      });
      const [page] = await pivot.getHyperCubePivotData('/qHyperCubeDef', [
        { qTop: 1, qLeft: 0, qWidth: 2, qHeight: 3 },
      ]);
      const node = (cell: {
        qText: string;
        qType: string;
        qUp: number;
        qDown: number;
        qSubNodes: unknown[];
      }): unknown => ({
        text: cell.qText,
        type: cell.qType,
        up: cell.qUp,
        down: cell.qDown,
        sub: (cell.qSubNodes as (typeof cell)[]).map(node),
      });
      expect(page!.qLeft.map((cell) => node(cell as never))).toEqual([
        {
          text: 'Alice',
          type: 'N',
          up: 1,
          down: 0,
          sub: [{ text: 'Banana', type: 'N', up: 0, down: 0, sub: [] }],
        },
        {
          text: 'Bob',
          type: 'N',
          up: 0,
          down: 0,
          sub: [
            { text: 'Apple', type: 'N', up: 0, down: 0, sub: [] },
            { text: 'Banana', type: 'N', up: 0, down: 0, sub: [] },
          ],
        },
      ]);
      expect(page!.qTop.map((cell) => [cell.qText, cell.qType])).toEqual([
        ['Sum(Amount)', 'P'],
        ['Count(OrderId)', 'P'],
      ]);
      expect(page!.qData.map((row) => row.map((cell) => [cell.qNum, cell.qType]))).toEqual([
        [
          [20, 'V'],
          [1, 'V'],
        ],
        [
          [5, 'V'],
          [1, 'V'],
        ],
        [
          [3, 'V'],
          [1, 'V'],
        ],
      ]);
      expect(page!.qArea).toEqual({ qLeft: 0, qTop: 1, qWidth: 2, qHeight: 3 });

      const [first] = await pivot.getHyperCubePivotData('/qHyperCubeDef', [
        { qTop: 0, qLeft: 1, qWidth: 1, qHeight: 3 },
      ]);
      expect(
        first!.qLeft.map((cell) => [cell.qText, cell.qUp, cell.qDown, cell.qSubNodes.length]),
      ).toEqual([
        ['Alice', 0, 0, 2],
        ['Bob', 0, 1, 1],
      ]);
      expect(first!.qTop.map((cell) => cell.qText)).toEqual(['Count(OrderId)']);
      expect(first!.qData).toEqual([
        [expect.objectContaining({ qNum: 1, qText: '1' })],
        [expect.objectContaining({ qNum: 1 })],
        [expect.objectContaining({ qNum: 1 })],
      ]);
    });

    it('shows qPivotDataPages in the layout of a pivot-mode cube, with qSize counting data columns and left rows', async () => {
      const pivot = await doc.createSessionObject({
        qInfo: { qType: 'pivot-table' },
        qHyperCubeDef: twoDims({
          qMode: 'P',
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 2 }],
        }),
      });
      const cube = (await pivot.getLayout()).qHyperCube!;
      expect(cube.qMode).toBe('P');
      expect(cube.qSize).toEqual({ qcx: 2, qcy: 5 });
      expect(cube.qDataPages).toEqual([]);
      expect(cube.qPivotDataPages).toHaveLength(1);
      expect(cube.qPivotDataPages[0]!.qData.map((row) => row.map((cell) => cell.qNum))).toEqual([
        [10, 1],
        [20, 1],
      ]);
      expect(cube.qPivotDataPages[0]!.qLeft.map((cell) => cell.qText)).toEqual(['Alice']);
    });

    it('selects through pivot cells: left cells select their value, data cells their row', async () => {
      const pivot = await doc.createSessionObject({
        qInfo: { qType: 'pivot-table' },
        qHyperCubeDef: twoDims({ qMode: 'P' }),
      });
      expect(
        await pivot.selectPivotCells('/qHyperCubeDef', [
          { qType: 'L', qCol: 0, qRow: 4 },
          { qType: 'L', qCol: 1, qRow: 0 },
        ]),
      ).toBe(true);
      // Carol (row 4's customer) and Apple (row 0's product): no order has both.
      expect(await selectedValues(doc)).toEqual({ Customer: ['Carol'], Product: ['Apple'] });
      await doc.clearAll();
      expect(
        await pivot.selectPivotCells('/qHyperCubeDef', [{ qType: 'D', qCol: 0, qRow: 3 }]),
      ).toBe(true);
      expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Banana'] });
      expect(await total()).toBe('3');
    });

    it('puts the dimensions after qNoOfLeftDims on top, measures innermost, with empty cells where no data is', async () => {
      const oneMeasure = await doc.createSessionObject({
        qInfo: { qType: 'pivot-table' },
        qHyperCubeDef: {
          qMode: 'P',
          qNoOfLeftDims: 1,
          qDimensions: [
            { qDef: { qFieldDefs: ['Customer'] } },
            { qDef: { qFieldDefs: ['Product'] } },
          ],
          qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 3 }],
        },
      });
      const cube = (await oneMeasure.getLayout()).qHyperCube!;
      expect(cube.qSize).toEqual({ qcx: 3, qcy: 3 });
      const page = cube.qPivotDataPages[0]!;
      expect(page.qLeft.map((cell) => [cell.qText, cell.qSubNodes.length])).toEqual([
        ['Alice', 0],
        ['Bob', 0],
        ['Carol', 0],
      ]);
      expect(page.qTop.map((cell) => [cell.qText, cell.qType, cell.qSubNodes.length])).toEqual([
        ['Apple', 'N', 0],
        ['Banana', 'N', 0],
        ['Cherry', 'N', 0],
      ]);
      expect(page.qData.map((row) => row.map((cell) => `${cell.qText}:${cell.qType}`))).toEqual([
        ['10:V', '20:V', '-:E'],
        ['5:V', '3:V', '-:E'],
        ['-:E', '-:E', '7:V'],
      ]);

      const twoMeasures = await doc.createSessionObject({
        qInfo: { qType: 'pivot-table' },
        qHyperCubeDef: twoDims({ qMode: 'P', qNoOfLeftDims: 1 }),
      });
      expect((await twoMeasures.getLayout()).qHyperCube!.qSize).toEqual({ qcx: 6, qcy: 3 });
      const [paged] = await twoMeasures.getHyperCubePivotData('/qHyperCubeDef', [
        { qTop: 0, qLeft: 1, qWidth: 3, qHeight: 2 },
      ]);
      type Node = { qText: string; qType: string; qUp: number; qDown: number; qSubNodes: Node[] };
      const shape = (cell: Node): unknown => [
        cell.qText,
        cell.qType,
        cell.qUp,
        cell.qDown,
        cell.qSubNodes.map(shape),
      ];
      expect((paged!.qTop as Node[]).map(shape)).toEqual([
        ['Apple', 'N', 1, 0, [['Count(OrderId)', 'P', 0, 0, []]]],
        [
          'Banana',
          'N',
          0,
          0,
          [
            ['Sum(Amount)', 'P', 0, 0, []],
            ['Count(OrderId)', 'P', 0, 0, []],
          ],
        ],
      ]);
      expect((paged!.qLeft as Node[]).map(shape)).toEqual([
        ['Alice', 'N', 0, 0, []],
        ['Bob', 'N', 0, 0, []],
      ]);
      expect(paged!.qData.map((row) => row.map((cell) => cell.qNum))).toEqual([
        [1, 20, 1],
        [1, 3, 1],
      ]);
      expect(paged!.qArea).toEqual({ qLeft: 1, qTop: 0, qWidth: 3, qHeight: 2 });

      // A top cell selects its value; a data cell its row's and its column's values.
      expect(
        await twoMeasures.selectPivotCells('/qHyperCubeDef', [{ qType: 'T', qCol: 4, qRow: 0 }]),
      ).toBe(true);
      expect(await selectedValues(doc)).toEqual({ Product: ['Cherry'] });
      await doc.clearAll();
      expect(
        await twoMeasures.selectPivotCells('/qHyperCubeDef', [{ qType: 'D', qCol: 2, qRow: 1 }]),
      ).toBe(true);
      expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Banana'] });
    });

    it('nests GetHyperCubeStackData under a root cell, with qMaxPos and qMinNeg sums and qRow indexes', async () => {
      const stack = await doc.createSessionObject({
        qInfo: { qType: 'barchart' },
        qHyperCubeDef: {
          qMode: 'K',
          qDimensions: [
            { qDef: { qFieldDefs: ['Customer'] } },
            { qDef: { qFieldDefs: ['Product'] } },
          ],
          qMeasures: [{ qDef: { qDef: 'Sum(Amount) - 6' } }],
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 5 }],
        },
      });
      const [page] = await stack.getHyperCubeStackData(
        '/qHyperCubeDef',
        [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 5 }],
        10000,
      );
      expect(Object.keys(page!).sort()).toEqual(['qArea', 'qData']);
      expect(page!.qArea).toEqual({ qLeft: 0, qTop: 0, qWidth: 3, qHeight: 5 });
      expect(page!.qData).toHaveLength(1);
      const root = page!.qData[0]!;
      expect(root.qType).toBe('R');
      type Cell = {
        qText: string;
        qType: string;
        qMaxPos: number;
        qMinNeg: number;
        qRow: number;
        qValue: number | string;
        qSubNodes: Cell[];
      };
      const shape = (cell: Cell): unknown => [
        cell.qText,
        cell.qType,
        cell.qMaxPos,
        cell.qMinNeg,
        cell.qRow,
        cell.qSubNodes.map(shape),
      ];
      // Values: Alice Apple 4, Alice Banana 14, Bob Apple -1, Bob Banana -3, Carol Cherry 1.
      expect((root.qSubNodes as Cell[]).map(shape)).toEqual([
        [
          'Alice',
          'N',
          18,
          0,
          0,
          [
            ['Apple', 'N', 4, 0, 0, [['4', 'V', 4, 0, 0, []]]],
            ['Banana', 'N', 14, 0, 1, [['14', 'V', 14, 0, 1, []]]],
          ],
        ],
        [
          'Bob',
          'N',
          0,
          -4,
          2,
          [
            ['Apple', 'N', 0, -1, 2, [['-1', 'V', 0, -1, 2, []]]],
            ['Banana', 'N', 0, -3, 3, [['-3', 'V', 0, -3, 3, []]]],
          ],
        ],
        ['Carol', 'N', 1, 0, 4, [['Cherry', 'N', 1, 0, 4, [['1', 'V', 1, 0, 4, []]]]]],
      ]);
      expect(root).toMatchObject({ qMaxPos: 19, qMinNeg: -4 });
      const layout = (await stack.getLayout()).qHyperCube!;
      expect(layout.qMode).toBe('K');
      expect(layout.qStackedDataPages).toHaveLength(1);
      expect(
        (layout.qStackedDataPages[0]!.qData[0]!.qSubNodes as Cell[]).map((cell) => cell.qText),
      ).toEqual(['Alice', 'Bob', 'Carol']);

      const [second] = await stack.getHyperCubeStackData(
        '/qHyperCubeDef',
        [{ qTop: 2, qLeft: 0, qWidth: 3, qHeight: 2 }],
        10000,
      );
      expect(
        (second!.qData[0]!.qSubNodes as Cell[]).map((cell) => [
          cell.qText,
          cell.qSubNodes.map((sub) => sub.qText),
        ]),
      ).toEqual([['Bob', ['Apple', 'Banana']]]);
    });
  });

  describe('selecting from hypercubes', () => {
    it('selects cells by row and column, empty meaning all', async () => {
      const chart = await doc.createSessionObject({
        qInfo: { qType: 'table' },
        qHyperCubeDef: twoDims(),
      });
      expect(await chart.selectHyperCubeCells('/qHyperCubeDef', [1, 4], [0], false, false)).toBe(
        true,
      );
      expect(await selectedValues(doc)).toEqual({ Customer: ['Alice', 'Carol'] });
      expect(await total()).toBe('37');
      await doc.clearAll();
      expect(await chart.selectHyperCubeCells('/qHyperCubeDef', [2], [0, 1], false, false)).toBe(
        true,
      );
      expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Apple'] });
      await doc.clearAll();
      expect(await chart.selectHyperCubeCells('/qHyperCubeDef', [3], [], false, false)).toBe(true);
      expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Banana'] });
    });

    it('locks and unlocks the fields of dimensions, and clears their selections', async () => {
      const chart = await doc.createSessionObject({
        qInfo: { qType: 'table' },
        qHyperCubeDef: twoDims(),
      });
      await (await doc.getField('Customer')).select('Alice');
      await (await doc.getField('Product')).select('Apple');
      await chart.lock('/qHyperCubeDef', [0]);
      await doc.clearAll();
      expect(await selectedValues(doc)).toEqual({ Customer: ['Alice'] });
      await chart.unlock('/qHyperCubeDef', [0]);
      await (await doc.getField('Product')).select('Banana');
      await chart.clearSelections('/qHyperCubeDef', [1]);
      expect(await selectedValues(doc)).toEqual({ Customer: ['Alice'] });
      await chart.clearSelections('/qHyperCubeDef', []);
      expect(await selectedValues(doc)).toEqual({});
    });
  });

  describe('list objects', () => {
    it('pages GetListObjectData and counts states', async () => {
      const box = await listbox('Product');
      await (await doc.getField('Customer')).select('Bob');
      const layout = await box.getLayout();
      expect(layout.qListObject!.qDimensionInfo.qStateCounts).toMatchObject({
        qSelected: 0,
        qOption: 2,
        qExcluded: 1,
      });
      expect(listStates(layout).sort()).toEqual(['Apple:O', 'Banana:O', 'Cherry:X']);
      const [page] = await box.getListObjectData('/qListObjectDef', [
        { qTop: 1, qLeft: 0, qWidth: 1, qHeight: 5 },
      ]);
      expect(page!.qArea).toEqual({ qLeft: 0, qTop: 1, qWidth: 1, qHeight: 2 });
      expect(page!.qMatrix).toHaveLength(2);
      expect(layout.qListObject!.qSize).toEqual({ qcx: 1, qcy: 3 });
    });

    it('selects all, possible, excluded and alternative values of a list object', async () => {
      const box = await listbox('Product');
      expect(await box.selectListObjectAll('/qListObjectDef')).toBe(true);
      expect(await selectedValues(doc)).toEqual({ Product: ['Apple', 'Banana', 'Cherry'] });
      await doc.clearAll();
      await (await doc.getField('Customer')).select('Carol');
      expect(await box.selectListObjectPossible('/qListObjectDef')).toBe(true);
      expect(await selectedValues(doc)).toEqual({ Customer: ['Carol'], Product: ['Cherry'] });
      await doc.clearAll();
      await (await doc.getField('Customer')).select('Bob');
      await (await doc.getField('Product')).select('Apple');
      expect(await box.selectListObjectAlternative('/qListObjectDef')).toBe(true);
      expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Banana'] });
      expect(await box.selectListObjectExcluded('/qListObjectDef')).toBe(true);
      expect(await selectedValues(doc)).toEqual({
        Customer: ['Bob'],
        Product: ['Apple', 'Cherry'],
      });
    });

    it('searches a list object, then accepts or aborts the search', async () => {
      const box = await listbox('Product');
      expect(await box.searchListObjectFor('/qListObjectDef', 'ba')).toBe(true);
      // While the search is open the list shows only what it finds.
      const searching = (await box.getLayout()).qListObject!;
      expect(searching.qSize).toEqual({ qcx: 1, qcy: 1 });
      expect(searching.qDimensionInfo.qCardinal).toBe(1);
      expect(listStates({ qListObject: searching })).toEqual(['Banana:O']);
      const [found] = await box.getListObjectData('/qListObjectDef', [
        { qTop: 0, qLeft: 0, qWidth: 1, qHeight: 10 },
      ]);
      expect(found!.qMatrix.map((row) => row[0]!.qText)).toEqual(['Banana']);
      expect(found!.qArea).toEqual({ qLeft: 0, qTop: 0, qWidth: 1, qHeight: 1 });
      await box.abortListObjectSearch('/qListObjectDef');
      expect((await box.getLayout()).qListObject!.qSize).toEqual({ qcx: 1, qcy: 3 });
      await box.acceptListObjectSearch('/qListObjectDef', false);
      expect(await selectedValues(doc)).toEqual({});
      expect(await box.searchListObjectFor('/qListObjectDef', 'ba')).toBe(true);
      await box.acceptListObjectSearch('/qListObjectDef', false);
      expect(await selectedValues(doc)).toEqual({ Product: ['Banana'] });
      expect(await total()).toBe('23');
      // Toggle mode keeps the selections the field had.
      expect(await box.searchListObjectFor('/qListObjectDef', 'ch')).toBe(true);
      await box.acceptListObjectSearch('/qListObjectDef', true);
      expect(await selectedValues(doc)).toEqual({ Product: ['Banana', 'Cherry'] });
      // Words match value starts (an is no start of Banana); patterns match whole values.
      await box.searchListObjectFor('/qListObjectDef', 'a c');
      await box.acceptListObjectSearch('/qListObjectDef', false);
      expect(await selectedValues(doc)).toEqual({ Product: ['Apple', 'Cherry'] });
      await box.searchListObjectFor('/qListObjectDef', '*an*');
      await box.acceptListObjectSearch('/qListObjectDef', false);
      expect(await selectedValues(doc)).toEqual({ Product: ['Banana'] });
    });

    it('clears, locks and unlocks through a list object in its own state', async () => {
      const box = await listbox('Customer', { qStateName: 'Alt' });
      expect(await box.selectListObjectValues('/qListObjectDef', [1], false)).toBe(true);
      expect(await selectedValues(doc, 'Alt')).toEqual({ Customer: ['Bob'] });
      expect(await selectedValues(doc)).toEqual({});
      await box.lock('/qListObjectDef');
      await doc.clearAll(false, 'Alt');
      expect(await selectedValues(doc, 'Alt')).toEqual({ Customer: ['Bob'] });
      expect((await box.getLayout()).qListObject!.qDimensionInfo.qLocked).toBe(true);
      await box.unlock('/qListObjectDef');
      await box.clearSelections('/qListObjectDef');
      expect(await selectedValues(doc, 'Alt')).toEqual({});
    });

    it('runs a modal selection from a list object: in selections, made selections, reset, accept', async () => {
      const box = await listbox('Customer');
      const other = await listbox('Product');
      await box.beginSelections(['/qListObjectDef']);
      expect((await box.getLayout()).qSelectionInfo).toEqual({
        qInSelections: true,
        qMadeSelections: false,
      });
      expect((await other.getLayout()).qSelectionInfo).toEqual({
        qInSelections: false,
        qMadeSelections: false,
      });
      expect(await box.selectListObjectValues('/qListObjectDef', [0], true)).toBe(true);
      expect((await box.getLayout()).qSelectionInfo).toEqual({
        qInSelections: true,
        qMadeSelections: true,
      });
      await expect(
        other.selectListObjectValues('/qListObjectDef', [0], false),
      ).rejects.toMatchObject({ code: 6003 });
      await box.resetMadeSelections();
      expect(await selectedValues(doc)).toEqual({});
      expect((await box.getLayout()).qSelectionInfo).toEqual({
        qInSelections: true,
        qMadeSelections: false,
      });
      expect(await box.selectListObjectValues('/qListObjectDef', [2], true)).toBe(true);
      await box.endSelections(true);
      expect((await box.getLayout()).qSelectionInfo).toEqual({
        qInSelections: false,
        qMadeSelections: false,
      });
      expect(await selectedValues(doc)).toEqual({ Customer: ['Carol'] });
      expect(await other.selectListObjectValues('/qListObjectDef', [0], false)).toBe(true);
    });
  });

  describe('properties and children', () => {
    it('answers GetInfo, destroys children, and reports the info of each', async () => {
      const parent = await doc.createSessionObject({
        qInfo: { qId: 'cov-parent', qType: 'sheet' },
      });
      expect(await parent.getInfo()).toEqual({ qId: 'cov-parent', qType: 'sheet' });
      await parent.createChild({ qInfo: { qId: 'cov-child-a', qType: 'kpi' } });
      const child: GenericObject = await parent.createChild({
        qInfo: { qId: 'cov-child-b', qType: 'text' },
      });
      expect(await child.getInfo()).toEqual({ qId: 'cov-child-b', qType: 'text' });
      expect((await parent.getChildInfos()).map((info) => info.qId)).toEqual([
        'cov-child-a',
        'cov-child-b',
      ]);
      expect(await parent.destroyChild('cov-child-a')).toBe(true);
      expect(await parent.destroyChild('cov-child-a')).toBe(false);
      expect(await parent.getChildInfos()).toEqual([{ qId: 'cov-child-b', qType: 'text' }]);
    });

    it('keeps soft patches apart from the properties and shows them in the layout only', async () => {
      const object = await doc.createSessionObject({
        qInfo: { qType: 'kpi' },
        title: 'Before',
        qStringExpression: { qExpr: '=Count(OrderId)' },
      });
      await object.applyPatches([{ qOp: 'replace', qPath: '/title', qValue: '"Soft"' }], true);
      expect(await object.getLayout()).toMatchObject({
        title: 'Soft',
        qStringExpression: '5',
        qHasSoftPatches: true,
      });
      expect(await object.getProperties()).toMatchObject({ title: 'Before' });
      await object.applyPatches([{ qOp: 'replace', qPath: '/title', qValue: '"Hard"' }], false);
      expect(await object.getProperties()).toMatchObject({ title: 'Hard' });
      await object.setProperties({
        qInfo: (await object.getInfo()) as never,
        title: 'Set',
        qStringExpression: { qExpr: '=Sum(Amount)' },
      } as never);
      expect(await object.getLayout()).toMatchObject({ qStringExpression: '45' });
    });
  });

  describe('master items and variables as objects', () => {
    it('answers the layouts and methods of dimensions, measures, bookmarks and variables', async () => {
      const dimension = await doc.createDimension({
        qInfo: { qType: 'dimension' },
        qDim: { qGrouping: 'N', qFieldDefs: ['Product'], qFieldLabels: [''] },
        qMetaDef: { title: 'Fruit' },
      });
      expect(await dimension.getLayout()).toMatchObject({
        qMeta: { title: 'Fruit' },
        qDim: { qFieldDefs: ['Product'] },
        qDimInfos: [expect.objectContaining({ qCardinal: 3 })],
      });
      const measure = await doc.createMeasure({
        qInfo: { qType: 'measure' },
        qMeasure: { qLabel: 'Orders', qDef: 'Count(OrderId)' },
      });
      expect(await measure.getLayout()).toMatchObject({
        qMeasure: { qLabel: 'Orders', qDef: 'Count(OrderId)' },
      });
      await measure.applyPatches([
        { qOp: 'replace', qPath: '/qMeasure/qLabel', qValue: '"Order count"' },
      ]);
      expect(await measure.getMeasure()).toMatchObject({ qLabel: 'Order count' });

      const variable = await doc.createSessionVariable({
        qInfo: { qType: 'variable' },
        qName: 'vDual',
        qDefinition: '1',
      });
      await variable.setDualValue('one', 1);
      expect(await variable.getLayout()).toMatchObject({ qName: 'vDual', qText: 'one' });
      expect(await variable.getRawContent()).toBe('one');
      await variable.setStringValue('=Max(Amount)');
      expect(await variable.getLayout()).toMatchObject({ qText: '20', qNum: 20 });
      expect(await variable.getProperties()).toMatchObject({
        qName: 'vDual',
        qDefinition: '=Max(Amount)',
      });

      await (await doc.getField('Customer')).select('Bob');
      await (
        await doc.getField('Amount')
      ).selectValues([{ qText: '5', qIsNumeric: true, qNumber: 5 }], false);
      const bookmark = await doc.createBookmark({
        qInfo: { qType: 'bookmark' },
        qMetaDef: { title: 'Bob' },
      });
      const layout = (await bookmark.getLayout()) as unknown as {
        qFieldInfos: unknown[];
        qBookmark: {
          qStateData: {
            qStateName: string;
            qFieldItems: { qDef: { qName: string }; qValues: unknown[]; qValuesCount: number }[];
          }[];
        };
      };
      const own = layout.qBookmark.qStateData.find((state) => state.qStateName === '$')!;
      expect(
        own.qFieldItems.map((item) => [item.qDef.qName, item.qValues, item.qValuesCount]),
      ).toEqual([
        ['Customer', [{ qText: 'Bob', qIsNumeric: false, qNumber: 0 }], 1],
        ['Amount', [{ qText: '5', qIsNumeric: true, qNumber: 5 }], 1],
      ]);
      expect(layout.qFieldInfos).toEqual([
        { qFieldName: 'Customer', qValuesCount: 1, qExcludedValuesCount: 0 },
        { qFieldName: 'Amount', qValuesCount: 1, qExcludedValuesCount: 0 },
      ]);
      await doc.clearAll();
      expect(await bookmark.apply()).toBe(true);
      expect(await total()).toBe('5');
      expect(await bookmark.getInfo()).toMatchObject({ qType: 'bookmark' });
    });
  });
});
