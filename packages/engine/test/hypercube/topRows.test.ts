import { describe, expect, test } from 'vitest';
import { compareTexts } from '../../src/aggregate/valueParts.js';
import { computeHyperCube } from '../../src/hypercube/computeHyperCube.js';
import type { ComputedHyperCube } from '../../src/hypercube/ComputedHyperCube.js';
import type { HyperCubeDef, NxCell, SortCriteria } from '../../src/hypercube/QixShapes.js';
import { DataModel } from '../../src/model/DataModel.js';
import type { Value } from '../../src/value/Value.js';
import { selectValues } from '../aggregate/chartOf.js';

// The pages of a chart of many groups (its first rows are selected, the rest
// sorted when read) against a straightforward computation and sort of the
// same random data: ties, nulls and texts among the values, every
// combination of sort criteria, pages past the first.

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ROWS = 6000;
const next = random(42);
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;

// K: 900 numbers and 40 texts (some differing only in case), 2% null; A: quarters with many
// ties, 5% null, 3% text; S: the field selections are made in.
const kPool: Value[] = [
  ...Array.from({ length: 900 }, (_, i) => (i * 37) % 1000),
  ...Array.from({ length: 40 }, (_, i) => (i % 2 ? 'k' : 'K') + String(i % 20)),
];
const aPool: (Value | undefined)[] = Array.from({ length: 40 }, (_, i) => (i - 10) / 4);
const rowK = Array.from({ length: ROWS }, () => (next() < 0.02 ? null : pick(kPool)));
const rowA = Array.from({ length: ROWS }, () => {
  const r = next();
  return r < 0.05 ? null : r < 0.08 ? 'x' : pick(aPool)!;
});
const rowS = Array.from({ length: ROWS }, () => Math.floor(next() * 10));

function column(name: string, values: readonly Value[]) {
  const distinct: Value[] = [];
  const at = new Map<Value, number>();
  const indexes = Int32Array.from(values, (value) => {
    if (value === null) return -1;
    let index = at.get(value);
    if (index === undefined) at.set(value, (index = distinct.push(value) - 1));
    return index;
  });
  return { name, values: distinct, indexes };
}

const model = DataModel.fromTables([
  {
    name: 'T',
    rowCount: ROWS,
    columns: [column('K', rowK), column('A', rowA), column('S', rowS)],
  },
]);
const kSymbols = model.field('K').symbols;
const SELECTED = [1, 2, 3, 5, 8];
const state = selectValues(model, { S: SELECTED });

interface Group {
  readonly symbol: number;
  readonly first: number;
  sum: number;
  numbers: number;
  count: number;
}

// The groups of the selected rows by K, in the order their first rows come.
const groups: Group[] = (() => {
  const bySymbol = new Map<number, Group>();
  const list: Group[] = [];
  for (let r = 0; r < ROWS; r++) {
    if (!SELECTED.includes(rowS[r]!)) continue;
    const k = rowK[r]!;
    const symbol =
      k === null
        ? -1
        : typeof k === 'number'
          ? kSymbols.indexOfNum(k)
          : kSymbols.indexOfText(String(k));
    let group = bySymbol.get(symbol);
    if (!group) {
      group = { symbol, first: list.length, sum: 0, numbers: 0, count: 0 };
      bySymbol.set(symbol, group);
      list.push(group);
    }
    const a = rowA[r]!;
    if (a !== null) group.count++;
    if (typeof a === 'number') {
      group.sum += a;
      group.numbers++;
    }
  }
  return list;
})();

const MEASURES: Record<string, (group: Group) => number | null> = {
  'Sum(A)': (group) => group.sum,
  'Avg(A)': (group) => (group.numbers > 0 ? group.sum / group.numbers : null),
  'Count(A)': (group) => group.count,
};

function compareMeasure(dir: number, a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return dir * (a - b);
}

function compareDimension(criteria: SortCriteria, a: number, b: number): number {
  if (a < 0 || b < 0) return a === b ? 0 : a < 0 ? 1 : -1;
  const numA = kSymbols.num(a);
  const numB = kSymbols.num(b);
  if (criteria.qSortByNumeric) {
    const aNum = numA === numA;
    const bNum = numB === numB;
    const result = aNum && bNum ? numA - numB : aNum === bNum ? 0 : aNum ? -1 : 1;
    if (result !== 0) return criteria.qSortByNumeric * result;
  }
  if (criteria.qSortByAscii) {
    const result = compareTexts(kSymbols.text(a), kSymbols.text(b));
    if (result !== 0) return criteria.qSortByAscii * result;
  }
  if (criteria.qSortByLoadOrder && a !== b) return criteria.qSortByLoadOrder * (a - b);
  return 0;
}

/** The chart's rows as [K text, measure number or null], sorted the plain way. */
function expectedRows(
  measure: string,
  measureDir: number,
  criteria: SortCriteria,
  measureFirst: boolean,
): [string, number | null][] {
  const value = MEASURES[measure]!;
  const byMeasure = (a: Group, b: Group) =>
    measureDir === 0 ? 0 : compareMeasure(measureDir, value(a), value(b));
  const byDimension = (a: Group, b: Group) => compareDimension(criteria, a.symbol, b.symbol);
  const steps = measureFirst ? [byMeasure, byDimension] : [byDimension, byMeasure];
  return [...groups]
    .sort((a, b) => steps[0]!(a, b) || steps[1]!(a, b) || a.first - b.first)
    .map((group) => [group.symbol < 0 ? '-' : kSymbols.text(group.symbol), value(group)]);
}

function rowsOf(matrix: readonly NxCell[][]): [string, number | null][] {
  return matrix.map((row) => [row[0]!.qText!, row[1]!.qIsNull ? null : (row[1]!.qNum as number)]);
}

function cubeOf(
  measure: string,
  measureDir: number,
  criteria: SortCriteria,
  measureFirst: boolean,
  firstRows: number,
): ComputedHyperCube {
  const def: HyperCubeDef = {
    qDimensions: [{ qDef: { qFieldDefs: ['K'], qSortCriterias: [criteria] } }],
    qMeasures: [{ qDef: { qDef: measure }, qSortBy: { qSortByNumeric: measureDir } }],
    qInterColumnSortOrder: measureFirst ? [1, 0] : [0, 1],
    qInitialDataFetch: firstRows > 0 ? [{ qLeft: 0, qTop: 0, qWidth: 2, qHeight: firstRows }] : [],
  };
  return computeHyperCube(model, state, def);
}

const page = (cube: ComputedHyperCube, top: number, height: number) =>
  rowsOf(cube.getHyperCubeData([{ qLeft: 0, qTop: top, qWidth: 2, qHeight: height }])[0]!.qMatrix);

const CRITERIA: SortCriteria[] = [
  { qSortByNumeric: 1, qSortByAscii: 1 },
  { qSortByNumeric: -1 },
  { qSortByAscii: -1 },
  { qSortByLoadOrder: 1 },
  { qSortByNumeric: 1, qSortByLoadOrder: -1 },
  {},
];

describe('a chart of many groups, page by page, against a plain sort', () => {
  test('the data has ties, null groups and texts', () => {
    expect(groups.length).toBeGreaterThan(800);
    expect(groups.some((group) => group.symbol < 0)).toBe(true);
    expect(groups.some((group) => group.numbers === 0)).toBe(true);
  });

  for (const measure of Object.keys(MEASURES))
    for (const measureDir of [-1, 1, 0])
      for (const measureFirst of [true, false])
        test(`${measure} sorted ${measureDir}, ${measureFirst ? 'measure' : 'dimension'} first, every criteria`, () => {
          for (const criteria of CRITERIA) {
            const expected = expectedRows(measure, measureDir, criteria, measureFirst);
            const label = JSON.stringify(criteria);
            const cube = cubeOf(measure, measureDir, criteria, measureFirst, 50);
            expect(cube.layout.qSize.qcy, label).toBe(expected.length);
            expect(rowsOf(cube.layout.qDataPages[0]!.qMatrix), label).toEqual(
              expected.slice(0, 50),
            );
            // The rows just past the first page, a page in the middle and the last (cut short).
            expect(page(cube, 50, 30), label).toEqual(expected.slice(50, 80));
            expect(page(cube, 400, 25), label).toEqual(expected.slice(400, 425));
            const last = expected.length - 10;
            expect(page(cube, last, 25), label).toEqual(expected.slice(last));
            // A page past the first asked of a chart that showed none.
            expect(
              page(cubeOf(measure, measureDir, criteria, measureFirst, 0), 300, 20),
              label,
            ).toEqual(expected.slice(300, 320));
          }
        });

  test('measure and dimension info are over every group, not the page', () => {
    const cube = cubeOf('Avg(A)', -1, { qSortByNumeric: 1 }, true, 50);
    const averages = groups.map(MEASURES['Avg(A)']!).filter((v): v is number => v !== null);
    const info = cube.layout.qMeasureInfo[0]!;
    expect(info.qMin).toBe(Math.min(...averages));
    expect(info.qMax).toBe(Math.max(...averages));
    expect(info.qApprMaxGlyphCount).toBe(Math.max(...averages.map((v) => String(v).length)));
    const numbers = groups
      .filter((group) => group.symbol >= 0)
      .map((group) => kSymbols.num(group.symbol))
      .filter((num) => num === num);
    const dimension = cube.layout.qDimensionInfo[0]!;
    expect(dimension.qMin).toBe(Math.min(...numbers));
    expect(dimension.qMax).toBe(Math.max(...numbers));
    expect(dimension.qCardinalities.qHypercubeCardinal).toBe(groups.length);
    const sums = groups.reduce((total, group) => total + group.sum, 0);
    const total = computeHyperCube(model, state, {
      qDimensions: [{ qDef: { qFieldDefs: ['K'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(A)' }, qSortBy: { qSortByNumeric: -1 } }],
      qInterColumnSortOrder: [1, 0],
    }).layout.qGrandTotalRow[0]!;
    expect(total.qNum).toBe(sums);
  });
});
