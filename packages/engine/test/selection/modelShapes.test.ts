import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { SelectionState } from '../../src/selection/SelectionState.js';
import { loadedTable, salesTables } from '../model/tableFixture.js';
import { possibleTexts, statesOf } from './stateHelpers.js';

describe('selections across model shapes', () => {
  it('keeps a selected key value that only one table holds possible there', () => {
    const state = new SelectionState(DataModel.fromTables(salesTables()));
    state.selectValues('CustomerID', ['C9']);
    const result = state.result();
    expect(statesOf(result, 'CustomerID')).toEqual({ C1: 'A', C2: 'A', C3: 'A', C4: 'A', C9: 'S' });
    expect(possibleTexts(result, 'Orders', 'OrderID')).toEqual(['5']);
    expect(result.rows('Customers').count()).toBe(0);
    expect(statesOf(result, 'Product')).toEqual({ Shoe: 'O', Hat: 'X', Phone: 'X', Watch: 'X' });
  });

  it('propagates through a synthetic key', () => {
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
    const state = new SelectionState(model);
    state.selectValues('Year', [2024]);
    expect(possibleTexts(state.result(), 'Budget', 'Budget')).toEqual(['110', '90']);
    expect(possibleTexts(state.result(), 'Actuals', 'Actual')).toEqual(['105', '95']);
    state.selectValues('Budget', [100]);
    const result = state.result();
    expect(statesOf(result, 'Year')).toEqual({ '2023': 'A', '2024': 'XS', '2025': 'X' });
    state.clearField('Year');
    expect(statesOf(state.result(), 'Region')).toEqual({ North: 'O', South: 'X' });
    expect(state.result().rows('Actuals').count()).toBe(0);
  });

  it('treats a key in three tables as one hub, not a loop', () => {
    const model = DataModel.fromTables([
      loadedTable(
        'People',
        ['Id', 'Name'],
        [
          [1, 'Ann'],
          [2, 'Ben'],
          [3, 'Cid'],
        ],
      ),
      loadedTable(
        'Skills',
        ['Id', 'Skill'],
        [
          [1, 'SQL'],
          [2, 'Go'],
        ],
      ),
      loadedTable(
        'Phones',
        ['Id', 'Phone'],
        [
          [2, '555'],
          [3, '777'],
        ],
      ),
    ]);
    const state = new SelectionState(model);
    state.selectValues('Skill', ['SQL']);
    expect(possibleTexts(state.result(), 'People', 'Name')).toEqual(['Ann']);
    expect(state.result().rows('Phones').count()).toBe(0);
    state.selectValues('Name', ['Cid']);
    expect(statesOf(state.result(), 'Name')).toEqual({ Ann: 'A', Ben: 'X', Cid: 'XS' });
    state.clearAll();
    state.selectValues('Name', ['Cid']);
    expect(statesOf(state.result(), 'Skill')).toEqual({ SQL: 'X', Go: 'X' });
    expect(statesOf(state.result(), 'Phone')).toEqual({ '555': 'X', '777': 'O' });
  });

  it('keeps unlinked tables whole', () => {
    const model = DataModel.fromTables([
      ...salesTables(),
      loadedTable('Notes', ['Note'], [['a'], ['b']]),
    ]);
    const state = new SelectionState(model);
    state.selectValues('Country', ['Norway']);
    expect(state.result().rows('Notes').count()).toBe(2);
    state.selectValues('Note', ['a']);
    expect(possibleTexts(state.result(), 'Customers', 'Customer')).toEqual(['Bob']);
  });
});
