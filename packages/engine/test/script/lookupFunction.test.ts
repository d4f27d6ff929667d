import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { tableOf } from './scriptTestKit.js';

const run = (script: string) => runScript(script, { dataDir: tmpdir() });

describe('Lookup()', () => {
  test('the Lookup page: the category of each order’s product from a table loaded before', async () => {
    const result = await run(`ProductList: LOAD * INLINE [
        ProductID|Product|Category|Price
        1|AA|1|1
        2|BB|1|3
        3|CC|2|8
        4|DD|3|2
      ] (delimiter is '|');
      OrderData: LOAD *, Lookup('Category', 'ProductID', ProductID, 'ProductList') as CategoryID INLINE [
        InvoiceID|CustomerID|ProductID|Units
        1|Astrida|1|8
        1|Astrida|2|6
        2|Betacab|3|10
        3|Divadip|3|5
        4|Divadip|4|10
      ] (delimiter is '|');
      DROP TABLE ProductList;`);
    expect(tableOf(result, 'OrderData').rows.map((row) => row.at(-1))).toEqual([1, 1, 2, 2, 3]);
  });

  test('the first matching row wins; no match or no such table or field is NULL; the current table by default', async () => {
    const result = await run(`T: LOAD * INLINE [
        K, V
        a, 1
        a, 2
        b, 3
      ];
      LET vFirst = Lookup('V', 'K', 'a', 'T');
      LET vNone = If(IsNull(Lookup('V', 'K', 'z', 'T')), 'null', 'value');
      LET vNoTable = If(IsNull(Lookup('V', 'K', 'a', 'Nope')), 'null', 'value');
      U: NOCONCATENATE LOAD K, Lookup('K', 'K', K) as Seen INLINE [
        K
        x
        y
      ];`);
    expect(result.variables.get('vFirst')).toBe('1');
    expect(result.variables.get('vNone')).toBe('null');
    expect(result.variables.get('vNoTable')).toBe('null');
    // Rows are looked up in the table as loaded so far: only earlier rows are there.
    expect(tableOf(result, 'U').rows).toEqual([
      ['x', null],
      ['y', null],
    ]);
  });
});
