import { describe, expect, it } from 'vitest';
import { Dual } from '../../src/value/Value.js';
import { run, tableNames, tableOf } from './scriptTestKit.js';

describe('LOAD ... INLINE', () => {
  it('loads the header row as field names and interprets numbers', async () => {
    const result = await run(`
      T: LOAD * INLINE [
        id, name, code
        1, Alice, 007
        2, Bob, 1.50
      ];`);
    expect(tableOf(result, 'T')).toEqual({
      fields: ['id', 'name', 'code'],
      rows: [
        [1, 'Alice', new Dual('007', 7)],
        [2, 'Bob', new Dual('1.50', 1.5)],
      ],
    });
  });

  it('honours a delimiter spec and quoted values', async () => {
    const result = await run(`T: LOAD * INLINE [
a|b
"x|y"|2
] (delimiter is '|');`);
    expect(tableOf(result, 'T')).toEqual({ fields: ['a', 'b'], rows: [['x|y', 2]] });
  });

  it('names fields from expressions, AS, brackets and double quotes', async () => {
    const result = await run(`
      T: LOAD a, a + 1, [my field] as "other name", a * 2 as [doubled value] INLINE [
        a, my field
        1, p
        2, q
      ];`);
    expect(tableOf(result, 'T')).toEqual({
      fields: ['a', 'a + 1', 'other name', 'doubled value'],
      rows: [
        [1, 2, 'p', 2],
        [2, 3, 'q', 4],
      ],
    });
  });

  it('keeps only distinct rows with DISTINCT and filters with WHERE', async () => {
    const result = await run(`
      T: LOAD DISTINCT k INLINE [
        k, v
        a, 1
        b, 2
        a, 3
      ] WHERE v < 3 or k = 'a';`);
    expect(tableOf(result, 'T')).toEqual({ fields: ['k'], rows: [['a'], ['b']] });
  });

  it('reads texts matching DateFormat / TimestampFormat as dates, others stay text', async () => {
    const result = await run(`
      T: LOAD * INLINE [
        d, ts, other
        2012-01-01, 2012-01-01 10:30:00, 2001/01/01 06:55
        2012-02-30, 2012-01-01 10:30, 12-01
      ];
      SET DateFormat = 'DD/MM/YYYY';
      U: LOAD * INLINE [
        e
        31/12/2020
      ];`);
    expect(tableOf(result, 'T').rows).toEqual([
      [
        new Dual('2012-01-01', 40909),
        new Dual('2012-01-01 10:30:00', 40909.4375),
        '2001/01/01 06:55',
      ],
      ['2012-02-30', '2012-01-01 10:30', '12-01'],
    ]);
    expect(tableOf(result, 'U').rows).toEqual([[new Dual('31/12/2020', 44196)]]);
  });

  it('names a column with an empty header @n', async () => {
    const result = await run(`T: LOAD * INLINE [
a,,c
1,2,3
];`);
    expect(tableOf(result, 'T')).toEqual({ fields: ['a', '@2', 'c'], rows: [[1, 2, 3]] });
  });

  it('loads @1..@n names with no labels', async () => {
    const result = await run(`T: LOAD @2 as second, @1 INLINE [
x, 1
y, 2
] (no labels);`);
    expect(tableOf(result, 'T')).toEqual({
      fields: ['second', '@1'],
      rows: [
        [1, 'x'],
        [2, 'y'],
      ],
    });
  });
});

describe('RESIDENT, AUTOGENERATE and preceding loads', () => {
  it('reads a resident table in ORDER BY order', async () => {
    const result = await run(`
      A: LOAD * INLINE [
        n, t
        3, c
        1, a
        2, b
        1, z
      ];
      B: NOCONCATENATE LOAD n, t RESIDENT A ORDER BY n DESC, t;`);
    expect(tableOf(result, 'B').rows).toEqual([
      [3, 'c'],
      [2, 'b'],
      [1, 'a'],
      [1, 'z'],
    ]);
  });

  it('generates rows with RecNo(), RowNo() and WHILE with IterNo()', async () => {
    const result = await run(`
      G: LOAD RecNo() as r, IterNo() as i, RowNo() as n AUTOGENERATE 2 WHILE IterNo() <= 3;`);
    expect(tableOf(result, 'G')).toEqual({
      fields: ['r', 'i', 'n'],
      rows: [
        [1, 1, 1],
        [1, 2, 2],
        [1, 3, 3],
        [2, 1, 4],
        [2, 2, 5],
        [2, 3, 6],
      ],
    });
  });

  it('runs preceding loads bottom-up over the load below them', async () => {
    const result = await run(`
      T: LOAD *, c * 10 as d;
      LOAD a, a + b as c;
      LOAD * INLINE [
        a, b
        1, 2
        3, 4
      ];`);
    expect(tableOf(result, 'T')).toEqual({
      fields: ['a', 'c', 'd'],
      rows: [
        [1, 3, 30],
        [3, 7, 70],
      ],
    });
    expect(tableNames(result)).toEqual(['T']);
  });

  it('stops after FIRST n rows', async () => {
    const result = await run(`T: FIRST 3 LOAD RecNo() as r AUTOGENERATE 100;`);
    expect(tableOf(result, 'T').rows).toEqual([[1], [2], [3]]);
  });
});

describe('GROUP BY', () => {
  it('aggregates Sum, Count, Min, Max, Avg, Only and Concat per group', async () => {
    const result = await run(`
      Data: LOAD * INLINE [
        g, v, t
        a, 1, x
        b, 5, y
        a, 3, z
        b, 5, y
        c, , w
      ];
      Agg: LOAD g, Sum(v) as s, Count(v) as n, Min(v) as lo, Max(v) as hi, Avg(v) as mean,
         Only(t) as only, Concat(t, '-') as ts, Count(DISTINCT v) as dv
      RESIDENT Data GROUP BY g;`);
    expect(tableOf(result, 'Agg')).toEqual({
      fields: ['g', 's', 'n', 'lo', 'hi', 'mean', 'only', 'ts', 'dv'],
      rows: [
        ['a', 4, 2, 1, 3, 2, null, 'x-z', 2],
        ['b', 10, 2, 5, 5, 5, 'y', 'y-y', 1],
        ['c', 0, 1, null, null, null, 'w', 'w', 1],
      ],
    });
  });

  it('orders Concat by text, or by sort weight (DISTINCT keeps the first weight)', async () => {
    const result = await run(`
      D: LOAD * INLINE [
        g, t, w
        1, pear, 30
        1, apple, 20
        1, fig, 10
        1, pear, 5
      ];
      R: LOAD g, Concat(t, ',') as byText, Concat(DISTINCT t, ',', w) as byWeight, Concat(t, ',', 0) as loadOrder
      RESIDENT D GROUP BY g;`);
    expect(tableOf(result, 'R').rows).toEqual([
      [1, 'apple,fig,pear,pear', 'fig,apple,pear', 'pear,apple,fig,pear'],
    ]);
  });

  it('groups by several fields and allows expressions over aggregations', async () => {
    const result = await run(`
      D: LOAD * INLINE [
        a, b, v
        1, x, 10
        1, y, 20
        1, x, 30
      ];
      R: LOAD a, b, Sum(v) / Count(v) as avg2 RESIDENT D GROUP BY a, b;`);
    expect(tableOf(result, 'R').rows).toEqual([
      [1, 'x', 20],
      [1, 'y', 20],
    ]);
  });
});
