import { describe, expect, test } from 'vitest';
import { measureInfo } from '../../src/hypercube/columnInfo.js';
import { computeHyperCube } from '../../src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../src/hypercube/QixShapes.js';
import { type ColumnKey, chainComparator, sortRows } from '../../src/hypercube/sortKeys.js';
import { DataModel } from '../../src/model/DataModel.js';
import { SelectionResult } from '../../src/selection/SelectionResult.js';

// A small deterministic generator, so a failure reproduces.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

describe('sorted rows', () => {
  test('packed rank keys sort as the comparator chain does, ties by group', () => {
    const next = random(7);
    const n = 5000;
    const keys: ColumnKey[] = [3, 50, 7].map((span) => ({
      kind: 'rank',
      span,
      ranks: Int32Array.from({ length: n }, () => Math.floor(next() * span)),
    }));
    const reference = Array.from(identity(n)).sort(chainComparator(keys));
    expect(Array.from(sortRows(identity(n), keys, n).all())).toEqual(reference);
    // Groups listed out of order take the comparison sort, with the same answer.
    expect(Array.from(sortRows(identity(n).reverse(), keys, n).all())).toEqual(reference);
    // A rank space far bigger than the rows, too.
    const wide: ColumnKey[] = [
      ...keys,
      { kind: 'rank', span: 1000, ranks: identity(n).map((i) => i % 1000) },
    ];
    const wideReference = Array.from(identity(n)).sort(chainComparator(wide));
    expect(Array.from(sortRows(identity(n), wide, n).all())).toEqual(wideReference);
  });

  test('consecutive counting sorts of different sizes reuse their working arrays and answer as fresh ones', () => {
    const next = random(23);
    // Rank keys and symbol rank keys (nulls included) over a subset of the groups, as a selection leaves.
    const keysFor = (n: number, spans: number[]): ColumnKey[] =>
      spans.map((span, k) => {
        if (k % 2 === 0)
          return {
            kind: 'rank',
            span,
            ranks: Int32Array.from({ length: n }, () => Math.floor(next() * span)),
          };
        const table = Int32Array.from({ length: span - 1 }, () => Math.floor(next() * (span - 1)));
        const keys = Int32Array.from({ length: n }, () => Math.floor(next() * span) - 1);
        return { kind: 'symbolRank', keys, table, nullRank: span - 1, span };
      });
    const cases: [number, number[]][] = [
      [60_000, [51, 22, 14, 12]],
      [900, [5, 7]],
      [60_000, [13, 400]],
      [3, [2, 2, 2]],
      [60_000, [51, 22, 14, 12]],
    ];
    for (const [n, spans] of cases) {
      const keys = keysFor(n, spans);
      const shown = identity(n).filter(() => next() < 0.7);
      const reference = Array.from(shown).sort(chainComparator(keys));
      expect(Array.from(sortRows(shown, keys, n).all())).toEqual(reference);
    }
  });

  test('a first page of a packed rank order is selected, and is the head of the full order', () => {
    const next = random(31);
    const n = 40_000;
    // Four dimensions' ranks (nulls and equal ranks included) over a subset of the groups, as a 4-dims chart's.
    const keys: ColumnKey[] = [51, 22, 14, 12].map((span, k) => {
      if (k % 2 === 0)
        return {
          kind: 'rank',
          span,
          ranks: Int32Array.from({ length: n }, () => Math.floor(next() * span)),
        };
      const table = Int32Array.from({ length: span - 1 }, () => Math.floor(next() * (span - 2)));
      const symbols = Int32Array.from({ length: n }, () => Math.floor(next() * span) - 1);
      return { kind: 'symbolRank', keys: symbols, table, nullRank: span - 1, span };
    });
    for (const shown of [identity(n), identity(n).filter(() => next() < 0.6)]) {
      const reference = Array.from(shown).sort(chainComparator(keys));
      const order = sortRows(shown, keys, n);
      order.ensure(100);
      // Selected, not sorted whole: the first rows are known, the rest not yet.
      expect((order as unknown as { sorted?: Int32Array }).sorted).toBeUndefined();
      expect(Array.from({ length: 100 }, (_, row) => order.at(row))).toEqual(
        reference.slice(0, 100),
      );
      expect(Array.from({ length: 300 }, (_, row) => order.at(row))).toEqual(
        reference.slice(0, 300),
      );
      expect(Array.from(order.all())).toEqual(reference);
      // Read row after row (as a full answer is), the order is selected a few times, then sorted whole.
      const rowByRow = sortRows(shown, keys, n);
      const started = performance.now();
      const read = Array.from({ length: shown.length }, (_, row) => rowByRow.at(row));
      expect(read).toEqual(reference);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  test('a first page of a number-keyed order is the head of the full order', () => {
    const next = random(11);
    const n = 20_000;
    const values = Float64Array.from({ length: n }, () =>
      next() < 0.05 ? NaN : Math.floor(next() * 500),
    );
    const keys: ColumnKey[] = [
      { kind: 'number', values, dir: -1 },
      { kind: 'rank', span: n, ranks: identity(n).reverse() },
    ];
    const reference = Array.from(identity(n)).sort(chainComparator(keys));
    const order = sortRows(identity(n), keys, n);
    const head = Array.from({ length: 50 }, (_, row) => order.at(row));
    expect(head).toEqual(reference.slice(0, 50));
    // Reading past the selected head sorts the rest.
    expect(order.at(n - 1)).toBe(reference[n - 1]);
    expect(Array.from(order.all())).toEqual(reference);
  });

  test("a first page by numbers with infinities, nulls, signed zeros and ties is the full order's head", () => {
    const next = random(5);
    const n = 10_000;
    const pool = [Infinity, -Infinity, NaN, 0, -0, 1, -1, 2.5];
    const values = Float64Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]!);
    for (const dir of [1, -1]) {
      const keys: ColumnKey[] = [
        { kind: 'number', values, dir },
        { kind: 'rank', span: 7, ranks: Int32Array.from({ length: n }, (_, i) => i % 7) },
      ];
      const reference = Array.from(identity(n)).sort(chainComparator(keys));
      const order = sortRows(identity(n), keys, n);
      order.ensure(100);
      const head = Array.from({ length: 100 }, (_, row) => order.at(row));
      expect(head).toEqual(reference.slice(0, 100));
    }
  });

  test('nulls sort last in either direction', () => {
    const values = Float64Array.from([3, NaN, 1, 2]);
    const up = sortRows(identity(4), [{ kind: 'number', values, dir: 1 }], 4);
    const down = sortRows(identity(4), [{ kind: 'number', values, dir: -1 }], 4);
    expect(Array.from(up.all())).toEqual([2, 3, 0, 1]);
    expect(Array.from(down.all())).toEqual([0, 3, 2, 1]);
  });

  test('a chart sorted by a measure shows its largest rows first, page after page', () => {
    const n = 3000;
    const model = DataModel.fromTables([
      {
        name: 'T',
        rowCount: n,
        columns: [
          { name: 'K', values: Array.from({ length: n }, (_, i) => i), indexes: identity(n) },
          {
            name: 'V',
            values: Array.from({ length: 97 }, (_, v) => v),
            indexes: Int32Array.from({ length: n }, (_, i) => (i * 31) % 97),
          },
        ],
      },
    ]);
    const def: HyperCubeDef = {
      qDimensions: [{ qDef: { qFieldDefs: ['K'], qSortCriterias: [{ qSortByNumeric: 1 }] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(V)' }, qSortBy: { qSortByNumeric: -1 } }],
      qInterColumnSortOrder: [1, 0],
      qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 2, qHeight: 20 }],
    };
    const cube = computeHyperCube(model, SelectionResult.fromSelections(model, new Map()), def);
    const expected = Array.from({ length: n }, (_, k) => ({ k, v: (k * 31) % 97 })).sort(
      (a, b) => b.v - a.v || a.k - b.k,
    );
    const first = cube.layout.qDataPages[0]!.qMatrix.map((row) => row[0]!.qNum);
    expect(first).toEqual(expected.slice(0, 20).map((row) => row.k));
    const later = cube.getHyperCubeData([{ qLeft: 0, qTop: 2000, qWidth: 2, qHeight: 10 }]);
    expect(later[0]!.qMatrix.map((row) => row[0]!.qNum)).toEqual(
      expected.slice(2000, 2010).map((row) => row.k),
    );
  });
});

describe('measure info', () => {
  test('glyph counts are the lengths of the values as text', () => {
    const values = [
      0,
      -0,
      0.5,
      -12.25,
      1234.5678,
      0.1 + 0.2,
      1e21,
      123456789012345,
      -7,
      1 / 3,
      null,
    ];
    const more = [0.0001, -0.0625, 99_999_999_999.75, 123_456_789_012.5, 1e-7, 2 ** 53, 0.1];
    for (const value of [...values, ...more]) {
      const expected = value === null ? 1 : String(value).length;
      const info = measureInfo({ qDef: { qDef: 'x' } }, [value]);
      expect(info.qApprMaxGlyphCount, String(value)).toBe(expected);
      // A measure column kept as numbers (NaN for null) counts the same.
      const numbers = measureInfo({ qDef: { qDef: 'x' } }, Float64Array.of(value ?? NaN));
      expect(numbers.qApprMaxGlyphCount, String(value)).toBe(expected);
    }
  });

  test('a column of numbers: the longest text among those counted and those written out', () => {
    const textLength = (value: number) => (value !== value ? 1 : String(value).length);
    const column = (values: Float64Array) => {
      const info = measureInfo({ qDef: { qDef: 'x' } }, values);
      const numbers = Array.from(values).filter((value) => value === value);
      expect(info.qApprMaxGlyphCount).toBe(Math.max(...Array.from(values, textLength)));
      // No number at all: 'NaN', as Qlik writes it.
      expect(info.qMin).toBe(numbers.length > 0 ? Math.min(...numbers) : 'NaN');
      expect(info.qMax).toBe(numbers.length > 0 ? Math.max(...numbers) : 'NaN');
    };
    // Quarters count without their text; a sum that is not one, and 1/3, need it.
    const long = Float64Array.from({ length: 5000 }, (_, i) => (i - 2500) * 0.25);
    long[17] = 0.1 + 0.2;
    long[4000] = NaN;
    long[4999] = 1 / 3;
    column(long);
    // The longest is one counted without its text.
    column(Float64Array.of(0.1 + 0.2, -123_456_789_012_345, NaN, 2.5));
    // A shorter column after the long one: nothing of the long one's is read.
    column(Float64Array.of(1.5, 22, -0.75));
    column(Float64Array.of(NaN));
  });
});
