import { describe, expect, test } from 'vitest';
import { bitsetRows } from '../../src/aggregate/bitsetRows.js';
import { GroupIndex } from '../../src/aggregate/GroupIndex.js';

function column(symbols: number[], cardinality: number) {
  const rows = Int32Array.from(symbols.keys());
  return { symbols: Int32Array.from(symbols), rows, cardinality };
}

describe('GroupIndex', () => {
  test('numbers groups in order of first appearance, null (code = cardinality) as its own key', () => {
    const index = GroupIndex.build([column([1, 0, 1, 2, 0], 2)], 5);
    expect(index.count).toBe(3);
    expect(Array.from(index.ofRow)).toEqual([0, 1, 0, 2, 1]);
    expect(Array.from(index.keys[0]!)).toEqual([1, 0, -1]);
    expect(index.find([-1])).toBe(2);
    expect(index.find([0])).toBe(1);
  });

  test('two columns read through different row mappings', () => {
    const a = {
      symbols: Int32Array.from([0, 1]),
      rows: Int32Array.from([0, 0, 1]),
      cardinality: 2,
    };
    const b = {
      symbols: Int32Array.from([5, 6, 5]),
      rows: Int32Array.from([0, 1, 2]),
      cardinality: 7,
    };
    const index = GroupIndex.build([a, b], 3);
    expect(index.count).toBe(3);
    expect(index.find([0, 6])).toBe(1);
    expect(index.find([1, 5])).toBe(2);
    expect(index.find([1, 6])).toBe(-1);
  });

  test('a key space too big for a dense table is numbered through a map', () => {
    const n = 1000;
    const cols = [0, 1, 2].map((k) =>
      column(
        Array.from({ length: n }, (_, i) => (i * (k + 3)) % 400),
        400,
      ),
    );
    const index = GroupIndex.build(cols, n);
    const distinct = new Set(
      Array.from({ length: n }, (_, i) => cols.map((c) => c.symbols[i]).join(',')),
    );
    expect(index.count).toBe(distinct.size);
    for (let i = 0; i < n; i += 97) {
      const keys = cols.map((c) => c.symbols[i]!);
      expect(index.find(keys)).toBe(index.ofRow[i]);
    }
  });

  test('parentsIn maps each group to the group of a coarser grouping over the same rows', () => {
    const region = column([0, 0, 1, 1, 0, 2], 2);
    const customer = column([0, 1, 1, 0, 0, 1], 2);
    const outer = GroupIndex.build([region], 6);
    const inner = GroupIndex.build([region, customer], 6);
    const parents = inner.parentsIn(outer);
    for (let i = 0; i < 6; i++) expect(parents[inner.ofRow[i]!]).toBe(outer.ofRow[i]);
    // The same answer from a grouping built without its first rows (row by row).
    const rebuilt = new GroupIndex(inner.count, inner.ofRow, inner.keys, [1, 3, 9]);
    expect(Array.from(rebuilt.parentsIn(outer))).toEqual(Array.from(parents));
    expect(Array.from(inner.keys[0]!)).toEqual([0, 0, 1, 1, -1]);
  });

  test('keys are the symbols of each group at its first frame row, for 1, 2 and 3 columns', () => {
    // Frame rows that skip and revisit table rows, nulls (code 5) included.
    const rows = Int32Array.from({ length: 300 }, (_, i) => (i * 37) % 211);
    const symbols = [1, 2, 3].map((k) =>
      Int32Array.from({ length: 211 }, (_, r) => (r * (k + 1) + k) % 6),
    );
    for (const width of [1, 2, 3]) {
      const cols = symbols.slice(0, width).map((s) => ({ symbols: s, rows, cardinality: 5 }));
      const index = GroupIndex.build(cols, rows.length);
      const firstOf = new Map<number, number>();
      for (let i = 0; i < rows.length; i++)
        if (!firstOf.has(index.ofRow[i]!)) firstOf.set(index.ofRow[i]!, i);
      expect(index.count).toBe(firstOf.size);
      cols.forEach((c, k) => {
        const expected = Array.from({ length: index.count }, (_, g) => {
          const s = c.symbols[rows[firstOf.get(g)!]!]!;
          return s === 5 ? -1 : s;
        });
        expect(Array.from(index.keys[k]!)).toEqual(expected);
      });
    }
  });

  test('keys read through reused first rows are right for indexes of different sizes, read in any order', () => {
    // Three columns (keys worked out from first rows), frames of 5,000, 40 and 2,000 rows.
    const build = (length: number, seed: number) => {
      const rows = Int32Array.from({ length }, (_, i) => (i * 7 + seed) % 997);
      const cols = [3, 5, 11].map((m, k) => ({
        symbols: Int32Array.from({ length: 997 }, (_, r) => ((r + seed) * (k + 2)) % m),
        rows,
        cardinality: m - 1,
      }));
      return { cols, index: GroupIndex.build(cols, length) };
    };
    const expectedKeys = ({ cols, index }: ReturnType<typeof build>) => {
      const firstOf = new Map<number, number>();
      for (let i = 0; i < index.ofRow.length; i++)
        if (!firstOf.has(index.ofRow[i]!)) firstOf.set(index.ofRow[i]!, i);
      return cols.map((c) =>
        Array.from({ length: index.count }, (_, g) => {
          const s = c.symbols[c.rows[firstOf.get(g)!]!]!;
          return s === c.cardinality ? -1 : s;
        }),
      );
    };
    const big = build(5000, 1);
    const small = build(40, 2);
    const keysOf = (built: ReturnType<typeof build>) => built.index.keys.map((k) => Array.from(k));
    expect(keysOf(small)).toEqual(expectedKeys(small));
    expect(keysOf(big)).toEqual(expectedKeys(big));
    const middle = build(2000, 3);
    expect(keysOf(middle)).toEqual(expectedKeys(middle));
    // Keys once read stay as they were while other indexes read theirs.
    expect(keysOf(small)).toEqual(expectedKeys(small));
  });

  test("four columns numbered with their key codes: over one table's rows and over two, nulls included, one after another", () => {
    // Keys worked out from each group's key code (reused working array), checked against the
    // symbols at each group's first row; ids in order of first appearance.
    const check = (length: number, seed: number, twoTables: boolean) => {
      const rows = Int32Array.from({ length }, (_, i) => (i * 13 + seed) % 1009);
      const other = Int32Array.from({ length }, (_, i) => (i * 7 + seed) % 1009);
      const cols = [7, 5, 4, 3].map((m, k) => ({
        // Code m - 1 is the null (cardinality m - 1).
        symbols: Uint8Array.from({ length: 1009 }, (_, r) => ((r + seed) * (k + 3)) % m),
        rows: twoTables && k === 2 ? other : rows,
        cardinality: m - 1,
      }));
      const index = GroupIndex.build(cols, length);
      const idOf = new Map<string, number>();
      const firstOf: number[] = [];
      for (let i = 0; i < length; i++) {
        const key = cols.map((c) => c.symbols[c.rows[i]!]).join(',');
        if (!idOf.has(key)) {
          idOf.set(key, idOf.size);
          firstOf.push(i);
        }
        expect(index.ofRow[i]).toBe(idOf.get(key));
      }
      expect(index.count).toBe(idOf.size);
      cols.forEach((c, k) => {
        const expected = firstOf.map((i) => {
          const symbol = c.symbols[c.rows[i]!]!;
          return symbol === c.cardinality ? -1 : symbol;
        });
        expect(Array.from(index.keys[k]!)).toEqual(expected);
      });
      return index;
    };
    const first = check(3000, 1, false);
    const firstKeys = first.keys.map((k) => Array.from(k));
    check(50, 2, true);
    check(2000, 3, true);
    check(3000, 4, false);
    // Keys once read stay as they were.
    expect(first.keys.map((k) => Array.from(k))).toEqual(firstKeys);
  });

  test('no columns make one group when there are rows, none otherwise', () => {
    expect(GroupIndex.build([], 4).count).toBe(1);
    expect(GroupIndex.build([], 0).count).toBe(0);
  });
});

describe('bitsetRows', () => {
  test('lists the set bits of full, empty and sparse words in order', () => {
    const words = Uint32Array.from([0xffffffff, 0, 0b1001, 0x80000000]);
    const expected = [...Array.from({ length: 32 }, (_, i) => i), 64, 67, 127];
    expect(Array.from(bitsetRows(words))).toEqual(expected);
  });
});
