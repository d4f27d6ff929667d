import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../src/script/ColumnBuilder.js';
import { Dual } from '../../src/value/Value.js';

describe('ColumnBuilder.fromLoaded', () => {
  it('keeps a loaded dictionary as it is and finds its values when rows are appended', () => {
    const one = new Dual('1.0', 1);
    const loaded = {
      name: 'F',
      values: ['a', one, 1, 'b'],
      indexes: Int32Array.from([3, 0, -1, 2, 1, 0]),
    };
    const column = ColumnBuilder.fromLoaded(loaded, 5);
    // The rows read back as loaded, even where two dictionary entries share a key.
    expect([0, 1, 2, 3, 4].map((row) => column.valueAt(row))).toEqual(['b', 'a', null, 1, one]);
    expect(column.values).not.toBe(loaded.values);
    // Appending looks values up in the dictionary (the first entry of a key wins).
    column.push('a');
    column.push(1);
    column.push('c');
    expect(column.has('b')).toBe(true);
    expect(column.has('z')).toBe(false);
    expect(Array.from(column.indexes.subarray(5, 8))).toEqual([0, 1, 4]);
    expect(column.values).toEqual(['a', one, 1, 'b', 'c']);
    expect(loaded.values).toHaveLength(4);
  });
});

describe('ColumnBuilder.appendColumn', () => {
  const built = (values: (string | number | null)[]): ColumnBuilder => {
    const column = new ColumnBuilder('part');
    for (const value of values) column.push(value);
    return column;
  };

  it('takes a part whole into an empty column, then merges the next part value by value', () => {
    const target = new ColumnBuilder('F');
    const first = built(['a', 1, null, 'a', 2]);
    target.appendColumn(first);
    expect(target.values).toBe(first.values);
    target.appendColumn(built([2, 'b', null, 'a']));
    const rows = Array.from({ length: target.length }, (_, row) => target.valueAt(row));
    expect(rows).toEqual(['a', 1, null, 'a', 2, 2, 'b', null, 'a']);
    expect(target.values).toEqual(['a', 1, 2, 'b']);
    // The dictionary taken over still finds its values.
    expect(target.find('b')).toBe(3);
    expect(target.indexOf(1)).toBe(1);
  });

  it('merges into a column that has rows, even only nulls', () => {
    const target = new ColumnBuilder('F');
    target.pushNulls(2);
    target.appendColumn(built(['x', 'x']));
    expect(Array.from({ length: 4 }, (_, row) => target.valueAt(row))).toEqual([
      null,
      null,
      'x',
      'x',
    ]);
  });
});
