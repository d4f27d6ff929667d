import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { ModelError } from '../../src/model/ModelError.js';
import { Dual } from '../../src/value/Value.js';
import { loadedTable, salesTables } from './tableFixture.js';

describe('DataModel symbol tables', () => {
  const model = DataModel.fromTables(salesTables());

  it('merges same-named fields into one symbol table in first-seen load order', () => {
    const ids = model.field('CustomerID');
    expect(ids.symbols.texts).toEqual(['C1', 'C2', 'C3', 'C4', 'C9']);
    expect(ids.tableIndexes).toEqual([0, 1]);
    expect(Array.from(ids.symbols.nums).every(Number.isNaN)).toBe(true);
  });

  it('keeps text and number of every value', () => {
    const quantity = model.field('Quantity');
    expect(quantity.symbols.texts).toEqual(['5', '3', '1', '7', '2', '4']);
    expect(Array.from(quantity.symbols.nums)).toEqual([5, 3, 1, 7, 2, 4]);
    expect(quantity.symbols.value(0)).toBe(5);
  });

  it('stores rows as codes in the narrowest array, null as the cardinality', () => {
    const orders = model.table('Orders');
    const column = orders.column('CustomerID')!;
    expect(column.codes).toBeInstanceOf(Uint8Array);
    // One more code than rows: the null row outer joins point at.
    expect(Array.from(column.codes)).toEqual([0, 0, 1, 2, 4, 5, 5]);
    expect(column.nullCode).toBe(5);
    expect(column.symbolAt(5)).toBe(-1);
    expect(column.symbolAt(4)).toBe(4);
  });

  it('widens the code array with the cardinality', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [i]);
    const small = DataModel.fromTables([loadedTable('T', ['F'], rows(255))]);
    const medium = DataModel.fromTables([loadedTable('T', ['F'], rows(256))]);
    expect(small.table('T').column('F')!.codes).toBeInstanceOf(Uint16Array);
    expect(
      DataModel.fromTables([loadedTable('T', ['F'], rows(254))])
        .table('T')
        .column('F')!.codes,
    ).toBeInstanceOf(Uint8Array);
    expect(medium.table('T').column('F')!.codes).toBeInstanceOf(Uint16Array);
    expect(medium.field('F').cardinality).toBe(256);
  });

  it('treats values with equal numbers as one symbol and keeps the first text, text-only values apart', () => {
    const m = DataModel.fromTables([
      loadedTable('A', ['K'], [[1], ['x']]),
      loadedTable('B', ['K'], [[new Dual('01', 1)], ['1'], [new Dual('Jan', 1)], ['x']]),
    ]);
    const k = m.field('K');
    expect(k.symbols.texts).toEqual(['1', 'x', '1']);
    expect(Number.isNaN(k.symbols.num(2))).toBe(true);
    expect(Array.from(m.table('B').column('K')!.codes)).toEqual([0, 2, 0, 1, 3]);
  });

  it('keeps a dual whose text differs from its number', () => {
    const m = DataModel.fromTables([loadedTable('T', ['D'], [[new Dual('2024-01-31', 45322)]])]);
    const value = m.field('D').symbols.value(0);
    expect(value).toBeInstanceOf(Dual);
    expect(m.field('D').symbols.indexOfNum(45322)).toBe(0);
    expect(m.field('D').symbols.indexOfText('2024-01-31')).toBe(0);
  });
});

describe('DataModel tags and metadata', () => {
  const model = DataModel.fromTables(
    [
      ...salesTables(),
      loadedTable(
        'Rates',
        ['Rate', 'Note', '$Internal'],
        [
          [1.5, 'Ünïcode', 1],
          [2, 'plain', 2],
        ],
      ),
    ],
    { tags: { Rate: ['$date'] } },
  );

  it('derives system tags from values and roles', () => {
    expect(model.field('CustomerID').tags).toEqual(['$key', '$text', '$ascii']);
    expect(model.field('Quantity').tags).toEqual(['$numeric', '$integer', '$ascii']);
    expect(model.field('Rate').tags).toEqual(['$numeric', '$ascii', '$date']);
    expect(model.field('Note').tags).toEqual(['$text']);
    expect(model.field('$Internal').tags).toEqual([
      '$system',
      '$hidden',
      '$numeric',
      '$integer',
      '$ascii',
    ]);
    expect(model.field('$Internal').isHidden).toBe(true);
  });

  it('marks a field mixing numbers and texts as neither numeric nor text', () => {
    const m = DataModel.fromTables([loadedTable('T', ['M'], [[1], ['a']])]);
    expect(m.field('M').tags).toEqual(['$ascii']);
  });

  it('describes tables: rows, fields and key fields', () => {
    const orders = model.table('Orders');
    expect(orders.rowCount).toBe(6);
    expect(orders.fields.map((f) => f.name)).toEqual([
      'OrderID',
      'CustomerID',
      'ProductID',
      'Quantity',
    ]);
    expect(orders.keyFields.map((f) => f.name)).toEqual(['CustomerID', 'ProductID']);
    expect(model.tablesOfField('ProductID').map((t) => t.name)).toEqual(['Orders', 'Products']);
    expect(model.tables.map((t) => t.name)).toEqual(['Customers', 'Orders', 'Products', 'Rates']);
  });

  it('lists the association graph', () => {
    const links = model.associations.map((a) => `${a.from.name}-${a.field.name}-${a.to.name}`);
    expect(links).toEqual(['Customers-CustomerID-Orders', 'Orders-ProductID-Products']);
    expect(model.neighbours(model.table('Rates'))).toEqual([]);
  });

  it('finds the join tree bringing fields of several tables together', () => {
    const tree = model.joinTree(['Customer', 'Product']);
    expect(tree.root.name).toBe('Customers');
    expect(tree.nodes.map((n) => [n.table.name, n.parent?.name, n.via?.name])).toEqual([
      ['Customers', undefined, undefined],
      ['Orders', 'Customers', 'CustomerID'],
      ['Products', 'Orders', 'ProductID'],
    ]);
    const single = model.joinTree(['Quantity', 'OrderID']);
    expect(single.nodes.map((n) => n.table.name)).toEqual(['Orders']);
    const toKey = model.joinTree(['Country', 'ProductID']);
    expect(toKey.nodes.map((n) => n.table.name)).toEqual(['Customers', 'Orders']);
  });

  it('refuses fields that no association connects', () => {
    expect(() => model.joinTree(['Customer', 'Rate'])).toThrowError(
      expect.objectContaining({ code: 'NO_JOIN_PATH' }) as Error,
    );
  });

  it('fails with coded errors on unknown names and bad tables', () => {
    expect(() => model.field('Nope')).toThrow(ModelError);
    expect(() => model.table('Nope')).toThrowError(
      expect.objectContaining({ code: 'TABLE_NOT_FOUND' }) as Error,
    );
    const t = loadedTable('T', ['F'], [[1]]);
    expect(() => DataModel.fromTables([t, t])).toThrowError(
      expect.objectContaining({ code: 'DUPLICATE_TABLE' }) as Error,
    );
    const broken = {
      name: 'B',
      rowCount: 1,
      columns: [{ name: 'F', values: [1], indexes: Int32Array.of(3) }],
    };
    expect(() => DataModel.fromTables([broken])).toThrowError(
      expect.objectContaining({ code: 'INVALID_TABLE' }) as Error,
    );
  });
});

describe('DataModel synthetic keys', () => {
  const model = DataModel.fromTables([
    loadedTable(
      'Budget',
      ['Region', 'Year', 'Budget'],
      [
        ['North', 2023, 100],
        ['North', 2024, 110],
        ['South', 2024, 90],
      ],
    ),
    loadedTable(
      'Actuals',
      ['Region', 'Year', 'Actual'],
      [
        ['North', 2024, 105],
        ['South', 2024, 95],
        ['South', 2025, 80],
      ],
    ),
  ]);

  it('replaces the shared fields with a $Syn key and a table of the combinations', () => {
    expect(model.tables.map((t) => t.name)).toEqual(['Budget', 'Actuals', '$Syn 1 Table']);
    expect(model.table('Budget').fields.map((f) => f.name)).toEqual(['Budget', '$Syn 1']);
    expect(model.table('Actuals').fields.map((f) => f.name)).toEqual(['Actual', '$Syn 1']);
    const syn = model.table('$Syn 1 Table');
    expect(syn.isSynthetic).toBe(true);
    expect(syn.fields.map((f) => f.name)).toEqual(['$Syn 1', 'Region', 'Year']);
    const combos = Array.from({ length: syn.rowCount }, (_, r) => [
      model.field('Region').symbols.text(syn.column('Region')!.symbolAt(r)),
      model.field('Year').symbols.text(syn.column('Year')!.symbolAt(r)),
    ]);
    expect(combos).toEqual([
      ['North', '2023'],
      ['North', '2024'],
      ['South', '2024'],
      ['South', '2025'],
    ]);
    expect(Array.from(model.table('Actuals').column('$Syn 1')!.codes)).toEqual([1, 2, 3, 4]);
  });

  it('tags the key and its parts', () => {
    expect(model.field('$Syn 1').tags).toEqual(expect.arrayContaining(['$syn', '$key', '$hidden']));
    expect(model.field('Region').tags).toContain('$keypart');
    expect(model.field('Region').isKey).toBe(false);
    expect(model.associations.map((a) => `${a.from.name}-${a.field.name}-${a.to.name}`)).toEqual([
      'Budget-$Syn 1-Actuals',
      'Budget-$Syn 1-$Syn 1 Table',
      'Actuals-$Syn 1-$Syn 1 Table',
    ]);
  });

  it('indexes combinations too wide for one number by their joined codes', () => {
    // Four parts with ~10^4 values each span ~10^16 combinations, past exact doubles.
    const n = 10_001;
    const rows = Array.from({ length: n }, (_, i) => [i, i + 1, i + 2, i + 3, i % 2]);
    const m = DataModel.fromTables([
      loadedTable('L', ['W', 'X', 'Y', 'Z', 'l'], rows),
      loadedTable('R', ['W', 'X', 'Y', 'Z', 'r'], rows.slice(0, 3).reverse()),
    ]);
    expect(m.table('$Syn 1 Table').rowCount).toBe(n);
    expect(Array.from(m.table('R').column('$Syn 1')!.codes)).toEqual([2, 1, 0, n]);
  });

  it('can be switched off, leaving two keys between the tables', () => {
    const plain = DataModel.fromTables(
      [loadedTable('A', ['X', 'Y'], [[1, 2]]), loadedTable('B', ['X', 'Y'], [[1, 2]])],
      { syntheticKeys: false },
    );
    expect(plain.tables.map((t) => t.name)).toEqual(['A', 'B']);
    expect(plain.field('X').isKey).toBe(true);
  });

  it('builds keys on keys when a third table shares a smaller set', () => {
    const m = DataModel.fromTables([
      loadedTable('A', ['X', 'Y', 'Z', 'a'], [[1, 2, 3, 0]]),
      loadedTable('B', ['X', 'Y', 'Z', 'b'], [[1, 2, 3, 0]]),
      loadedTable('C', ['X', 'Y', 'c'], [[1, 2, 0]]),
    ]);
    expect(m.tables.map((t) => t.name)).toEqual(['A', 'B', 'C', '$Syn 1 Table', '$Syn 2 Table']);
    expect(m.table('$Syn 1 Table').fields.map((f) => f.name)).toEqual(['$Syn 1', 'Z', '$Syn 2']);
    expect(m.table('C').fields.map((f) => f.name)).toEqual(['c', '$Syn 2']);
  });
});

describe('DataModel system fields', () => {
  it('describes tables and fields in hidden system tables when asked', () => {
    const model = DataModel.fromTables(salesTables(), { systemFields: true });
    expect(model.table('$$SysTable 2').rowCount).toBe(3);
    expect(model.field('$Table').symbols.texts).toEqual(['Customers', 'Orders', 'Products']);
    expect(model.field('$Field').symbols.texts).toEqual([
      'CustomerID',
      'Customer',
      'Country',
      'OrderID',
      'ProductID',
      'Quantity',
      'Product',
      'Category',
    ]);
    expect(model.field('$Rows').symbols.texts).toEqual(['4', '6']);
    expect(model.field('$Table').tags).toEqual(
      expect.arrayContaining(['$system', '$hidden', '$key']),
    );
    const orders = model.table('$$SysTable 1');
    const fieldNos: string[] = [];
    for (let r = 0; r < orders.rowCount; r++) {
      if (model.field('$Table').symbols.text(orders.column('$Table')!.symbolAt(r)) !== 'Orders')
        continue;
      fieldNos.push(model.field('$FieldNo').symbols.text(orders.column('$FieldNo')!.symbolAt(r)));
    }
    expect(fieldNos).toEqual(['1', '2', '3', '4']);
    expect(DataModel.fromTables(salesTables()).findTable('$$SysTable 1')).toBeUndefined();
  });
});

describe('DataModel loops', () => {
  it('finds the key that closes a circular reference, and none in a tree or a hub', () => {
    const loop = DataModel.fromTables([
      loadedTable('Orders', ['OrderID', 'CustomerID', 'StoreID'], [[1, 'C1', 'S1']]),
      loadedTable('Customers', ['CustomerID', 'City'], [['C1', 'Oslo']]),
      loadedTable('Stores', ['StoreID', 'City'], [['S1', 'Oslo']]),
    ]);
    expect(loop.loopFields.map((f) => f.name)).toEqual(['City']);
    expect(DataModel.fromTables(salesTables()).loopFields).toEqual([]);
    const hub = DataModel.fromTables([
      loadedTable('A', ['K', 'a'], [[1, 1]]),
      loadedTable('B', ['K', 'b'], [[1, 1]]),
      loadedTable('C', ['K', 'c'], [[1, 1]]),
    ]);
    expect(hub.loopFields).toEqual([]);
  });
});
