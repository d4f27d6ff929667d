import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, Global } from '@qlikit/qix';
import { CLIENTS, closeEnigmaSessions } from './helpers/clients.js';
import { reloadedSessionApp, startFixture, type EngineFixture } from './helpers/engineFixture.js';

// Orders by OrderId: 10, 20, 5, 7, 3 (Alice, Alice, Bob, Carol, Bob).

type Cell = { qText?: string; qNum?: number | string };
type Page = { qMatrix: Cell[][] };

describe.each(CLIENTS)('chart inter-record functions through %s', (clientName, open) => {
  let fixture: EngineFixture;
  let global: Global;
  let doc: Doc;

  beforeAll(async () => {
    fixture = await startFixture();
    global = await open(fixture, `${clientName}-inter-record`);
    doc = await reloadedSessionApp(global);
  });
  afterAll(async () => {
    await closeEnigmaSessions();
    await fixture.close();
  });

  it('computes a running total and ranks over the sorted rows, page by page', async () => {
    const chart = await doc.createSessionObject({
      qInfo: { qType: 'table' },
      qHyperCubeDef: {
        qDimensions: [{ qDef: { qFieldDefs: ['OrderId'] } }],
        qMeasures: [
          { qDef: { qDef: 'Sum(Amount)' } },
          { qDef: { qDef: 'RangeSum(Above(Sum(Amount), 0, RowNo()))' } },
          { qDef: { qDef: 'Rank(Sum(Amount))' } },
        ],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 4, qHeight: 2 }],
      },
    });
    const layout = (await chart.getLayout()) as unknown as {
      qHyperCube: { qDataPages: Page[]; qGrandTotalRow: Cell[] };
    };
    const numbers = (page: Page) =>
      page.qMatrix.map((row) => row.slice(1).map((cell) => cell.qNum));
    expect(numbers(layout.qHyperCube.qDataPages[0]!)).toEqual([
      [10, 10, 2],
      [20, 30, 1],
    ]);
    // In the totals row Above() has no rows to read: RangeSum of nothing is 0, Rank is NULL.
    expect(layout.qHyperCube.qGrandTotalRow.map((cell) => cell.qNum)).toEqual([45, 0, 'NaN']);
    const [rest] = (await chart.getHyperCubeData('/qHyperCubeDef', [
      { qTop: 2, qLeft: 0, qWidth: 4, qHeight: 3 },
    ])) as unknown as Page[];
    expect(numbers(rest!)).toEqual([
      [5, 35, 4],
      [7, 42, 3],
      [3, 45, 5],
    ]);
  });

  it('walks the rows of a pivot table with Before and ColumnNo', async () => {
    const chart = await doc.createSessionObject({
      qInfo: { qType: 'pivot-table' },
      qHyperCubeDef: {
        qDimensions: [
          { qDef: { qFieldDefs: ['Customer'] } },
          { qDef: { qFieldDefs: ['Product'] } },
        ],
        qMeasures: [
          { qDef: { qDef: "Sum(Amount) & '/' & Before(Sum(Amount)) & '/' & ColumnNo()" } },
        ],
        qMode: 'P',
        qNoOfLeftDims: 1,
        qInitialDataFetch: [],
      },
    });
    const [page] = (await chart.getHyperCubePivotData('/qHyperCubeDef', [
      { qTop: 0, qLeft: 0, qWidth: 3, qHeight: 3 },
    ])) as unknown as { qData: Cell[][] }[];
    // Products across the top: Apple, Banana, Cherry; empty cells have no text of ours.
    expect(page!.qData.map((row) => row.map((cell) => cell.qText))).toEqual([
      ['10//1', '20/10/2', '-'],
      ['5//1', '3/5/2', '-'],
      ['-', '-', '7//3'],
    ]);
  });
});
