import { describe, expect, test } from 'vitest';
import { computeHyperCube } from '../../src/hypercube/computeHyperCube.js';
import { HyperCubeError } from '../../src/hypercube/HyperCubeError.js';
import type { HyperCubeDef, SortCriteria } from '../../src/hypercube/QixShapes.js';
import { chartOf, selectValues } from '../aggregate/chartOf.js';
import { salesModel } from '../aggregate/salesModel.js';

const model = salesModel();
const all = selectValues(model);

function sortedBy(criteria: SortCriteria, measures: string[] = ['Sum(Amount)'], state = all) {
  return chartOf(model, state, ['Customer'], measures, {
    qDimensions: [{ qDef: { qFieldDefs: ['Customer'], qSortCriterias: [criteria] } }],
  }).rows.map((row) => row[0]);
}

describe('hypercube rows and cells', () => {
  test('cells carry text, number, element number and state', () => {
    const state = selectValues(model, { Year: [2020] });
    const { cube } = chartOf(model, state, ['Year', 'Customer'], ['Sum(Amount)']);
    const [first] = cube.layout.qDataPages[0]!.qMatrix;
    const yearField = model.field('Year');
    expect(first![0]).toEqual({
      qText: '2020',
      qNum: 2020,
      qElemNumber: yearField.symbols.indexOfNum(2020),
      qState: 'S',
    });
    expect(first![1]).toMatchObject({ qText: 'Ann', qNum: 'NaN', qState: 'O' });
    expect(first![2]).toEqual({ qText: '10', qNum: 10, qElemNumber: 0, qState: 'L' });
  });

  test('a null dimension value has qElemNumber -2 and a null measure qNum NaN', () => {
    const { cube } = chartOf(model, all, ['Customer'], ['Avg({<Year={2019}>} Amount)']);
    const matrix = cube.layout.qDataPages[0]!.qMatrix;
    const nullRow = matrix.find((row) => row[0]!.qElemNumber === -2)!;
    expect(nullRow[0]).toMatchObject({ qText: '-', qNum: 'NaN', qIsNull: true });
    expect(nullRow[1]).toMatchObject({ qText: '-', qNum: 'NaN', qIsNull: true });
  });

  test('measure qNumFormat formats qText and leaves qNum', () => {
    const cube = computeHyperCube(model, all, {
      qDimensions: [{ qDef: { qFieldDefs: ['Region'] } }],
      qMeasures: [
        {
          qDef: {
            qDef: 'Sum(Amount)*1000',
            qNumFormat: { qType: 'F', qFmt: '#,##0.0', qDec: '.', qThou: ',' },
          },
        },
        {
          qDef: { qDef: 'Sum(Amount)/Sum(TOTAL Amount)', qNumFormat: { qType: 'F', qFmt: '0.0%' } },
        },
      ],
      qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 3, qHeight: 2 }],
    });
    const [east] = cube.layout.qDataPages[0]!.qMatrix;
    expect(east!.map((cell) => cell.qText)).toEqual(['East', '90,000.0', '48.6%']);
    expect(east![1]!.qNum).toBe(90000);
    expect(cube.layout.qGrandTotalRow.map((cell) => cell.qText)).toEqual(['185,000.0', '100.0%']);
  });

  test('layout describes dimensions and measures', () => {
    const state = selectValues(model, { Region: ['East'] });
    const { cube } = chartOf(model, state, ['Customer', 'Year'], ['Sum(Amount)']);
    const layout = cube.layout;
    expect(layout.qSize).toEqual({ qcx: 3, qcy: 4 });
    const [customer, year] = layout.qDimensionInfo;
    expect(customer).toMatchObject({
      qFallbackTitle: 'Customer',
      qCardinal: 3,
      qGroupFieldDefs: ['Customer'],
      qDimensionType: 'D',
      qStateCounts: { qSelected: 0, qOption: 2, qExcluded: 1 },
    });
    expect(year).toMatchObject({ qDimensionType: 'N', qMin: 2020, qMax: 2021 });
    expect(layout.qMeasureInfo[0]).toMatchObject({
      qFallbackTitle: 'Sum(Amount)',
      qMin: 10,
      qMax: 30,
    });
    expect(layout.qGrandTotalRow[0]).toMatchObject({ qNum: 90, qText: '90' });
    const region = chartOf(model, state, ['Region'], []).cube.layout.qDimensionInfo[0]!;
    expect(region.qStateCounts).toMatchObject({ qSelected: 1, qAlternative: 1 });
  });
});

describe('suppression', () => {
  test('qSuppressZero drops rows whose measures are all zero or null', () => {
    const measures = ['Sum({<Year={2021}>} Amount)', 'Count({<Year={2021}>} Amount)'];
    const shown = chartOf(model, all, ['Customer'], measures).rows;
    const suppressed = chartOf(model, all, ['Customer'], measures, { qSuppressZero: true }).rows;
    expect(shown).toContainEqual(['Cid', 0, 0]);
    expect(suppressed.map((row) => row[0])).toEqual(['Ann', 'Bob', null]);
  });

  test('qSuppressMissing drops rows whose measures are all null', () => {
    const measures = ['Avg({<Year={2020}>} Amount)'];
    const rows = chartOf(model, all, ['Customer'], measures, { qSuppressMissing: true }).rows;
    expect(rows).toEqual([
      ['Ann', 10],
      ['Bob', 30],
      ['Cid', 50],
    ]);
  });

  test('qNullSuppression drops the null value of a dimension', () => {
    const rows = chartOf(model, all, ['Customer'], ['Sum(Amount)'], {
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] }, qNullSuppression: true }],
    }).rows;
    expect(rows.map((row) => row[0])).toEqual(['Ann', 'Bob', 'Cid']);
  });
});

describe('sorting', () => {
  test('by text, both directions, nulls last', () => {
    expect(sortedBy({ qSortByAscii: 1 })).toEqual(['Ann', 'Bob', 'Cid', null]);
    expect(sortedBy({ qSortByAscii: -1 })).toEqual(['Cid', 'Bob', 'Ann', null]);
  });

  test('by state puts selected values first', () => {
    const state = selectValues(model, { Customer: ['Cid'] });
    const rows = chartOf(model, state, ['Customer'], [], {
      qDimensions: [
        {
          qDef: {
            qFieldDefs: ['Customer'],
            qSortCriterias: [{ qSortByState: 1, qSortByAscii: 1 }],
          },
        },
      ],
    }).rows;
    expect(rows).toEqual([['Cid']]);
  });

  test('by frequency and by expression', () => {
    // Rows per customer: Ann 2, Bob 3, Cid 2.
    expect(sortedBy({ qSortByFrequency: -1, qSortByAscii: 1 })).toEqual([
      'Bob',
      'Ann',
      'Cid',
      null,
    ]);
    expect(sortedBy({ qSortByExpression: -1, qExpression: { qv: 'Sum(Qty)' } })).toEqual([
      'Cid',
      'Bob',
      'Ann',
      null,
    ]);
  });

  test('by number', () => {
    const rows = chartOf(model, all, ['Qty'], [], {
      qDimensions: [{ qDef: { qFieldDefs: ['Qty'], qSortCriterias: [{ qSortByNumeric: -1 }] } }],
    }).rows;
    expect(rows.map((row) => row[0])).toEqual(['6', '5', '4', '3', '2', '1']);
  });

  test('by load order', () => {
    expect(sortedBy({ qSortByLoadOrder: -1 })).toEqual(['Cid', 'Bob', 'Ann', null]);
  });

  test('qInterColumnSortOrder lets a measure sort first', () => {
    const def: Partial<HyperCubeDef> = {
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'], qSortCriterias: [{ qSortByAscii: 1 }] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)' }, qSortBy: { qSortByNumeric: -1 } }],
      qInterColumnSortOrder: [1, 0],
    };
    const { rows, cube } = chartOf(model, all, ['Customer'], ['Sum(Amount)'], def);
    expect(rows).toEqual([
      ['Bob', 100],
      ['Cid', 50],
      ['Ann', 30],
      [null, 5],
    ]);
    expect(cube.layout.qEffectiveInterColumnSortOrder).toEqual([1, 0]);
    expect(cube.layout.qMeasureInfo[0]!.qSortIndicator).toBe('D');
  });
});

describe('paging', () => {
  const def: HyperCubeDef = {
    qDimensions: [{ qDef: { qFieldDefs: ['Qty'], qSortCriterias: [{ qSortByNumeric: 1 }] } }],
    qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }, { qDef: { qDef: 'Count(Amount)' } }],
  };

  test('pages cut rows and columns', () => {
    const cube = computeHyperCube(model, all, def);
    const [page] = cube.getHyperCubeData([{ qLeft: 1, qTop: 2, qWidth: 5, qHeight: 2 }]);
    expect(page!.qArea).toEqual({ qLeft: 1, qTop: 2, qWidth: 2, qHeight: 2 });
    // Qty 3 -> Amount 30, Qty 4 -> Amount 40.
    expect(page!.qMatrix.map((row) => row.map((cell) => cell.qNum))).toEqual([
      [30, 1],
      [40, 1],
    ]);
  });

  test('qInitialDataFetch fills qDataPages and a page past the end is empty', () => {
    const cube = computeHyperCube(model, all, {
      ...def,
      qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 3, qHeight: 1 }],
    });
    expect(cube.layout.qDataPages[0]!.qMatrix).toHaveLength(1);
    const [beyond] = cube.getHyperCubeData([{ qLeft: 0, qTop: 50, qWidth: 3, qHeight: 10 }]);
    expect(beyond!.qMatrix).toEqual([]);
  });

  test('more than 10,000 cells is LOCERR_CALC_PAGES_TOO_LARGE (7009)', () => {
    const cube = computeHyperCube(model, all, def);
    const call = () => cube.getHyperCubeData([{ qLeft: 0, qTop: 0, qWidth: 3, qHeight: 3334 }]);
    expect(call).toThrowError(HyperCubeError);
    expect(call).toThrowError(expect.objectContaining({ code: 'LOCERR_CALC_PAGES_TOO_LARGE' }));
    expect(() =>
      cube.getHyperCubeData([{ qLeft: 0, qTop: 0, qWidth: 3, qHeight: 3333 }]),
    ).not.toThrow();
  });

  test('negative or fractional page sizes are invalid parameters', () => {
    const cube = computeHyperCube(model, all, def);
    expect(() =>
      cube.getHyperCubeData([{ qLeft: 0, qTop: -1, qWidth: 3, qHeight: 2 }]),
    ).toThrowError(expect.objectContaining({ code: 'LOCERR_GENERIC_INVALID_PARAMETERS' }));
  });
});

describe('invalid definitions', () => {
  test.each([
    [{ qDimensions: [{ qDef: { qFieldDefs: ['Nope'] } }] }, /field not found: Nope/],
    [{ qDimensions: [{ qDef: { qFieldDefs: ['=Year*'] } }] }, /Dimension 0/],
    [{ qMeasures: [{ qDef: { qDef: 'Sum(' } }] }, /Measure 0/],
    [{ qMeasures: [{ qDef: { qDef: '' } }] }, /Measure 0 has no qDef/],
  ] as [HyperCubeDef, RegExp][])(
    '%j answers a layout whose column carries qError LOCERR_CALC_INVALID_DEF',
    (def, message) => {
      const { layout } = computeHyperCube(model, all, def);
      const infos = [...layout.qDimensionInfo, ...layout.qMeasureInfo];
      expect(infos[0]!.qError).toEqual({
        qErrorCode: 7000,
        qContext: '',
        qExtendedMessage: expect.stringMatching(message),
      });
      expect(layout.qSize.qcy).toBe(0);
    },
  );

  test('an unknown field in a measure is an aggregation error with a code', () => {
    expect(() =>
      computeHyperCube(model, all, { qMeasures: [{ qDef: { qDef: 'Sum(Nope)' } }] }),
    ).toThrowError(expect.objectContaining({ code: 'UNKNOWN_FIELD' }));
  });
});
