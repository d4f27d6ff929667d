import { beforeAll, describe, expect, test } from 'vitest';
import { computeHyperCube } from '../../src/hypercube/computeHyperCube.js';
import { DataModel } from '../../src/model/DataModel.js';
import { runScript } from '../../src/script/runScript.js';
import { chartOf, plain, selectValues } from '../aggregate/chartOf.js';

// The data of Qlik's ranking examples: Sum(Val) per Month is 17, 9, 22, 16,
// 10, 5, 11, 20 (total 110), split over two customers for segments.
const SCRIPT = `Sales: LOAD * INLINE [
Customer, Month, Val
A, 1, 10
B, 1, 7
A, 2, 9
B, 3, 22
A, 4, 6
B, 4, 10
A, 5, 10
B, 6, 5
A, 7, 11
B, 8, 12
A, 8, 8
];`;

let model: DataModel;

beforeAll(async () => {
  model = DataModel.fromTables((await runScript(SCRIPT, { dataDir: '.' })).tables);
});

const column = (rows: readonly (readonly unknown[])[], c: number) => rows.map((row) => row[c]);

describe('inter-record functions in a one-dimensional table', () => {
  test('Above, Below, Top, Bottom, RowNo and NoOfRows over the sorted rows', () => {
    const { rows, totals } = chartOf(
      model,
      selectValues(model),
      ['Month'],
      [
        'Sum(Val)',
        'Above(Sum(Val))',
        'Below(Sum(Val))',
        'Above(Sum(Val), 2)',
        'Top(Sum(Val))',
        'Bottom(Sum(Val))',
        'RowNo()',
        'NoOfRows()',
      ],
    );
    expect(column(rows, 1)).toEqual([17, 9, 22, 16, 10, 5, 11, 20]);
    expect(column(rows, 2)).toEqual([null, 17, 9, 22, 16, 10, 5, 11]);
    expect(column(rows, 3)).toEqual([9, 22, 16, 10, 5, 11, 20, null]);
    expect(column(rows, 4)).toEqual([null, null, 17, 9, 22, 16, 10, 5]);
    expect(column(rows, 5)).toEqual(Array(8).fill(17));
    expect(column(rows, 6)).toEqual(Array(8).fill(20));
    expect(column(rows, 7)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(column(rows, 8)).toEqual(Array(8).fill(8));
    // The totals row has no rows around it.
    expect(totals.slice(1)).toEqual([null, null, null, null, null, null, null]);
  });

  test('RangeSum(Above(..., 0, RowNo())) is a running total; a count gives ranges', () => {
    const { rows } = chartOf(
      model,
      selectValues(model),
      ['Month'],
      [
        'RangeSum(Above(Sum(Val), 0, RowNo()))',
        'RangeAvg(Above(Sum(Val), 0, 3))',
        'RangeCount(Below(Sum(Val), 1, 2))',
      ],
    );
    expect(column(rows, 1)).toEqual([17, 26, 48, 64, 74, 79, 90, 110]);
    expect(column(rows, 2)).toEqual([17, 13, 16, 47 / 3, 16, 31 / 3, 26 / 3, 12]);
    expect(column(rows, 3)).toEqual([2, 2, 2, 2, 2, 2, 1, 0]);
  });

  test('a negative offset turns Above into Below; offsets and counts may vary per row', () => {
    const { rows } = chartOf(
      model,
      selectValues(model),
      ['Month'],
      ['Above(Sum(Val), -1)', 'Above(Sum(Val), RowNo() - 1)'],
    );
    expect(column(rows, 1)).toEqual([9, 22, 16, 10, 5, 11, 20, null]);
    expect(column(rows, 2)).toEqual(Array(8).fill(17));
  });

  test('the rows are the sorted rows: descending months reverse the neighbours', () => {
    const { rows } = chartOf(model, selectValues(model), ['Month'], ['Above(Sum(Val))'], {
      qDimensions: [{ qDef: { qFieldDefs: ['Month'], qSortCriterias: [{ qSortByNumeric: -1 }] } }],
    });
    expect(column(rows, 0)).toEqual(['8', '7', '6', '5', '4', '3', '2', '1']);
    expect(column(rows, 1)).toEqual([null, 20, 11, 5, 10, 16, 22, 9]);
  });

  test('a chart whose measures read other rows does not sort by them', () => {
    const { rows } = chartOf(model, selectValues(model), ['Month'], ['Sum(Val)', 'RowNo()'], {
      qInterColumnSortOrder: [1, 0],
      qMeasures: [
        { qDef: { qDef: 'Sum(Val)' }, qSortBy: { qSortByNumeric: -1 } },
        { qDef: { qDef: 'RowNo()' } },
      ],
    });
    expect(column(rows, 0)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });
});

describe('Rank (the ranking examples of Qlik)', () => {
  test('ranks the rows by descending value, NULL in the totals row', () => {
    const { rows, totals } = chartOf(
      model,
      selectValues(model),
      ['Month'],
      ['Sum(Val)', 'Rank(Sum(Val))'],
    );
    expect(column(rows, 2)).toEqual([3, 7, 1, 4, 6, 8, 5, 2]);
    expect(totals[1]).toBeNull();
  });

  test('rows sharing a value: the modes set the number, the formats the text', () => {
    const tied = `T: LOAD * INLINE [
K, V
a, 5
b, 9
c, 5
d, 1
e, 9
f, 3
];`;
    return runScript(tied, { dataDir: '.' }).then(({ tables }) => {
      const m = DataModel.fromTables(tables);
      const cube = computeHyperCube(m, selectValues(m), {
        qDimensions: [{ qDef: { qFieldDefs: ['K'] } }],
        qMeasures: [
          'Rank(Sum(V))',
          'Rank(Sum(V), 1)',
          'Rank(Sum(V), 2)',
          'Rank(Sum(V), 3)',
          'Rank(Sum(V), 4)',
          'Rank(Sum(V), 0, 1)',
          'Rank(Sum(V), 0, 2)',
        ].map((qDef) => ({ qDef: { qDef } })),
        qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 8, qHeight: 6 }],
      });
      const matrix = cube.layout.qDataPages[0]!.qMatrix;
      const texts = (c: number) => matrix.map((row) => row[c]!.qText);
      const nums = (c: number) => matrix.map((row) => plain(row[c]!));
      // Values a 5, b 9, c 5, d 1, e 9, f 3: b and e share ranks 1-2, a and c 3-4 (n = 6, middle 3.5).
      expect(nums(1)).toEqual([3.5, 1, 3.5, 6, 1, 5]);
      expect(texts(1)).toEqual(['3 - 4', '1 - 2', '3 - 4', '6', '1 - 2', '5']);
      expect(nums(2)).toEqual([3, 1, 3, 6, 1, 5]);
      expect(nums(3)).toEqual([3.5, 1.5, 3.5, 6, 1.5, 5]);
      expect(nums(4)).toEqual([4, 2, 4, 6, 2, 5]);
      expect(nums(5)).toEqual([3, 1, 4, 6, 2, 5]);
      expect(texts(6)).toEqual(['3', '1', '3', '6', '1', '5']);
      expect(texts(7)).toEqual(['3', '1', '', '6', '', '5']);
    });
  });
});

describe('segments, TOTAL and paging', () => {
  test('with two dimensions a segment is a run of the first one; TOTAL spans the column', () => {
    const { rows } = chartOf(
      model,
      selectValues(model),
      ['Customer', 'Month'],
      [
        'Sum(Val)',
        'Above(Sum(Val))',
        'Above(TOTAL Sum(Val))',
        'RowNo()',
        'RowNo(TOTAL)',
        'NoOfRows()',
        'Rank(Sum(Val))',
      ],
    );
    expect(column(rows, 0)).toEqual(['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B']);
    expect(column(rows, 2)).toEqual([10, 9, 6, 10, 11, 8, 7, 22, 10, 5, 12]);
    expect(column(rows, 3)).toEqual([null, 10, 9, 6, 10, 11, null, 7, 22, 10, 5]);
    expect(column(rows, 4)).toEqual([null, 10, 9, 6, 10, 11, 8, 7, 22, 10, 5]);
    expect(column(rows, 5)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5]);
    expect(column(rows, 6)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(column(rows, 7)).toEqual([6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5]);
    // A's 10s share ranks 2-3, below the middle (3.5) of six: both get 2.
    expect(column(rows, 8)).toEqual([2, 4, 6, 2, 1, 5, 4, 1, 3, 5, 2]);
  });

  test("a page's first row sees the rows above it on earlier pages", () => {
    const cube = computeHyperCube(model, selectValues(model), {
      qDimensions: [{ qDef: { qFieldDefs: ['Month'] } }],
      qMeasures: [
        { qDef: { qDef: 'Above(Sum(Val))' } },
        { qDef: { qDef: 'RangeSum(Above(Sum(Val), 0, RowNo()))' } },
      ],
      qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 3, qHeight: 3 }],
    });
    const second = cube.getHyperCubeData([{ qLeft: 0, qTop: 3, qWidth: 3, qHeight: 3 }])[0]!;
    expect(second.qMatrix.map((row) => row.map(plain))).toEqual([
      [4, 22, 64],
      [5, 16, 74],
      [6, 10, 79],
    ]);
  });
});

describe('pivot tables', () => {
  // Customers down the left, months across the top.
  const pivot = (measure: string) => {
    const cube = computeHyperCube(model, selectValues(model), {
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }, { qDef: { qFieldDefs: ['Month'] } }],
      qMeasures: [{ qDef: { qDef: measure } }],
      qMode: 'P',
      qNoOfLeftDims: 1,
      qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 3, qHeight: 20 }],
    });
    const matrix = cube.getHyperCubeData([{ qLeft: 0, qTop: 0, qWidth: 3, qHeight: 20 }])[0]!
      .qMatrix;
    return Object.fromEntries(
      matrix.map((row) => [`${row[0]!.qText}${row[1]!.qText}`, plain(row[2]!)]),
    );
  };

  // The pivot is a dense grid of 2 customers x 8 months; A has no month 3, 6; B no 2, 5, 7.
  test('Before, After, First and Last walk a row across the top dimension', () => {
    expect(pivot('Before(Sum(Val))')).toMatchObject({
      A1: null,
      A2: 10,
      A4: null,
      A8: 11,
      B1: null,
      B3: null,
      B4: 22,
    });
    expect(pivot('After(Sum(Val))')).toMatchObject({ A1: 9, A7: 8, A8: null, B6: null, B3: 10 });
    expect(pivot('First(Sum(Val))')).toMatchObject({ A5: 10, B8: 7 });
    expect(pivot('Last(Sum(Val))')).toMatchObject({ A1: 8, B3: 12 });
  });

  test('ColumnNo, NoOfColumns, Above within a column and HRank along a row', () => {
    expect(pivot('ColumnNo()')).toMatchObject({ A1: 1, A2: 2, A8: 8, B1: 1, B3: 3, B8: 8 });
    expect(pivot('NoOfColumns()')).toMatchObject({ A1: 8, B1: 8 });
    // Each month is a column with A above B; A has no month 3.
    expect(pivot('Above(Sum(Val))')).toMatchObject({ A1: null, B1: 10, B4: 6, B3: null });
    expect(pivot('RowNo()')).toMatchObject({ A1: 1, B1: 2, B3: 2 });
    expect(pivot('NoOfRows()')).toMatchObject({ A1: 2, B3: 2 });
    expect(pivot('HRank(Sum(Val))')).toMatchObject({ A7: 1, B3: 1, B6: 5 });
    expect(pivot('Dimensionality()')).toMatchObject({ A1: 1 });
    expect(pivot('SecondaryDimensionality()')).toMatchObject({ A1: 1 });
  });

  test('in a straight table the horizontal functions have no row to walk', () => {
    const { rows } = chartOf(
      model,
      selectValues(model),
      ['Month'],
      ['Before(Sum(Val))', 'ColumnNo()', 'Dimensionality()'],
    );
    expect(rows[0]!.slice(1)).toEqual([null, null, 1]);
  });
});

describe('Column and the script', () => {
  test('Column(n) is measure n of the same row', () => {
    const { rows } = chartOf(
      model,
      selectValues(model),
      ['Month'],
      ['Sum(Val)', 'Count(Val)', 'Column(1) / Column(2)'],
    );
    expect(rows[0]).toEqual(['1', 17, 2, 8.5]);
  });

  test('outside a chart the chart functions are refused', async () => {
    await expect(
      runScript(`${SCRIPT} X: LOAD Above(Val) as A RESIDENT Sales;`, { dataDir: '.' }),
    ).rejects.toThrow(/only be used in chart expressions/);
  });
});
