import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { SymbolTableBuilder } from '../../src/model/SymbolTableBuilder.js';
import { SymbolTableNumberIndex } from '../../src/model/SymbolTableNumberIndex.js';
import { Dual } from '../../src/value/Value.js';

describe('SymbolTableNumberIndex', () => {
  it('finds each of many whole and fractional numbers, and nothing else', () => {
    const index = new SymbolTableNumberIndex();
    const nums = Array.from({ length: 50_000 }, (_, i) => (i % 2 === 0 ? i : i / 7 - 3000));
    nums.forEach((num, i) => index.set(num, i));
    expect(nums.filter((num, i) => index.get(num) !== i)).toEqual([]);
    expect(index.get(50_001)).toBe(-1);
    expect(index.get(0.5)).toBe(-1);
    expect(index.get(NaN)).toBe(-1);
  });

  it('treats 0 and -0 as one key', () => {
    const index = new SymbolTableNumberIndex();
    index.set(-0, 4);
    expect(index.get(0)).toBe(4);
  });
});

describe('SymbolTableBuilder', () => {
  it('merges numbers by value, keeps the first text, and spells plain numbers only when asked', () => {
    const builder = new SymbolTableBuilder();
    expect(builder.addAll([3, new Dual('007', 7), 'x', 7, new Dual('3.0', 3), 1e21, -0.5])).toEqual(
      Int32Array.of(0, 1, 2, 1, 0, 3, 4),
    );
    const symbols = builder.build();
    expect(symbols.size).toBe(5);
    expect(symbols.hasNumberText(0)).toBe(true);
    expect(symbols.hasNumberText(1)).toBe(false);
    expect(symbols.text(3)).toBe('1e+21');
    expect(symbols.texts).toEqual(['3', '007', 'x', '1e+21', '-0.5']);
    expect([0, 1, 2, 3, 4].map((i) => symbols.value(i))).toEqual([
      3,
      new Dual('007', 7),
      'x',
      1e21,
      -0.5,
    ]);
    expect(symbols.indexOfText('1e+21')).toBe(3);
    expect(symbols.indexOfNum(7)).toBe(1);
  });

  it('makes NaN one symbol spelled NaN, apart from the text NaN', () => {
    const builder = new SymbolTableBuilder();
    expect(builder.addAll([NaN, NaN, 'NaN'])).toEqual(Int32Array.of(0, 0, 1));
    const symbols = builder.build();
    expect(symbols.value(0)).toBe('NaN');
    expect(symbols.texts).toEqual(['NaN', 'NaN']);
  });
});

describe('SymbolTableBuilder.adopt', () => {
  it('takes distinct values as the symbols, and finds them when a later column adds more', () => {
    const builder = new SymbolTableBuilder();
    expect(builder.adopt([5, 'x', new Dual('007', 7), NaN, 'NaN'])).toBe(true);
    expect(builder.adopt([1])).toBe(false);
    expect(builder.addAll([7, 'NaN', NaN, 5, 'y', new Dual('5.0', 5)])).toEqual(
      Int32Array.of(2, 4, 3, 0, 5, 0),
    );
    const symbols = builder.build();
    expect(symbols.texts).toEqual(['5', 'x', '007', 'NaN', 'NaN', 'y']);
    expect(symbols.value(3)).toBe('NaN');
    expect(symbols.value(2)).toEqual(new Dual('007', 7));
  });
});

describe('DataModel.fromTables with a column it can take as is', () => {
  it('uses the indexes of a field first loaded and remaps the same field in a later table', () => {
    const first = { name: 'A', values: [10, 20, 30], indexes: Int32Array.of(2, -1, 0, 1, 2) };
    const later = { name: 'A', values: [30, 40, 10], indexes: Int32Array.of(0, 1, 2) };
    const model = DataModel.fromTables(
      [
        { name: 'T1', rowCount: 5, columns: [first] },
        { name: 'T2', rowCount: 3, columns: [later] },
      ],
      { syntheticKeys: false },
    );
    expect(Array.from(model.table('T1').column('A')!.codes)).toEqual([2, 4, 0, 1, 2, 4]);
    expect(Array.from(model.table('T2').column('A')!.codes)).toEqual([2, 3, 0, 4]);
    expect(model.field('A').tags).toContain('$ascii');
    // The loaded column is not written to.
    expect(Array.from(first.indexes)).toEqual([2, -1, 0, 1, 2]);
  });

  it('takes a column that says its values are distinct as the symbols', () => {
    const column = {
      name: 'F',
      values: [3, 'b', 1],
      indexes: Int32Array.of(2, 0, -1, 1),
      distinct: true,
    };
    const model = DataModel.fromTables([{ name: 'T', rowCount: 4, columns: [column] }]);
    expect(model.field('F').symbols.texts).toEqual(['3', 'b', '1']);
    expect(Array.from(model.table('T').column('F')!.codes)).toEqual([2, 0, 3, 1, 3]);
  });

  it('rejects an index outside the dictionary in every path', () => {
    const cases = [Int32Array.of(0, 3), Int32Array.of(0, -2)].flatMap((indexes) => [
      { indexes },
      { indexes, distinct: true },
    ]);
    for (const { indexes, distinct } of cases) {
      const table = {
        name: 'T',
        rowCount: 2,
        columns: [{ name: 'F', values: [1, 2], indexes, distinct }],
      };
      expect(() => DataModel.fromTables([table])).toThrowError(
        expect.objectContaining({ code: 'INVALID_TABLE' }) as Error,
      );
    }
  });
});
