import { describe, expect, it } from 'vitest';
import { run, tableNames, tableOf } from './scriptTestKit.js';

describe('script functions', () => {
  it('Peek reads earlier rows of the table being loaded and of other tables', async () => {
    const result = await run(`
      Running: LOAD v, RangeSum(v, Peek('total')) as total INLINE [
        v
        1
        2
        3
      ];
      Last: LOAD Peek('total', -1, 'Running') as lastTotal, Peek('v', 0, 'Running') as firstV AUTOGENERATE 1;`);
    expect(tableOf(result, 'Running').rows).toEqual([
      [1, 1],
      [2, 3],
      [3, 6],
    ]);
    expect(tableOf(result, 'Last').rows).toEqual([[6, 1]]);
  });

  it('Previous() reads the last record that passed WHERE; AutoNumber() numbers distinct values', async () => {
    const result = await run(`
      T: LOAD v, Previous(v) as prev, AutoNumber(k) as n, AutoNumber(k, 'other') as m INLINE [
        k, v
        b, 1
        a, 2
        b, 3
        a, 4
      ] WHERE v <> 2;`);
    expect(tableOf(result, 'T').rows).toEqual([
      [1, null, 1, 1],
      [3, 1, 1, 1],
      [4, 3, 2, 2],
    ]);
  });

  it('Exists() filters to keys already loaded, including rows of the same load', async () => {
    const result = await run(`
      Keys: LOAD * INLINE [
        k
        a
        b
      ];
      New: LOAD k as n INLINE [
        k
        b
        c
      ] WHERE Exists(k);
      Once: LOAD DISTINCT u INLINE [
        u
        x
        x
        y
      ] WHERE NOT Exists(u);`);
    expect(tableOf(result, 'New').rows).toEqual([['b']]);
    expect(tableOf(result, 'Once').rows).toEqual([['x'], ['y']]);
  });

  it('NoOfRows, NoOfTables, TableName and FieldName describe loaded tables', async () => {
    const result = await run(`
      [My Table]: LOAD RecNo() as r, 'x' as s AUTOGENERATE 3;
      LET rows = NoOfRows('My Table');
      LET tables = NoOfTables();
      LET first = TableName(0);
      LET field2 = FieldName(2, 'My Table');`);
    expect(tableNames(result)).toEqual(['My Table']);
    expect(result.variables.get('rows')).toBe('3');
    expect(result.variables.get('tables')).toBe('1');
    expect(result.variables.get('first')).toBe('My Table');
    expect(result.variables.get('field2')).toBe('s');
  });

  it('FOR EACH over FieldValueList() walks the distinct values of a field', async () => {
    const result = await run(`
      T: LOAD * INLINE [
        f
        b
        a
        b
      ];
      SET seen = ;
      FOR EACH v IN FieldValueList('f')
        SET seen = $(seen)$(v);
      NEXT`);
    expect(result.variables.get('seen')).toBe('ba');
  });

  it('RIGHT KEEP reduces the existing table to keys of the new one', async () => {
    const result = await run(`
      A: LOAD * INLINE [
        k, x
        1, a
        2, b
      ];
      B: RIGHT KEEP (A) LOAD * INLINE [
        k, y
        2, c
      ];`);
    expect(tableOf(result, 'A').rows).toEqual([[2, 'b']]);
    expect(tableOf(result, 'B').rows).toEqual([[2, 'c']]);
  });

  it('SLEEP waits, DIRECTORY resets the folder, TAG tags a field', async () => {
    const started = Date.now();
    const result = await run(`
      DIRECTORY;
      SLEEP 30;
      TAG FIELD a WITH 'x';
      SET done = 1;`);
    expect(result.variables.get('done')).toBe('1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(result.fieldTags).toEqual({ a: ['x'] });
  });
});
