import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, GenericObject } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from '../server/helpers/engineFixture.js';
import { selectedValues } from '../server/helpers/clients.js';

// Orders: 1 Alice Apple 10, 2 Alice Banana 20, 3 Bob Apple 5, 4 Carol Cherry 7, 5 Bob Banana 3.
// By Customer: Alice 30 (2 orders), Bob 8 (2), Carol 7 (1). Customers: Alice SE, Bob NO, Carol SE.

type Cell = { qText?: string; qState?: string };

describe('selections through charts, as nebula.js makes them', () => {
  let fixture: EngineFixture;
  let doc: Doc;

  beforeAll(async () => {
    fixture = await startFixture();
    doc = await fixture
      .session()
      .open()
      .then((global) => global.createSessionApp());
    await doc.setScript(SALES_SCRIPT);
    expect(await doc.doReload()).toBe(true);
  });
  afterEach(async () => {
    await doc.abortModal(false);
    await doc.clearAll(true);
  });
  afterAll(() => fixture.close());

  const byCustomer = () =>
    doc.createSessionObject({
      qInfo: { qType: 'barchart' },
      qHyperCubeDef: {
        qDimensions: [
          { qDef: { qFieldDefs: ['Customer'] } },
          { qDef: { qFieldDefs: ['Country'] } },
        ],
        qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }, { qDef: { qDef: 'Count(OrderId)' } }],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 4, qHeight: 20 }],
      },
    });
  const texts = async (object: GenericObject) =>
    ((await object.getLayout()).qHyperCube!.qDataPages[0]!.qMatrix as Cell[][]).map((row) =>
      row.map((cell) => cell.qText).join(' '),
    );

  it('range-selects the dimension values whose measures lie in the ranges (all, or any with qOrMode)', async () => {
    const chart = await byCustomer();
    const ranges = [
      { qMeasureIx: 0, qRange: { qMin: 6, qMax: 30, qMinInclEq: true, qMaxInclEq: false } },
      { qMeasureIx: 1, qRange: { qMin: 2, qMax: 2, qMinInclEq: true, qMaxInclEq: true } },
    ];
    // Sum in [6, 30) and two orders: only Bob (8, 2). Only the first dimension column is selected.
    expect(await chart.rangeSelectHyperCubeValues('/qHyperCubeDef', ranges, [0], false)).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'] });
    await doc.clearAll();
    // Either range: Bob (both), Carol (7), Alice (2 orders); both columns selected.
    expect(await chart.rangeSelectHyperCubeValues('/qHyperCubeDef', ranges, [], true)).toBe(true);
    expect(await selectedValues(doc)).toEqual({
      Country: ['NO', 'SE'],
      Customer: ['Alice', 'Bob', 'Carol'],
    });
  });

  it('multi-range-selects the union of each entry, in its own columns', async () => {
    const chart = await byCustomer();
    expect(
      await chart.multiRangeSelectHyperCubeValues(
        '/qHyperCubeDef',
        [
          { qRanges: [{ qMeasureIx: 0, qRange: { qMin: 25, qMax: 100 } }], qColumnsToSelect: [0] },
          { qRanges: [{ qMeasureIx: 0, qRange: { qMin: 0, qMax: 7.5 } }], qColumnsToSelect: [0] },
        ],
        false,
      ),
    ).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Alice', 'Carol'] });
  });

  it('deselects the one selected value when qDeselectOnlyOneSelected asks to', async () => {
    const chart = await byCustomer();
    const onlyBob = [{ qMeasureIx: 0, qRange: { qMin: 8, qMax: 8 } }];
    await chart.rangeSelectHyperCubeValues('/qHyperCubeDef', onlyBob, [0], false, true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'] });
    await chart.rangeSelectHyperCubeValues('/qHyperCubeDef', onlyBob, [0], false, true);
    expect(await selectedValues(doc)).toEqual({});
  });

  it('selects a list object continuous range among its possible numbers, bounds as flagged', async () => {
    const list = await doc.createSessionObject({
      qInfo: { qType: 'listbox' },
      qListObjectDef: {
        qDef: { qFieldDefs: ['Amount'] },
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 10 }],
      },
    });
    expect(
      await list.selectListObjectContinuousRange('/qListObjectDef', [
        { qMin: 5, qMax: 10, qMinInclEq: false, qMaxInclEq: true },
        { qMin: 20, qMax: 20, qMinInclEq: true, qMaxInclEq: true },
      ]),
    ).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Amount: ['10', '20', '7'] });
  });

  it('keeps a modal object showing every row, in its order, while it selects; others update at once', async () => {
    const chart = await byCustomer();
    const kpi = await doc.createSessionObject({
      qInfo: { qType: 'kpi' },
      kpi: { qValueExpression: { qExpr: 'Sum(Amount)' } },
    });
    await chart.beginSelections(['/qHyperCubeDef']);
    expect(await chart.selectHyperCubeValues('/qHyperCubeDef', 0, [1], false)).toBe(true);
    const layout = await chart.getLayout();
    expect(layout.qSelectionInfo).toEqual({ qInSelections: true, qMadeSelections: true });
    const rows = layout.qHyperCube!.qDataPages[0]!.qMatrix as Cell[][];
    // All three customers still there with their totals; Bob selected, the others alternative.
    expect(rows.map((row) => `${row[0]!.qText}:${row[0]!.qState} ${row[2]!.qText}`)).toEqual([
      'Alice:A 30',
      'Bob:S 8',
      'Carol:A 7',
    ]);
    expect(await kpi.getLayout()).toMatchObject({ kpi: { qValueExpression: 8 } });
    // Another object cannot select meanwhile.
    const other = await byCustomer();
    await expect(
      other.selectHyperCubeValues('/qHyperCubeDef', 0, [0], false),
    ).rejects.toMatchObject({
      code: 6003,
    });
    await chart.endSelections(true);
    expect(await texts(chart)).toEqual(['Bob NO 8 2']);
  });

  it('rolls a modal selection back when it ends without accepting', async () => {
    const chart = await byCustomer();
    await chart.beginSelections(['/qHyperCubeDef']);
    await chart.selectHyperCubeValues('/qHyperCubeDef', 0, [0], false);
    await chart.endSelections(false);
    expect(await selectedValues(doc)).toEqual({});
    expect((await chart.getLayout()).qSelectionInfo).toEqual({
      qInSelections: false,
      qMadeSelections: false,
    });
  });
});
