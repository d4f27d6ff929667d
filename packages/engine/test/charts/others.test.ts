import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from '../server/helpers/engineFixture.js';

// Orders: 1 Alice Apple 10, 2 Alice Banana 20, 3 Bob Apple 5, 4 Carol Cherry 7, 5 Bob Banana 3.
// By Customer: Alice 30 (2 orders), Bob 8 (2), Carol 7 (1).

type Json = Record<string, unknown>;
type Cell = { qText?: string; qNum: number | string; qElemNumber: number; qIsOtherCell?: boolean };

describe('dimension limits: Others grouping', () => {
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
  afterAll(() => fixture.close());

  async function rows(spec: Json, extra: Json = {}, dims = ['Customer']) {
    const chart = await doc.createSessionObject({
      qInfo: { qType: 'piechart' },
      qHyperCubeDef: {
        qDimensions: dims.map((field, d) => ({
          qDef: { qFieldDefs: [field] },
          ...(d === dims.length - 1 ? { qOtherTotalSpec: spec } : {}),
          ...extra,
        })),
        qMeasures: [
          { qDef: { qDef: 'Sum(Amount)' }, qSortBy: { qSortByNumeric: -1 } },
          { qDef: { qDef: 'Count(OrderId)' } },
        ],
        qInterColumnSortOrder: [dims.length, ...dims.map((_, d) => d)],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 4, qHeight: 50 }],
      },
    });
    const matrix = (await chart.getLayout()).qHyperCube!.qDataPages[0]!.qMatrix as Cell[][];
    return { chart, rows: matrix.map((row) => row.map((cell) => cell.qText).join(' ')), matrix };
  }

  it('keeps the top qOtherCounted values and aggregates the rest over their records', async () => {
    const { rows: shown, matrix } = await rows({
      qOtherMode: 'OTHER_COUNTED',
      qOtherCounted: { qv: '1' },
    });
    // Others = Bob + Carol: Sum 15 over 3 orders (a count, not a sum of the rows' counts).
    expect(shown).toEqual(['Alice 30 2', 'Others 15 3']);
    expect(matrix[1]![0]).toMatchObject({ qElemNumber: -3, qIsOtherCell: true, qNum: 'NaN' });
  });

  it('keeps values over an absolute limit, and with qSuppressOther drops the Others row', async () => {
    const limited = { qOtherMode: 'OTHER_ABS_LIMITED', qOtherLimit: { qv: '7' } };
    expect((await rows(limited)).rows).toEqual(['Alice 30 2', 'Bob 8 2', 'Others 7 1']);
    expect((await rows({ ...limited, qOtherLimitMode: 'OTHER_GE_LIMIT' })).rows).toEqual([
      'Alice 30 2',
      'Bob 8 2',
      'Carol 7 1',
    ]);
    expect((await rows({ ...limited, qSuppressOther: true })).rows).toEqual([
      'Alice 30 2',
      'Bob 8 2',
    ]);
  });

  it('keeps values whose share of the total passes a relative limit, with a custom label', async () => {
    const { rows: shown } = await rows(
      { qOtherMode: 'OTHER_REL_LIMITED', qOtherLimit: { qv: '0.2' } },
      { qOtherLabel: { qv: 'The rest' } },
    );
    expect(shown).toEqual(['Alice 30 2', 'The rest 15 3']);
  });

  it('limits the inner dimension within each outer value', async () => {
    const { rows: shown } = await rows(
      { qOtherMode: 'OTHER_COUNTED', qOtherCounted: { qv: '1' } },
      {},
      ['Country', 'Customer'],
    );
    // SE: Alice 30, Carol 7 -> Alice, Others 7; NO: Bob only.
    expect(shown).toEqual(['SE Alice 30 2', 'SE Others 7 1', 'NO Bob 8 2']);
  });

  it('selects every value an Others cell stands for', async () => {
    const { chart } = await rows({ qOtherMode: 'OTHER_COUNTED', qOtherCounted: { qv: '1' } });
    expect(await chart.selectHyperCubeValues('/qHyperCubeDef', 0, [-3], false)).toBe(true);
    expect(await doc.evaluate("Concat(DISTINCT Customer, ',')")).toBe('Bob,Carol');
    await doc.clearAll();
  });
});
