import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from '../server/helpers/engineFixture.js';

type Cell = { qText?: string; qNum: number | string };

// Master items: a chart's dimension or measure with a qLibraryId is the
// master item's, whatever its inline definition says.
describe('qLibraryId: master dimensions and measures in charts', () => {
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
    await doc.createDimension({
      qInfo: { qId: 'dim-who', qType: 'dimension' },
      qDim: { qGrouping: 'N', qFieldDefs: ['Customer'], qFieldLabels: ['Who'] },
      qMetaDef: { title: 'Who' },
    });
    await doc.createMeasure({
      qInfo: { qId: 'msr-sales', qType: 'measure' },
      qMeasure: {
        qLabel: 'Sales',
        qDef: 'Sum(Amount)',
        qNumFormat: { qType: 'F', qnDec: 2, qUseThou: 0, qFmt: '0.00', qDec: '.', qThou: ',' },
      },
      qMetaDef: { title: 'Sales' },
    });
  });
  afterAll(() => fixture.close());

  it('computes the master items, with their labels and number format', async () => {
    const chart = await doc.createSessionObject({
      qInfo: { qType: 'barchart' },
      qHyperCubeDef: {
        // The inline definitions are stale: the library ids win.
        qDimensions: [{ qLibraryId: 'dim-who', qDef: { qFieldDefs: ['Product'] } }],
        qMeasures: [{ qLibraryId: 'msr-sales', qDef: { qDef: 'Count(OrderId)' } }],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
      },
    });
    const cube = (await chart.getLayout()).qHyperCube!;
    expect(cube.qDimensionInfo[0]).toMatchObject({ qFallbackTitle: 'Who', qLibraryId: 'dim-who' });
    expect(cube.qMeasureInfo[0]).toMatchObject({
      qFallbackTitle: 'Sales',
      qLibraryId: 'msr-sales',
    });
    expect(
      (cube.qDataPages[0]!.qMatrix as Cell[][]).map((row) => `${row[0]!.qText} ${row[1]!.qText}`),
    ).toEqual(['Alice 30.00', 'Bob 8.00', 'Carol 7.00']);
  });

  it('follows a master item when it changes, and lists use master dimensions too', async () => {
    const chart = await doc.createSessionObject({
      qInfo: { qType: 'kpi' },
      qHyperCubeDef: {
        qMeasures: [{ qLibraryId: 'msr-sales' }],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 1 }],
      },
    });
    expect(
      ((await chart.getLayout()).qHyperCube!.qDataPages[0]!.qMatrix as Cell[][])[0]![0]!.qNum,
    ).toBe(45);
    let changed = 0;
    chart.on('changed', () => changed++);
    const measure = await doc.getMeasure('msr-sales');
    const props = await measure.getProperties();
    await measure.setProperties({ ...props, qMeasure: { ...props.qMeasure, qDef: 'Max(Amount)' } });
    expect(changed).toBeGreaterThan(0);
    const cube = (await chart.getLayout()).qHyperCube!;
    expect((cube.qDataPages[0]!.qMatrix as Cell[][])[0]![0]!.qNum).toBe(20);
    const list = await doc.createSessionObject({
      qInfo: { qType: 'listbox' },
      qListObjectDef: {
        qLibraryId: 'dim-who',
        qDef: {},
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 5 }],
      },
    });
    const rows = (await list.getLayout()).qListObject!.qDataPages[0]!.qMatrix as Cell[][];
    expect(rows.map((row) => row[0]!.qText)).toEqual(['Alice', 'Bob', 'Carol']);
  });
});
