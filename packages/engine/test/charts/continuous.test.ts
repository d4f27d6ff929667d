import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, GenericObject } from '@qlikit/qix';
import { startFixture, type EngineFixture } from '../server/helpers/engineFixture.js';
import { selectedValues } from '../server/helpers/clients.js';

// Ten days of January 2024: day d sells d units,
// so Sum(Units) per day is d.
const SCRIPT = `Days:
LOAD Date(MakeDate(2024, 1, RecNo())) AS Day, RecNo() AS Units
AUTOGENERATE 10;
`;
const JAN_1 = 45292; // 2024-01-01 as a date serial

type Cell = { qText?: string; qNum: number | string; qElemNumber: number };

describe('continuous and reduced data', () => {
  let fixture: EngineFixture;
  let doc: Doc;
  let chart: GenericObject;

  beforeAll(async () => {
    fixture = await startFixture();
    doc = await fixture
      .session()
      .open()
      .then((global) => global.createSessionApp());
    await doc.setScript(SCRIPT);
    expect(await doc.doReload()).toBe(true);
    chart = await doc.createSessionObject({
      qInfo: { qType: 'linechart' },
      qHyperCubeDef: {
        qDimensions: [{ qDef: { qFieldDefs: ['Day'] } }],
        qMeasures: [{ qDef: { qDef: 'Sum(Units)' } }],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 50 }],
      },
    });
  });
  afterAll(() => fixture.close());

  it('tags a date field and offers it a continuous time axis', async () => {
    const info = (await chart.getLayout()).qHyperCube!.qDimensionInfo[0]!;
    expect(info.qTags).toEqual(
      expect.arrayContaining(['$numeric', '$integer', '$date', '$timestamp']),
    );
    expect(info).toMatchObject({
      qContinuousAxes: true,
      qNumFormat: { qType: 'D', qFmt: 'YYYY-MM-DD' },
      qMin: JAN_1,
      qMax: JAN_1 + 9,
    });
  });

  it('answers the rows from qStart to qEnd, with the nearest row on each side', async () => {
    const result = (await chart.getHyperCubeContinuousData('/qHyperCubeDef', {
      qStart: JAN_1 + 3,
      qEnd: JAN_1 + 5,
      qNbrPoints: 100,
      qMaxNbrTicks: 300,
      qMaxNumberLines: -1,
    })) as { qDataPages: { qMatrix: Cell[][] }[]; qAxisData: { qAxis: unknown[] } };
    expect(result.qDataPages[0]!.qMatrix.map((row) => `${row[0]!.qText} ${row[1]!.qText}`)).toEqual(
      ['2024-01-03 3', '2024-01-04 4', '2024-01-05 5', '2024-01-06 6', '2024-01-07 7'],
    );
    expect(result.qAxisData).toEqual({ qAxis: [] });
  });

  it('bins the stretch into qNbrPoints bins, each aggregating all its records', async () => {
    const result = (await chart.getHyperCubeContinuousData('/qHyperCubeDef', {
      qStart: JAN_1,
      qEnd: JAN_1 + 10,
      qNbrPoints: 2,
      qMaxNbrTicks: 300,
      qMaxNumberLines: -1,
    })) as { qDataPages: { qMatrix: Cell[][]; qIsReduced: boolean }[] };
    const page = result.qDataPages[0]!;
    expect(page.qIsReduced).toBe(true);
    // Days 1-5 sum to 15, days 6-10 to 40; each bin sits at its middle.
    expect(page.qMatrix.map((row) => [row[0]!.qNum, row[1]!.qNum])).toEqual([
      [JAN_1 + 2.5, 15],
      [JAN_1 + 7.5, 40],
    ]);
  });

  it('selects a continuous range of the dimension', async () => {
    expect(
      await chart.selectHyperCubeContinuousRange('/qHyperCubeDef', [
        {
          qDimIx: 0,
          qRange: { qMin: JAN_1 + 1, qMax: JAN_1 + 3, qMinInclEq: true, qMaxInclEq: false },
        },
      ]),
    ).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Day: ['2024-01-02', '2024-01-03'] });
    await doc.clearAll();
  });

  it('reduces a page that does not fit, keeping the lowest and highest row of each bucket', async () => {
    const [full] = await chart.getHyperCubeReducedData(
      '/qHyperCubeDef',
      [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 20 }],
      -1,
      'D1',
    );
    expect(full!.qIsReduced).toBe(false);
    expect(full!.qMatrix).toHaveLength(10);
    // Zoom 2: buckets of four rows, each keeping its lowest and highest Sum(Units): 1 4, 5 8, 9 10, cut at qHeight.
    const [reduced] = await chart.getHyperCubeReducedData(
      '/qHyperCubeDef',
      [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 5 }],
      2,
      'D1',
    );
    expect(reduced!.qIsReduced).toBe(true);
    expect((reduced!.qMatrix as Cell[][]).map((row) => row[1]!.qNum)).toEqual([1, 4, 5, 8, 9]);
    // Zoom -1: the engine picks the factor whose result fits.
    const [auto] = await chart.getHyperCubeReducedData(
      '/qHyperCubeDef',
      [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 4 }],
      -1,
      'D1',
    );
    expect(auto!.qMatrix.length).toBeLessThanOrEqual(4);
    expect((auto!.qMatrix as Cell[][]).map((row) => row[1]!.qNum)).toEqual([1, 8, 9, 10]);
    await expect(
      chart.getHyperCubeReducedData(
        '/qHyperCubeDef',
        [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 4 }],
        -1,
        'C',
      ),
    ).rejects.toMatchObject({ code: 20 });
  });
});
