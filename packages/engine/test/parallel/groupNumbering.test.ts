import { afterAll, describe, expect, test } from 'vitest';
import { type GroupColumn, GroupIndex } from '../../src/aggregate/GroupIndex.js';
import {
  configureParallelism,
  parallelism,
  stopEngineThreads,
} from '../../src/parallel/engineThreads.js';

// Groups numbered the plain way: ids in order of each key's first row.
function naive(columns: readonly GroupColumn[], length: number) {
  const ids = new Map<string, number>();
  const ofRow: number[] = [];
  for (let i = 0; i < length; i++) {
    const key = columns.map((c) => c.symbols[c.rows[i]!]).join(',');
    if (!ids.has(key)) ids.set(key, ids.size);
    ofRow.push(ids.get(key)!);
  }
  return { count: ids.size, ofRow };
}

// Pseudo-random codes in 0..cardinality (cardinality itself is null), the rows a subset in order.
function columnOf(cardinality: number, seed: number, rows: Int32Array, tableRows: number) {
  const symbols = new Uint32Array(tableRows);
  let x = seed;
  for (let r = 0; r < tableRows; r++) {
    x = (x * 1103515245 + 12345) >>> 0;
    symbols[r] = (x >>> 8) % (cardinality + 1);
  }
  return { symbols, rows, cardinality };
}

function build(columns: readonly GroupColumn[], length: number, threads: number) {
  configureParallelism({ threads, minRows: 512, blockRows: 256 });
  const index = GroupIndex.build(columns, length);
  return {
    count: index.count,
    ofRow: Array.from(index.ofRow),
    keys: index.keys.map((k) => Array.from(k)),
  };
}

describe('group numbering on threads', () => {
  const configured = parallelism();
  afterAll(async () => {
    configureParallelism(configured);
    await stopEngineThreads();
  });

  const tableRows = 9000;
  const rows = Int32Array.from({ length: 6000 }, (_, i) => Math.floor(i * 1.5));
  const cases: [string, GroupColumn[]][] = [
    // 2,001 x 1,201 codes: too many for the threaded numbering's first-row tables (one thread numbers them).
    [
      'two columns, a big key space',
      [columnOf(2000, 1, rows, tableRows), columnOf(1200, 2, rows, tableRows)],
    ],
    ['three columns, a big key space', [3, 4, 5].map((s) => columnOf(140, s, rows, tableRows))],
    [
      'two columns, a small key space',
      [columnOf(30, 6, rows, tableRows), columnOf(20, 7, rows, tableRows)],
    ],
  ];
  test.each(cases)(
    '%s: the ids of the one-thread numbering at 1, 2 and 3 threads',
    (_, columns) => {
      const expected = naive(columns, rows.length);
      const one = build(columns, rows.length, 1);
      expect({ count: one.count, ofRow: one.ofRow }).toEqual(expected);
      expect(build(columns, rows.length, 2)).toEqual(one);
      expect(build(columns, rows.length, 3)).toEqual(one);
    },
  );

  test('a kept code table never lets an earlier grouping show through', () => {
    configureParallelism({ threads: 1 });
    const columns = [columnOf(2000, 8, rows, tableRows), columnOf(1200, 9, rows, tableRows)];
    GroupIndex.build(columns, rows.length);
    // Fewer rows over the same codes: groups of the first pass that are absent here stay absent.
    const fewer = rows.subarray(0, 100);
    const again = columns.map((c) => ({ ...c, rows: fewer }));
    const index = GroupIndex.build(again, fewer.length);
    expect({ count: index.count, ofRow: Array.from(index.ofRow) }).toEqual(
      naive(again, fewer.length),
    );
  });
});
