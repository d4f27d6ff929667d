import { describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { selectValues, valueOf } from './chartOf.js';
import { tableOf } from './tableOf.js';

// Set analysis searches match whole values (ignoring case); the search box matches word starts.
const model = DataModel.fromTables([
  tableOf(
    'People',
    ['Name', 'Amount'],
    [
      ['Bob', 1],
      ['Bob Smith', 10],
      ['bob', 100],
      ['Anna Bob', 1000],
    ],
  ),
]);
const all = selectValues(model);

describe('searches in set modifiers', () => {
  test('a plain search is a whole-value match, ignoring case', () => {
    expect(valueOf(model, all, 'Sum({<Name={"Bob"}>} Amount)')).toBe(101);
  });

  test('wildcards widen it', () => {
    expect(valueOf(model, all, 'Sum({<Name={"Bob*"}>} Amount)')).toBe(111);
    expect(valueOf(model, all, 'Sum({<Name={"*Bob*"}>} Amount)')).toBe(1111);
  });

  test('a quoted literal is an exact, case-sensitive match', () => {
    expect(valueOf(model, all, "Sum({<Name={'Bob'}>} Amount)")).toBe(1);
  });
});
