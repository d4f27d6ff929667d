import { describe, expect, test } from 'vitest';
import { ChartScope } from '../../src/aggregate/ChartScope.js';
import { compileColumnKernel } from '../../src/aggregate/columnKernel.js';
import { keyGroups } from '../../src/aggregate/rowGroups.js';
import { compileExpression } from '../../src/expression/compileExpression.js';
import { parseExpression } from '../../src/expression/parseExpression.js';
import { numberOf } from '../../src/expression/aggregations/groupReaders.js';
import { DataModel } from '../../src/model/DataModel.js';
import { DEFAULT_FORMAT_SETTINGS } from '../../src/value/FormatSettings.js';
import { Dual, type Value } from '../../src/value/Value.js';
import { chartOf, selectValues } from './chartOf.js';

// Numbers with nulls, text, text that reads as a number, duals: what kernels must not get wrong.
const ROWS = 60;
const columns: Record<string, (i: number) => Value> = {
  A: (i) => (i % 7 === 0 ? null : (i % 11) - 3),
  B: (i) => (i % 5 === 0 ? 0 : (i * 3) % 8),
  C: (i) => ['x', 'y', 'z', null][i % 4]!,
  T: (i) => ['12', 'abc', '3.5'][i % 3]!,
  D: (i) => new Dual(`d${i % 6}`, i % 6),
  E: (i) => (i % 9 === 0 ? 'n/a' : i / 4),
};

function buildModel(): DataModel {
  return DataModel.fromTables([
    {
      name: 'T',
      rowCount: ROWS,
      columns: Object.entries(columns).map(([name, valueOf]) => {
        const values: Value[] = [];
        const keys = new Map<string, number>();
        const indexes = new Int32Array(ROWS);
        for (let i = 0; i < ROWS; i++) {
          const value = valueOf(i);
          if (value === null) {
            indexes[i] = -1;
            continue;
          }
          const key = value instanceof Dual ? `d:${value.text}` : `${typeof value}:${value}`;
          let index = keys.get(key);
          if (index === undefined) keys.set(key, (index = values.push(value) - 1));
          indexes[i] = index;
        }
        return { name, values, indexes };
      }),
    },
  ]);
}

const model = buildModel();
const table = model.table('T');
const allRows = Int32Array.from({ length: ROWS }, (_, i) => i);
const scope = new ChartScope(model, () => ({ rows: () => allRows }));

const EXPRESSIONS = [
  'A*B',
  'A/B',
  'A-B*2',
  '-A+B',
  "If(C='x', A)",
  "If(C='x', A, B)",
  'If(A > B, A, -B)',
  "If(C='x' and A > 2, A)",
  "If(not C='x' or B = 3, 1, 0)",
  'A + Len(C)',
  "If(C='x', C)",
  'T * 2',
  'T + A',
  'If(A > B, T)',
  'D + 1',
  "If(C='y', D)",
  'A = B',
  'A <> B',
  'A >= B',
  'E * B',
  'E > A',
  'If(C, A)',
  '1e308 * A * 10 + B',
  'A / 0 + B',
  'Year(D) + B',
];

describe('column kernels', () => {
  for (const source of EXPRESSIONS) {
    test(`${source} reads as the row evaluator reads it`, () => {
      const expr = parseExpression(source);
      const frame = scope.frame(undefined, ['A', 'B', 'C', 'T', 'D', 'E']);
      const kernel = compileColumnKernel(expr, frame, scope, DEFAULT_FORMAT_SETTINGS);
      if (!kernel) return; // declined: the row evaluator runs it, nothing to compare
      const numbers = kernel.run();
      const compiled = compileExpression(expr);
      for (let i = 0; i < frame.length; i++) {
        const row = frame.rowsOf(table)[i]!;
        const value = compiled({
          format: DEFAULT_FORMAT_SETTINGS,
          field: (name) => {
            const column = table.column(name);
            if (!column) return undefined;
            const symbol = column.symbolAt(row);
            return symbol < 0 ? null : column.field.symbols.value(symbol);
          },
        });
        expect(numbers[i], `row ${i}`).toBe(numberOf(value));
        if (kernel.exact)
          expect(value === null || typeof value === 'number', `row ${i} exact`).toBe(true);
      }
    });
  }

  test('a grouped pass gives per group what the vector gives, and the total in the same pass', () => {
    const frame = scope.frame(undefined, ['A', 'B', 'C', 'T', 'D', 'E']);
    const groups = 5;
    const ofRow = Int32Array.from({ length: frame.length }, (_, i) => (i * 7) % groups);
    const c = scope.fieldIn(frame, 'C');
    const byC = keyGroups([{ ...c, cardinality: c.field.cardinality }], frame.length)!;
    const ofC = Int32Array.from({ length: frame.length }, (_, i) => c.codes[c.rows[i]!]!);
    expect(byC.count).toBe(4);
    let compiled = 0;
    for (const source of EXPRESSIONS) {
      const kernel = compileColumnKernel(
        parseExpression(source),
        frame,
        scope,
        DEFAULT_FORMAT_SETTINGS,
      );
      if (!kernel) continue;
      compiled++;
      const numbers = kernel.run();
      for (const op of ['sum', 'avg', 'min', 'max', 'count'] as const) {
        const expected = [
          ...perGroup(numbers, ofRow, groups, op),
          ...perGroup(numbers, new Int32Array(frame.length), 1, op),
        ];
        const ids = { kind: 'ids', ofRow, count: groups } as const;
        expect([...kernel.reduce(op, ids, true)], `${op}(${source})`).toEqual(expected);
        expect([...kernel.reduce(op, ids)], `${op}(${source})`).toEqual(expected.slice(0, groups));
        // Grouped by C's key (its code, null last) instead of by ids.
        const slots = byC.count;
        const keyed = [...perGroup(numbers, ofC, slots, op), expected[groups]];
        expect([...kernel.reduce(op, byC, true)], `${op}(${source}) by C`).toEqual(keyed);
      }
    }
    expect(compiled).toBeGreaterThan(15);
  });

  test('arithmetic, conditions and parts of one field compile', () => {
    const frame = scope.frame(undefined, ['A', 'B', 'C']);
    for (const source of ['A*B', "If(C='x', A)", "If(C='x' and A > 2, A, B)", 'A + Len(C)'])
      expect(
        compileColumnKernel(parseExpression(source), frame, scope, DEFAULT_FORMAT_SETTINGS),
        source,
      ).toBeDefined();
  });

  test('Sum(If(...)) equals the same sum written as a set', () => {
    const state = selectValues(model, { B: [1, 2, 3, 4, 5, 6] });
    const viaIf = chartOf(model, state, ['C'], ["Sum(If(C='x', A))", "Count(If(C='x', A))"]);
    const viaSet = chartOf(model, state, ['C'], ["Sum({<C={'x'}>} A)", "Count({<C={'x'}>} A)"]);
    expect(viaIf.rows).toEqual(viaSet.rows);
    expect(viaIf.totals).toEqual(viaSet.totals);
  });

  test('Sum, Min, Max, Avg and Count of a computed vector agree with the row evaluator per group', () => {
    const state = selectValues(model, { B: [0, 1, 2, 3, 5, 6] });
    for (const source of ['A*B', "If(C='x', A)", 'A - B * 2']) {
      const aggregations = ['Sum', 'Min', 'Max', 'Avg', 'Count'];
      // Alt() over several fields is declined by the kernel compiler: the row evaluator runs it.
      const viaKernel = chartOf(
        model,
        state,
        ['C'],
        aggregations.map((name) => `${name}(${source})`),
      );
      const viaRows = chartOf(
        model,
        state,
        ['C'],
        aggregations.map((name) => `${name}(Alt(${source}, Null()))`),
      );
      // -0 and 0 are one number on the wire (JSON has no -0); which of them Min keeps is not specified.
      const plain = (value: unknown): unknown =>
        Array.isArray(value) ? value.map(plain) : value === 0 ? 0 : value;
      expect(plain(viaKernel.rows), source).toEqual(plain(viaRows.rows));
      expect(plain(viaKernel.totals), source).toEqual(plain(viaRows.totals));
    }
  });
});

// What each grouped operation gives from a vector of numbers (NaN for null), written plainly.
function perGroup(
  numbers: Float64Array,
  ofRow: Int32Array,
  groups: number,
  op: 'sum' | 'avg' | 'min' | 'max' | 'count',
): number[] {
  return Array.from({ length: groups }, (_, g) => {
    const mine = [...numbers].filter((v, i) => ofRow[i] === g && v === v);
    if (op === 'count') return mine.length;
    if (op === 'sum') return mine.reduce((a, b) => a + b, 0);
    if (mine.length === 0) return NaN;
    if (op === 'avg') return mine.reduce((a, b) => a + b, 0) / mine.length;
    return mine.reduce((a, b) => (op === 'min' ? (b < a ? b : a) : b > a ? b : a));
  });
}
