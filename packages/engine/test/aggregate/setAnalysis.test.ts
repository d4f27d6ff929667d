import { describe, expect, test } from 'vitest';
import type { Selections } from '../../src/selection/FieldSelection.js';
import { DataModel } from '../../src/model/DataModel.js';
import { chartOf, selectValues, valueOf } from './chartOf.js';
import { salesModel } from './salesModel.js';
import { tableOf } from './tableOf.js';

const model = salesModel();
const all = selectValues(model);
const east = selectValues(model, { Region: ['East'] });

describe('set identifiers', () => {
  test('{1} ignores the selection and {$} follows it', () => {
    expect(valueOf(model, east, 'Sum({1} Amount)')).toBe(185);
    expect(valueOf(model, east, 'Sum({$} Amount)')).toBe(90);
  });

  test('a bookmark id names the bookmark selections', () => {
    const bookmark: Selections = selectValues(model, { Customer: ['Cid'] }).selections;
    const options = { bookmarks: (id: string) => (id === 'BM01' ? bookmark : undefined) };
    expect(valueOf(model, all, 'Sum({BM01} Amount)', options)).toBe(50);
  });

  test('an alternate state name uses that state', () => {
    const other = selectValues(model, { Year: [2020] });
    const options = { states: (name: string) => (name === 'Other' ? other : undefined) };
    expect(valueOf(model, east, 'Sum({Other} Amount)', options)).toBe(90);
    expect(valueOf(model, east, 'Sum({Other<Region={West}>} Amount)', options)).toBe(50);
  });

  test('an unknown identifier is an error with a code', () => {
    expect(() => valueOf(model, all, 'Sum({Nope} Amount)')).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_BOOKMARK' }),
    );
  });
});

describe('set modifiers', () => {
  test.each([
    ["Sum({<Region={'West'}>} Amount)", 95],
    ['Sum({<Year={2020}>} Amount)', 90],
    ['Sum({<Year={2020, 2021}, Region={West}>} Amount)', 95],
    ['Sum({<Amount={">=30"}>} Amount)', 150],
    ['Sum({<Amount={">10<40"}>} Amount)', 80],
    ['Sum({<Customer={"B*"}>} Amount)', 100],
    ['Sum({<Customer={"*i*"}>} Amount)', 50],
    ['Sum({<Customer={"=Sum(Amount) > 40"}>} Amount)', 150],
    ['Sum({<Customer=P({<Year={2020}>} Customer)>} Amount)', 180],
    ['Sum({<Customer=E({<Year={2020}>} Customer)>} Amount)', 0],
    ['Sum({<Customer={Ann, Bob} - {Bob}>} Amount)', 30],
    ['Sum({1<Customer={Ann}>} Amount)', 30],
  ])('%s', (measure, expected) => {
    expect(valueOf(model, all, measure)).toBe(expected);
  });

  test('F= clears the selection in F, F+= and F-= change it', () => {
    expect(valueOf(model, east, 'Sum({<Region=>} Amount)')).toBe(185);
    expect(valueOf(model, east, "Sum({<Region+={'West'}>} Amount)")).toBe(185);
    const both = selectValues(model, { Customer: ['Ann', 'Bob'] });
    expect(valueOf(model, both, "Sum({<Customer-={'Bob'}>} Amount)")).toBe(30);
    expect(valueOf(model, both, "Sum({<Customer*={'Bob', 'Cid'}>} Amount)")).toBe(100);
  });

  test('a field set to another field takes the values selected in it', () => {
    const trips = DataModel.fromTables([
      tableOf(
        'Trips',
        ['From', 'To', 'Km'],
        [
          ['A', 'B', 1],
          ['B', 'C', 10],
          ['C', 'A', 100],
        ],
      ),
    ]);
    const fromB = selectValues(trips, { From: ['B'] });
    // Trips arriving where the selected trips leave from: only A -> B.
    expect(valueOf(trips, fromB, 'Sum({<From=, To=From>} Km)')).toBe(1);
  });
});

describe('set operators', () => {
  test.each([
    ["Sum({<Region={'East'}> + <Year={2020}>} Amount)", 140],
    ["Sum({<Region={'East'}> * <Year={2020}>} Amount)", 40],
    ["Sum({<Region={'East'}> - <Year={2020}>} Amount)", 50],
    ["Sum({<Region={'East'}> / <Year={2020}>} Amount)", 100],
    ['Sum({1 - $} Amount)', 95],
  ])('%s', (measure, expected) => {
    expect(valueOf(model, measure.includes('1 - $') ? east : all, measure)).toBe(expected);
  });
});

describe('set analysis in charts', () => {
  test('rows come from the current selection, measures from their own sets', () => {
    const { rows } = chartOf(
      model,
      east,
      ['Customer'],
      ['Sum(Amount)', 'Sum({1} Amount)', 'Sum({<Year={2021}>} Amount)'],
    );
    expect(rows).toEqual([
      ['Ann', 30, 30, 20],
      ['Bob', 60, 100, 30],
    ]);
  });
});
