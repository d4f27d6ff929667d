import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { selectionKey } from '../../src/selection/selectionKey.js';
import { SelectionState } from '../../src/selection/SelectionState.js';
import { salesTables } from '../model/tableFixture.js';
import { possibleTexts } from './stateHelpers.js';

const model = DataModel.fromTables(salesTables());

describe('selection maps shared by content', () => {
  it('gives states of one model that select the same values one map, keyed once', () => {
    const a = new SelectionState(model);
    const b = new SelectionState(model);
    a.selectValues('Country', ['Sweden']);
    b.selectValues('Country', ['Norway']);
    b.selectValues('Country', ['Sweden']);
    expect(b.selections).toBe(a.selections);
    expect(selectionKey(a.selections)).toBe(selectionKey(new Map(a.selections)));
    // Each state's history and result stay its own.
    expect(a.backCount).toBe(1);
    expect(b.backCount).toBe(2);
    expect(b.back()).toBe(true);
    expect([...b.selections.keys()]).toEqual([model.field('Country').index]);
    expect(possibleTexts(a.result(), 'Orders', 'OrderID')).toEqual(['1', '2', '4']);
  });

  it('keeps the order fields were first selected in, and the locks', () => {
    const a = new SelectionState(model);
    const b = new SelectionState(model);
    a.selectValues('Country', ['Sweden']);
    a.selectValues('Product', ['Shoe']);
    b.selectValues('Product', ['Shoe']);
    b.selectValues('Country', ['Sweden']);
    expect(b.selections).not.toBe(a.selections);
    expect([...a.selections.keys()]).toEqual([
      model.field('Country').index,
      model.field('Product').index,
    ]);
    a.lock('Country');
    const c = new SelectionState(model);
    c.selectValues('Country', ['Sweden']);
    c.selectValues('Product', ['Shoe']);
    expect(c.selections).not.toBe(a.selections);
    expect(a.selection('Country')?.locked).toBe(true);
    expect(c.selection('Country')?.locked).toBe(false);
    a.unlock('Country');
    expect(a.selections).toBe(c.selections);
  });

  it('shares no map between models', () => {
    const other = DataModel.fromTables(salesTables());
    const a = new SelectionState(model);
    const b = new SelectionState(other);
    a.selectValues('Customer', ['Alice']);
    b.selectValues('Customer', ['Alice']);
    expect(b.selections).not.toBe(a.selections);
    expect(selectionKey(b.selections)).toBe(selectionKey(a.selections));
  });

  it('changes nothing when a selection ends where it started', () => {
    const a = new SelectionState(model);
    a.selectValues('Country', ['Sweden']);
    const before = a.selections;
    expect(a.selectValues('Country', ['Sweden'])).toBe(false);
    expect(a.selections).toBe(before);
    expect(a.backCount).toBe(1);
  });
});
