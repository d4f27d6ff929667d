import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { currentSelections } from '../../src/selection/currentSelections.js';
import { SelectionError } from '../../src/selection/SelectionError.js';
import { SelectionState } from '../../src/selection/SelectionState.js';
import { SelectionStates } from '../../src/selection/SelectionStates.js';
import { SymbolSet } from '../../src/selection/SymbolSet.js';
import { salesTables } from '../model/tableFixture.js';
import { possibleTexts, statesOf } from './stateHelpers.js';

const model = DataModel.fromTables(salesTables());

describe('SelectionState propagation and value states', () => {
  it('leaves every value optional when nothing is selected', () => {
    const result = new SelectionState(model).result();
    expect(Object.values(statesOf(result, 'Customer'))).toEqual(['O', 'O', 'O', 'O']);
    expect(result.rows('Orders').count()).toBe(6);
  });

  it('restricts associated tables and marks the other values of the selected field alternative', () => {
    const state = new SelectionState(model);
    expect(state.selectValues('Country', ['Sweden'])).toBe(true);
    const result = state.result();
    expect(statesOf(result, 'Country')).toEqual({ Sweden: 'S', Norway: 'A', Denmark: 'A' });
    expect(statesOf(result, 'Customer')).toEqual({ Alice: 'O', Bob: 'X', Carol: 'O', Dave: 'X' });
    expect(statesOf(result, 'CustomerID')).toEqual({ C1: 'O', C2: 'X', C3: 'O', C4: 'X', C9: 'X' });
    expect(possibleTexts(result, 'Orders', 'OrderID')).toEqual(['1', '2', '4']);
    expect(statesOf(result, 'Product')).toEqual({ Shoe: 'O', Hat: 'O', Phone: 'O', Watch: 'X' });
    expect(statesOf(result, 'Quantity')).toEqual({
      '5': 'O',
      '3': 'O',
      '1': 'X',
      '7': 'O',
      '2': 'X',
      '4': 'X',
    });
  });

  it('makes alternatives depend on the other fields’ selections only', () => {
    const state = new SelectionState(model);
    state.selectValues('Country', ['Sweden']);
    state.selectValues('Product', ['Phone']);
    const result = state.result();
    expect(possibleTexts(result, 'Orders', 'OrderID')).toEqual(['4']);
    expect(statesOf(result, 'Country')).toEqual({ Sweden: 'S', Norway: 'X', Denmark: 'X' });
    expect(statesOf(result, 'Product')).toEqual({ Shoe: 'A', Hat: 'A', Phone: 'S', Watch: 'X' });
    expect(statesOf(result, 'Customer')).toEqual({ Alice: 'X', Bob: 'X', Carol: 'O', Dave: 'X' });
    expect(result.stateCounts('Product')).toEqual({
      qLocked: 0,
      qSelected: 1,
      qOption: 0,
      qDeselected: 0,
      qAlternative: 2,
      qExcluded: 1,
      qSelectedExcluded: 0,
      qLockedExcluded: 0,
    });
  });

  it('keeps rows with a null key possible from their own side and drops them once the other side restricts', () => {
    const state = new SelectionState(model);
    state.selectValues('Product', ['Phone']);
    expect(possibleTexts(state.result(), 'Orders', 'OrderID')).toEqual(['4', '6']);
    expect(statesOf(state.result(), 'CustomerID')).toEqual({
      C1: 'X',
      C2: 'X',
      C3: 'O',
      C4: 'X',
      C9: 'X',
    });
    state.selectValues('Country', ['Sweden']);
    expect(possibleTexts(state.result(), 'Orders', 'OrderID')).toEqual(['4']);
  });

  it('keeps a selected customer with no orders selected while all orders are excluded', () => {
    const state = new SelectionState(model);
    state.selectValues('Customer', ['Dave']);
    const result = state.result();
    expect(statesOf(result, 'Customer')).toEqual({ Alice: 'A', Bob: 'A', Carol: 'A', Dave: 'S' });
    expect(statesOf(result, 'Country')).toEqual({ Sweden: 'X', Norway: 'X', Denmark: 'O' });
    expect(result.rows('Orders').count()).toBe(0);
    expect(Object.values(statesOf(result, 'Product'))).toEqual(['X', 'X', 'X', 'X']);
  });

  it('keeps key values missing from the other table possible through the rows that hold them', () => {
    const state = new SelectionState(model);
    state.selectValues('Product', ['Shoe']);
    const result = state.result();
    expect(possibleTexts(result, 'Orders', 'CustomerID')).toEqual(['C1', 'C9']);
    expect(statesOf(result, 'CustomerID')).toEqual({ C1: 'O', C2: 'X', C3: 'X', C4: 'X', C9: 'O' });
    expect(statesOf(result, 'Customer')).toEqual({ Alice: 'O', Bob: 'X', Carol: 'X', Dave: 'X' });
  });

  it('marks selected values excluded by other fields XS, and XL once locked', () => {
    const state = new SelectionState(model);
    state.selectValues('Customer', ['Alice', 'Bob']);
    state.selectValues('Country', ['Norway']);
    let result = state.result();
    expect(statesOf(result, 'Customer')).toEqual({ Alice: 'XS', Bob: 'S', Carol: 'X', Dave: 'X' });
    expect(statesOf(result, 'Country')).toEqual({ Sweden: 'A', Norway: 'S', Denmark: 'X' });
    expect(result.stateCounts('Customer')).toMatchObject({
      qSelected: 1,
      qSelectedExcluded: 1,
      qExcluded: 2,
    });

    expect(state.lock('Customer')).toBe(true);
    result = state.result();
    expect(statesOf(result, 'Customer')).toEqual({ Alice: 'XL', Bob: 'L', Carol: 'X', Dave: 'X' });
    expect(result.stateCounts('Customer')).toMatchObject({
      qLocked: 1,
      qLockedExcluded: 1,
      qSelected: 0,
    });
  });
});

describe('SelectionState operations', () => {
  it('respects locks: no select or clear in a locked field, clear all keeps it', () => {
    const state = new SelectionState(model);
    state.selectValues('Customer', ['Alice', 'Bob']);
    state.selectValues('Country', ['Norway']);
    state.lock('Customer');
    expect(state.selectValues('Customer', ['Carol'])).toBe(false);
    expect(state.clearField('Customer')).toBe(false);
    expect(state.clearAll()).toBe(true);
    expect(state.selection('Country')).toBeUndefined();
    expect(statesOf(state.result(), 'Customer')).toEqual({
      Alice: 'L',
      Bob: 'L',
      Carol: 'A',
      Dave: 'A',
    });
    expect(state.unlock('Customer')).toBe(true);
    expect(statesOf(state.result(), 'Customer')).toEqual({
      Alice: 'S',
      Bob: 'S',
      Carol: 'A',
      Dave: 'A',
    });
    state.lockAll();
    expect(state.clearAll(true)).toBe(true);
    expect(state.selections.size).toBe(0);
    expect(state.lock('Customer')).toBe(false);
  });

  it('combines selections by mode: add, remove, toggle', () => {
    const state = new SelectionState(model);
    const customer = model.field('Customer');
    state.select(customer, [0]);
    state.select(customer, [1, 2], 'add');
    expect(state.selection(customer)!.values.indexes()).toEqual([0, 1, 2]);
    state.select(customer, [1], 'remove');
    expect(state.selection(customer)!.values.indexes()).toEqual([0, 2]);
    state.toggle(customer, [2, 3]);
    expect(state.selection(customer)!.values.indexes()).toEqual([0, 3]);
    state.select(customer, [0, 3], 'remove');
    expect(state.selection(customer)).toBeUndefined();
    expect(state.select(customer, [])).toBe(false);
    expect(() => state.selectSet(customer, SymbolSet.all(2))).toThrowError(
      expect.objectContaining({ code: 'INVALID_SYMBOL' }) as Error,
    );
  });

  it('selects by number and by state: possible, alternative, excluded, all', () => {
    const state = new SelectionState(model);
    state.selectValues('Quantity', [5, 7]);
    expect(possibleTexts(state.result(), 'Orders', 'OrderID')).toEqual(['1', '4']);
    state.clearAll();
    state.selectValues('Country', ['Sweden']);
    state.selectPossible('Product');
    expect(state.selection('Product')!.values.indexes()).toEqual([0, 1, 2]);
    state.selectExcluded('Customer');
    expect(statesOf(state.result(), 'Customer')).toEqual({
      Alice: 'A',
      Bob: 'XS',
      Carol: 'A',
      Dave: 'XS',
    });
    state.clearAll();
    state.selectValues('Country', ['Sweden']);
    state.selectAlternative('Country');
    expect(statesOf(state.result(), 'Country')).toEqual({ Sweden: 'A', Norway: 'S', Denmark: 'S' });
    state.selectAll('Country');
    expect(state.selection('Country')!.values.size).toBe(3);
  });

  it('walks back and forward through a bounded history', () => {
    const state = new SelectionState(model, '$', { historyLimit: 2 });
    state.selectValues('Country', ['Sweden']);
    state.selectValues('Product', ['Hat']);
    state.selectValues('Product', ['Shoe']);
    expect(state.backCount).toBe(2);
    expect(state.back()).toBe(true);
    expect(statesOf(state.result(), 'Product').Hat).toBe('S');
    expect(state.back()).toBe(true);
    expect(state.selection('Product')).toBeUndefined();
    expect(state.back()).toBe(false);
    expect(state.forward()).toBe(true);
    expect(state.forwardCount).toBe(1);
    state.selectValues('Customer', ['Alice']);
    expect(state.forwardCount).toBe(0);
    expect(state.forward()).toBe(false);
  });

  it('clears all but one field and batches several changes into one history step', () => {
    const state = new SelectionState(model);
    state.selectValues('Country', ['Sweden']);
    state.selectValues('Product', ['Hat']);
    state.selectValues('Customer', ['Alice']);
    state.lock('Customer');
    expect(state.clearOthers('Product')).toBe(true);
    expect([...state.selections.keys()].map((i) => model.fields[i].name).sort()).toEqual([
      'Customer',
      'Product',
    ]);
    const steps = state.backCount;
    const changed = state.batch((s) => {
      s.selectValues('Country', ['Norway']);
      s.selectValues('Quantity', [1]);
    });
    expect(changed).toBe(true);
    expect(state.backCount).toBe(steps + 1);
    expect(state.batch(() => undefined)).toBe(false);
    state.back();
    expect(state.selection('Country')).toBeUndefined();
    expect(state.selection('Quantity')).toBeUndefined();
  });

  it('keeps exactly one value selected in a one-and-only-one field', () => {
    const state = new SelectionState(model);
    state.selectValues('Country', ['Norway']);
    expect(state.setOneAndOnlyOne('Customer', true)).toBe(true);
    expect(statesOf(state.result(), 'Customer')).toEqual({
      Alice: 'X',
      Bob: 'S',
      Carol: 'X',
      Dave: 'X',
    });
    expect(state.selectValues('Customer', ['Dave', 'Carol'])).toBe(true);
    expect(state.selection('Customer')!.values.indexes()).toEqual([2]);
    expect(state.toggle('Customer', [2])).toBe(false);
    expect(state.select('Customer', [2], 'remove')).toBe(false);
    expect(state.clearField('Customer')).toBe(false);
    state.clearAll();
    expect(state.selection('Customer')!.values.indexes()).toEqual([2]);
    expect(state.selection('Country')).toBeUndefined();
    expect(currentSelections(state).items[0]).toMatchObject({
      field: 'Customer',
      oneAndOnlyOne: true,
    });
    expect(state.setOneAndOnlyOne('Customer', false)).toBe(true);
    expect(state.clearField('Customer')).toBe(true);
  });

  it('lifts the one-and-only-one rule when history goes back past it', () => {
    const state = new SelectionState(model);
    state.setOneAndOnlyOne('Product', true);
    expect(state.selection('Product')!.values.indexes()).toEqual([0]);
    state.back();
    expect(state.selection('Product')).toBeUndefined();
    expect(state.isOneAndOnlyOne('Product')).toBe(false);
  });

  it('does not record a change that changes nothing', () => {
    const state = new SelectionState(model);
    state.selectValues('Country', ['Sweden']);
    const version = state.version;
    expect(state.selectValues('Country', ['Sweden'])).toBe(false);
    expect(state.version).toBe(version);
    expect(state.backCount).toBe(1);
  });

  it('caches the result until the next change', () => {
    const state = new SelectionState(model);
    state.selectValues('Country', ['Sweden']);
    const first = state.result();
    expect(state.result()).toBe(first);
    state.clearField('Country');
    expect(state.result()).not.toBe(first);
  });
});

describe('SelectionState search', () => {
  it('matches wildcards and word starts ignoring case', () => {
    const state = new SelectionState(model);
    state.search('Customer', '*O*');
    expect(state.selection('Customer')!.values.indexes()).toEqual([1, 2]);
    state.search('Customer', 'AL');
    expect(state.selection('Customer')!.values.indexes()).toEqual([0]);
    state.search('Product', 'sh ph');
    expect(state.selection('Product')!.values.indexes()).toEqual([0, 2]);
    state.search('Customer', 'a?ice');
    expect(state.selection('Customer')!.values.indexes()).toEqual([0]);
  });

  it('picks the closest value for ~fuzzy and combines searches in (a|b&c)', () => {
    const state = new SelectionState(model);
    const customer = model.field('Customer');
    const texts = () =>
      state
        .selection(customer)!
        .values.indexes()
        .map((i) => customer.symbols.text(i));
    state.search(customer, '~karol');
    expect(texts()).toEqual(['Carol']);
    state.search(customer, '(bo|da)');
    expect(texts()).toEqual(['Bob', 'Dave']);
    state.search(customer, '(*a*&*e*|bob)');
    expect(texts()).toEqual(['Alice', 'Bob', 'Dave']);
    state.search(customer, '"ali"');
    expect(texts()).toEqual(['Alice']);
  });

  it('compares numbers with single and double bounds', () => {
    const state = new SelectionState(model);
    const quantity = model.field('Quantity');
    const texts = () =>
      state
        .selection(quantity)!
        .values.indexes()
        .map((i) => quantity.symbols.text(i));
    state.search(quantity, '>3');
    expect(texts()).toEqual(['5', '7', '4']);
    state.search(quantity, '>=2<5');
    expect(texts()).toEqual(['3', '2', '4']);
    state.search(quantity, '<= 1');
    expect(texts()).toEqual(['1']);
    expect(state.search('Customer', '>3')).toBe(false);
  });

  it('hands expression searches to the caller’s evaluator', () => {
    const state = new SelectionState(model);
    const quantity = model.field('Quantity');
    expect(() => state.search(quantity, '=Quantity > 4')).toThrow(SelectionError);
    state.search(quantity, '=odd', { evaluate: (i) => quantity.symbols.num(i) % 2 === 1 });
    expect(
      state
        .selection(quantity)!
        .values.indexes()
        .map((i) => quantity.symbols.num(i)),
    ).toEqual([5, 3, 1, 7]);
  });
});

describe('SelectionStates', () => {
  it('keeps alternate states independent', () => {
    const states = new SelectionStates(model);
    const other = states.add('Compare');
    states.get().selectValues('Country', ['Sweden']);
    other.selectValues('Country', ['Norway']);
    expect(possibleTexts(states.get('$').result(), 'Customers', 'Customer')).toEqual([
      'Alice',
      'Carol',
    ]);
    expect(possibleTexts(states.get('Compare').result(), 'Customers', 'Customer')).toEqual(['Bob']);
    expect(states.names).toEqual(['$', 'Compare']);
    expect(() => states.add('Compare')).toThrowError(
      expect.objectContaining({ code: 'STATE_EXISTS' }) as Error,
    );
    expect(() => states.add('1')).toThrowError(
      expect.objectContaining({ code: 'INVALID_STATE_NAME' }) as Error,
    );
    expect(() => states.remove('$')).toThrowError(
      expect.objectContaining({ code: 'DEFAULT_STATE' }) as Error,
    );
    states.remove('Compare');
    expect(states.has('Compare')).toBe(false);
    expect(() => states.get('Compare')).toThrowError(
      expect.objectContaining({ code: 'STATE_NOT_FOUND' }) as Error,
    );
  });
});
