import { describe, expect, test } from 'vitest';
import { columnStats } from '../../src/hypercube/columnStats.js';
import { DataModel } from '../../src/model/DataModel.js';
import type { Value } from '../../src/value/Value.js';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function fieldOf(values: Value[]) {
  const model = DataModel.fromTables([
    {
      name: 'T',
      rowCount: values.length,
      columns: [{ name: 'F', values, indexes: Int32Array.from(values, (_, i) => i) }],
    },
  ]);
  return model.field('F');
}

// The plain answer: a look at every key's symbol.
function expected(keys: Int32Array, values: readonly Value[]) {
  const shown = [...new Set(keys)];
  const symbols = shown.filter((s) => s >= 0);
  const nums = symbols.map((s) => values[s]).filter((v): v is number => typeof v === 'number');
  return {
    min: nums.length > 0 ? Math.min(...nums) : Infinity,
    max: nums.length > 0 ? Math.max(...nums) : -Infinity,
    glyphs: Math.max(0, ...symbols.map((s) => String(values[s]).length)),
    numeric: keys.length > 0 && symbols.every((s) => typeof values[s] === 'number'),
    distinct: shown.length,
  };
}

describe('column stats', () => {
  test("a chart's only dimension, many or few of its values shown, nulls among them", () => {
    const next = random(3);
    for (const kind of ['numbers', 'texts', 'mixed'] as const) {
      const values: Value[] = Array.from({ length: 2000 }, (_, i) =>
        kind === 'numbers' || (kind === 'mixed' && i % 3 > 0)
          ? Math.round((next() - 0.5) * 10 ** Math.floor(next() * 7)) / 4
          : `t${'x'.repeat(Math.floor(next() * 60))}${i}`,
      );
      const unique = [...new Map(values.map((v) => [typeof v + String(v), v])).values()];
      const field = fieldOf(unique);
      for (const share of [1, 0.9, 0.3, 0.26, 0.05]) {
        const symbols = unique.map((_, s) => s).filter(() => next() < share);
        if (next() < 0.5) symbols.push(-1);
        symbols.sort(() => next() - 0.5);
        const keys = Int32Array.from(symbols);
        const label = `${kind} ${share}`;
        expect(columnStats(keys, field, true), label).toEqual(expected(keys, unique));
        // The same with the caller's mark of the symbols shown, and by the scan that keeps a set of those seen.
        const present = new Uint8Array(unique.length + 1);
        for (const s of symbols) if (s >= 0) present[s] = 1;
        expect(columnStats(keys, field, true, present), label).toEqual(expected(keys, unique));
        expect(columnStats(keys, field, false), label).toEqual(expected(keys, unique));
      }
    }
  });

  test("many values shown but none of the field's extremes", () => {
    const values: Value[] = Array.from({ length: 1000 }, (_, i) => (i * 37) % 1000);
    const field = fieldOf(values);
    // 80% of the values, none of the 100 smallest or largest numbers.
    const symbols = values.flatMap((v, s) =>
      (v as number) >= 100 && (v as number) < 900 ? [s] : [],
    );
    const keys = Int32Array.from(symbols);
    expect(columnStats(keys, field, true)).toEqual(expected(keys, values));
    expect(columnStats(keys, field, true).min).toBe(100);
  });

  test('a small field under many groups: nulls and Others found after every symbol was seen', () => {
    const next = random(9);
    const values: Value[] = [3, 'ab', 12.5, -7, 'longest text'];
    const field = fieldOf(values);
    for (const tail of [[], [-1], [-2, -1, -2], [-1, 4, 0, -1]]) {
      // Many keys, every symbol early, then the tail's nulls (-1) and Others (-2) among repeats.
      const symbols = [0, 1, 2, 3, 4];
      for (let i = 0; i < 500; i++) symbols.push(Math.floor(next() * 5));
      symbols.push(...tail);
      for (let i = 0; i < 100; i++) symbols.push(Math.floor(next() * 5));
      const keys = Int32Array.from(symbols);
      expect(columnStats(keys, field, false), String(tail)).toEqual(expected(keys, values));
    }
  });

  test('no rows: nothing numeric, no glyphs', () => {
    const field = fieldOf([1, 2, 3]);
    expect(columnStats(new Int32Array(0), field, true)).toEqual({
      min: Infinity,
      max: -Infinity,
      glyphs: 0,
      numeric: false,
      distinct: 0,
    });
  });
});
