import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import {
  currentSelections,
  DEFAULT_SELECTION_THRESHOLD,
} from '../../src/selection/currentSelections.js';
import { listValues } from '../../src/selection/listValues.js';
import { SelectionState } from '../../src/selection/SelectionState.js';
import { fromSnapshot } from '../../src/selection/SelectionSnapshot.js';
import { loadedTable, salesTables } from '../model/tableFixture.js';

const model = DataModel.fromTables(salesTables());

describe('selection snapshots', () => {
  it('round-trips through JSON, locks included, as an undoable change', () => {
    const state = new SelectionState(model);
    state.selectValues('Customer', ['Alice', 'Carol']);
    state.lock('Customer');
    state.selectValues('Product', ['Hat']);
    const json = JSON.stringify(state.snapshot());
    expect(JSON.parse(json)).toEqual({
      fields: [
        { field: 'Customer', locked: true, indexes: [0, 2], texts: ['Alice', 'Carol'] },
        { field: 'Product', locked: false, indexes: [1], texts: ['Hat'] },
      ],
    });
    const other = new SelectionState(model);
    expect(other.restore(JSON.parse(json))).toBe(true);
    expect(other.snapshot()).toEqual(state.snapshot());
    expect(other.back()).toBe(true);
    expect(other.selections.size).toBe(0);
  });

  it('resolves values by text after a reload reorders them and drops what is gone', () => {
    const reloaded = DataModel.fromTables([
      loadedTable('Customers', ['Customer'], [['Carol'], ['Zed'], ['Alice']]),
    ]);
    const selections = fromSnapshot(reloaded, {
      fields: [
        { field: 'Customer', locked: false, indexes: [0, 2, 3], texts: ['Alice', 'Carol', 'Dave'] },
        { field: 'Product', locked: false, indexes: [1], texts: ['Hat'] },
      ],
    });
    expect([...selections.keys()]).toEqual([reloaded.field('Customer').index]);
    expect(selections.get(reloaded.field('Customer').index)!.values.indexes()).toEqual([0, 2]);
  });

  it('rejects malformed snapshots with a coded error', () => {
    expect(() => fromSnapshot(model, { fields: [{ field: 'Customer' }] })).toThrowError(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }) as Error,
    );
    expect(() => fromSnapshot(model, null)).toThrowError(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }) as Error,
    );
  });
});

describe('currentSelections', () => {
  it('lists selected fields in selection order with texts, counts and lock', () => {
    const state = new SelectionState(model);
    state.selectValues('Product', ['Phone', 'Hat']);
    state.selectValues('Country', ['Sweden']);
    state.lock('Country');
    const summary = currentSelections(state);
    expect(summary.state).toBe('$');
    expect(summary.backCount).toBe(3);
    expect(
      summary.items.map((item) => [
        item.field,
        item.selectedText,
        item.selectedCount,
        item.total,
        item.locked,
      ]),
    ).toEqual([
      ['Product', 'Hat, Phone', 2, 4, false],
      ['Country', 'Sweden', 1, 3, true],
    ]);
    expect(summary.items[0].stateCounts).toMatchObject({
      qSelected: 2,
      qAlternative: 1,
      qExcluded: 1,
    });
    expect(summary.items[1].stateCounts).toMatchObject({ qLocked: 1 });
    expect(summary.items[0].threshold).toBe(DEFAULT_SELECTION_THRESHOLD);
  });

  it('switches to "N of M" above the threshold', () => {
    const state = new SelectionState(model);
    state.selectValues('Quantity', [1, 2, 3]);
    const [quantity] = currentSelections(state, 2).items;
    expect(quantity.selectedText).toBe('3 of 6');
    expect(quantity.selectedValues).toEqual(['3', '1']);
    expect(quantity.isNumeric).toBe(true);
    expect(currentSelections(state, 3).items[0].selectedText).toBe('3, 1, 2');
  });
});

describe('listValues', () => {
  it('sorts by state, then number, then text', () => {
    const state = new SelectionState(model);
    state.selectValues('Country', ['Sweden']);
    state.selectValues('Product', ['Shoe']);
    const values = listValues(state.result(), 'Quantity');
    expect(values.map((v) => `${v.text}:${v.state}`)).toEqual([
      '5:O',
      '1:X',
      '2:X',
      '3:X',
      '4:X',
      '7:X',
    ]);
    const products = listValues(state.result(), 'Product');
    expect(products.map((v) => `${v.text}:${v.state}`)).toEqual([
      'Shoe:S',
      'Hat:A',
      'Phone:A',
      'Watch:X',
    ]);
  });

  it('sorts by text or load order in either direction', () => {
    const result = new SelectionState(model).result();
    const byText = listValues(result, 'Customer', { sort: { byText: -1 } });
    expect(byText.map((v) => v.text)).toEqual(['Dave', 'Carol', 'Bob', 'Alice']);
    const byLoad = listValues(result, 'Quantity', { sort: { byLoadOrder: -1 } });
    expect(byLoad.map((v) => v.index)).toEqual([5, 4, 3, 2, 1, 0]);
    const numDesc = listValues(result, 'Quantity', { sort: { byNumeric: -1 } });
    expect(numDesc.map((v) => v.num)).toEqual([7, 5, 4, 3, 2, 1]);
  });

  it('filters by search string and by state', () => {
    const state = new SelectionState(model);
    state.selectValues('Country', ['Norway']);
    const result = state.result();
    expect(
      listValues(result, 'Customer', { search: '*a*' }).map((v) => `${v.text}:${v.state}`),
    ).toEqual(['Alice:X', 'Carol:X', 'Dave:X']);
    expect(listValues(result, 'Country', { states: ['A'] }).map((v) => v.text)).toEqual([
      'Denmark',
      'Sweden',
    ]);
  });
});
