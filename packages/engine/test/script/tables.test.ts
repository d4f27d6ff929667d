import { describe, expect, it } from 'vitest';
import { run, tableNames, tableOf } from './scriptTestKit.js';

const PEOPLE = `People: LOAD * INLINE [
  id, name
  1, Ann
  2, Ben
  3, Cid
];`;
const ORDERS = `INLINE [
  id, amount
  1, 10
  1, 11
  4, 40
]`;

describe('concatenation', () => {
  it('appends a load with the same field set to the existing table automatically', async () => {
    const result = await run(`
      A: LOAD * INLINE [
        x, y
        1, a
      ];
      B: LOAD y, x INLINE [
        y, x
        b, 2
      ];`);
    expect(tableNames(result)).toEqual(['A']);
    expect(tableOf(result, 'A').rows).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('CONCATENATE (T) merges different field sets with nulls; NOCONCATENATE keeps a copy apart', async () => {
    const result = await run(`
      A: LOAD * INLINE [
        x
        1
      ];
      B: LOAD * INLINE [
        z
        9
      ];
      CONCATENATE (A) LOAD * INLINE [
        x, y
        2, b
      ];
      C: NOCONCATENATE LOAD x, y RESIDENT A;`);
    expect(tableNames(result)).toEqual(['A', 'B', 'C']);
    expect(tableOf(result, 'A')).toEqual({
      fields: ['x', 'y'],
      rows: [
        [1, null],
        [2, 'b'],
      ],
    });
    expect(tableOf(result, 'C').rows).toEqual([
      [1, null],
      [2, 'b'],
    ]);
  });

  it('suffixes a new table whose name is taken', async () => {
    const result = await run(`
      T: LOAD * INLINE [
        a
        1
      ];
      T: LOAD * INLINE [
        b
        2
      ];`);
    expect(tableNames(result)).toEqual(['T', 'T-1']);
  });
});

describe('JOIN and KEEP', () => {
  it.each([
    [
      'INNER',
      [
        [1, 'Ann', 10],
        [1, 'Ann', 11],
      ],
    ],
    [
      'LEFT',
      [
        [1, 'Ann', 10],
        [1, 'Ann', 11],
        [2, 'Ben', null],
        [3, 'Cid', null],
      ],
    ],
    [
      'RIGHT',
      [
        [1, 'Ann', 10],
        [1, 'Ann', 11],
        [4, null, 40],
      ],
    ],
    [
      'OUTER',
      [
        [1, 'Ann', 10],
        [1, 'Ann', 11],
        [2, 'Ben', null],
        [3, 'Cid', null],
        [4, null, 40],
      ],
    ],
  ])('%s JOIN combines rows on the shared field', async (kind, rows) => {
    const result = await run(`${PEOPLE}\n${kind} JOIN (People) LOAD * ${ORDERS};`);
    expect(tableNames(result)).toEqual(['People']);
    expect(tableOf(result, 'People')).toEqual({ fields: ['id', 'name', 'amount'], rows });
  });

  it('JOIN without a target joins into the last table; no shared field gives a cross join', async () => {
    const result = await run(`
      A: LOAD * INLINE [
        a
        1
        2
      ];
      JOIN LOAD * INLINE [
        b
        x
        y
      ];`);
    expect(tableOf(result, 'A').rows).toEqual([
      [1, 'x'],
      [1, 'y'],
      [2, 'x'],
      [2, 'y'],
    ]);
  });

  it('INNER KEEP reduces both tables and keeps them apart', async () => {
    const result = await run(`${PEOPLE}\nOrders: INNER KEEP (People) LOAD * ${ORDERS};`);
    expect(tableOf(result, 'People').rows).toEqual([[1, 'Ann']]);
    expect(tableOf(result, 'Orders').rows).toEqual([
      [1, 10],
      [1, 11],
    ]);
  });

  it('LEFT KEEP reduces only the new table', async () => {
    const result = await run(`${PEOPLE}\nOrders: LEFT KEEP (People) LOAD * ${ORDERS};`);
    expect(tableOf(result, 'People').rows).toHaveLength(3);
    expect(tableOf(result, 'Orders').rows).toEqual([
      [1, 10],
      [1, 11],
    ]);
  });
});

describe('MAPPING LOAD', () => {
  it('maps values with ApplyMap, falling back to the default or the value, and is not a table', async () => {
    const result = await run(`
      Countries: MAPPING LOAD * INLINE [
        code, country
        se, Sweden
        us, USA
      ];
      T: LOAD code, ApplyMap('Countries', code) as c1, ApplyMap('Countries', code, 'unknown') as c2 INLINE [
        code
        se
        fr
      ];`);
    expect(tableNames(result)).toEqual(['T']);
    expect(tableOf(result, 'T').rows).toEqual([
      ['se', 'Sweden', 'Sweden'],
      ['fr', 'fr', 'unknown'],
    ]);
  });

  it('replaces substrings with MapSubString', async () => {
    const result = await run(`
      M: MAPPING LOAD * INLINE [
        from, to
        ab, X
        a, Y
      ];
      T: LOAD MapSubString('M', s) as r INLINE [
        s
        aab-ba
      ];`);
    expect(tableOf(result, 'T').rows).toEqual([['YX-bY']]);
  });
});

describe('DROP, RENAME and QUALIFY', () => {
  it('drops tables and fields, and a table left without fields', async () => {
    const result = await run(`
      A: LOAD * INLINE [
        k, x
        1, 2
      ];
      B: LOAD * INLINE [
        k, y
        1, 3
      ];
      C: LOAD * INLINE [
        z
        4
      ];
      DROP FIELD k FROM A;
      DROP FIELDS y, z;
      DROP TABLE B;`);
    expect(tableNames(result)).toEqual(['A']);
    expect(tableOf(result, 'A')).toEqual({ fields: ['x'], rows: [[2]] });
  });

  it('renames tables and fields', async () => {
    const result = await run(`
      A: LOAD * INLINE [
        k, x
        1, 2
      ];
      RENAME TABLE A TO B;
      RENAME FIELD x TO y;`);
    expect(tableNames(result)).toEqual(['B']);
    expect(tableOf(result, 'B').fields).toEqual(['k', 'y']);
  });

  it('qualifies fields as Table.Field, except unqualified ones', async () => {
    const result = await run(`
      QUALIFY *;
      UNQUALIFY 'id*';
      A: LOAD * INLINE [
        id, name, amount
        1, a, 2
      ];
      UNQUALIFY *;
      QUALIFY 'n?me';
      B: LOAD * INLINE [
        id, name, amount
        1, b, 3
      ];`);
    expect(tableOf(result, 'A').fields).toEqual(['id', 'A.name', 'A.amount']);
    expect(tableOf(result, 'B').fields).toEqual(['id', 'B.name', 'amount']);
  });
});
