import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { run } from './scriptTestKit.js';

describe('hand-over to the data model', () => {
  it('builds an associative model from the loaded tables', async () => {
    const result = await run(`
      Customers: LOAD * INLINE [
        CustomerId, Name
        1, Ann
        2, Ben
      ];
      Orders: LOAD RecNo() as OrderId, Mod(RecNo(), 2) + 1 as CustomerId, RecNo() * 10 as Amount AUTOGENERATE 4;`);
    const model = DataModel.fromTables(result.tables);
    expect(model.tables.map((table) => table.name)).toEqual(['Customers', 'Orders']);
    expect(model.tablesOfField('CustomerId').map((table) => table.name)).toEqual([
      'Customers',
      'Orders',
    ]);
    expect(model.field('Amount').cardinality).toBe(4);
  });

  it('hands over columns as dictionary values plus Int32 indexes, -1 for null', async () => {
    const result = await run(`
      T: LOAD * INLINE [
        a, b
        x, 1
        y, 2
        x, 3
      ];
      CONCATENATE (T) LOAD 'z' as a AUTOGENERATE 1;`);
    const [table] = result.tables;
    const [a, b] = table.columns;
    expect(table.rowCount).toBe(4);
    expect(a.values).toEqual(['x', 'y', 'z']);
    expect(Array.from(a.indexes.subarray(0, 4))).toEqual([0, 1, 0, 2]);
    expect(b.indexes).toBeInstanceOf(Int32Array);
    expect(Array.from(b.indexes.subarray(0, 4))).toEqual([0, 1, 2, -1]);
  });
});
