import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { evaluateSet, type SetContext } from '../../src/selection/evaluateSet.js';
import { SelectionStates } from '../../src/selection/SelectionStates.js';
import type { ElementSet, SetExpression } from '../../src/selection/SetExpression.js';
import { SymbolSet } from '../../src/selection/SymbolSet.js';
import { loadedTable, salesTables } from '../model/tableFixture.js';
import { possibleTexts, statesOf } from './stateHelpers.js';

const model = DataModel.fromTables(salesTables());

function context(): SetContext {
  const states = new SelectionStates(model);
  states.get().selectValues('Country', ['Sweden']);
  states.add('B').selectValues('Country', ['Norway']);
  return { states };
}

const current: SetExpression = { base: { kind: 'state', state: '$' } };
const all: SetExpression = { base: { kind: 'all' } };
const orderIds = (expression: SetExpression, ctx = context()) =>
  possibleTexts(evaluateSet(expression, ctx), 'Orders', 'OrderID');

describe('evaluateSet bases', () => {
  it('reads {$} as the current selections and {1} as all data', () => {
    const ctx = context();
    expect(evaluateSet(current, ctx)).toBe(ctx.states.get().result());
    expect(orderIds(current)).toEqual(['1', '2', '4']);
    expect(orderIds(all)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('starts from an alternate state or a bookmark', () => {
    expect(orderIds({ base: { kind: 'state', state: 'B' } })).toEqual(['3']);
    const ctx = context();
    ctx.states.get().selectValues('Product', ['Hat']);
    const snapshot = JSON.parse(JSON.stringify(ctx.states.get().snapshot()));
    ctx.states.get().clearAll();
    expect(orderIds({ base: { kind: 'bookmark', snapshot } }, ctx)).toEqual(['2']);
  });

  it('lets $ stand for the chart’s alternate state', () => {
    expect(orderIds(current, { ...context(), defaultState: 'B' })).toEqual(['3']);
  });
});

describe('evaluateSet modifiers', () => {
  it('replaces a field’s selection with literals', () => {
    const set: SetExpression = {
      base: { kind: 'state', state: '$' },
      modifiers: [
        { field: 'Country', op: '=', values: { kind: 'literals', literals: ['Norway'] } },
      ],
    };
    expect(orderIds(set)).toEqual(['3']);
    expect(statesOf(evaluateSet(set, context()), 'Country')).toEqual({
      Sweden: 'A',
      Norway: 'S',
      Denmark: 'A',
    });
  });

  it('clears a field with F=', () => {
    expect(
      orderIds({
        base: { kind: 'state', state: '$' },
        modifiers: [{ field: 'Country', op: 'clear' }],
      }),
    ).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('applies +=, -=, *= and /= to the current selection (all values when there is none)', () => {
    const modify = (op: '+=' | '-=' | '*=' | '/=', field: string, literals: string[]) =>
      orderIds({
        base: { kind: 'state', state: '$' },
        modifiers: [{ field, op, values: { kind: 'literals', literals } }],
      });
    expect(modify('+=', 'Country', ['Norway'])).toEqual(['1', '2', '3', '4']);
    expect(modify('-=', 'Product', ['Shoe'])).toEqual(['2', '4']);
    expect(modify('*=', 'Country', ['Sweden', 'Denmark'])).toEqual(['1', '2', '4']);
    expect(modify('/=', 'Country', ['Sweden', 'Norway'])).toEqual(['3']);
  });

  it('matches wildcards, numbers and searches in value lists', () => {
    const withValues = (field: string, values: ElementSet) =>
      orderIds({ base: { kind: 'all' }, modifiers: [{ field, op: '=', values }] });
    expect(withValues('Product', { kind: 'literals', literals: ['?at', 'sh*'] })).toEqual([
      '1',
      '2',
      '3',
      '5',
    ]);
    expect(withValues('Quantity', { kind: 'literals', literals: [7, 1] })).toEqual(['3', '4']);
    expect(withValues('Quantity', { kind: 'search', search: '>4' })).toEqual(['1', '4']);
    // A search in set analysis is programmatic: whole values, ignoring case, not word starts.
    expect(withValues('Product', { kind: 'search', search: 'SHOE' })).toEqual(['1', '5']);
    expect(withValues('Product', { kind: 'search', search: 'sh' })).toEqual([]);
    expect(withValues('Product', { kind: 'literals', literals: ['NoSuchProduct'] })).toEqual([]);
  });

  it('evaluates expression searches through the caller’s matcher', () => {
    const ctx: SetContext = {
      ...context(),
      matchExpression: (field, expression) => {
        expect(expression).toBe('Sum(Quantity) > 5');
        return (i) => field.symbols.text(i) === 'C1';
      },
    };
    const set: SetExpression = {
      base: { kind: 'all' },
      modifiers: [
        { field: 'CustomerID', op: '=', values: { kind: 'search', search: '=Sum(Quantity) > 5' } },
      ],
    };
    expect(orderIds(set, ctx)).toEqual(['1', '2']);
  });

  it('takes P() and E() of another set, carried over by value', () => {
    const phoneBuyers: SetExpression = {
      base: { kind: 'all' },
      modifiers: [{ field: 'Product', op: '=', values: { kind: 'literals', literals: ['Phone'] } }],
    };
    const ctx = context();
    const possible = evaluateSet(
      {
        base: { kind: 'all' },
        modifiers: [
          {
            field: 'Customer',
            op: '=',
            values: { kind: 'possible', field: 'Customer', set: phoneBuyers },
          },
        ],
      },
      ctx,
    );
    expect(possibleTexts(possible, 'Customers', 'Customer')).toEqual(['Carol']);
    const excluded = evaluateSet(
      {
        base: { kind: 'all' },
        modifiers: [
          {
            field: 'Customer',
            op: '=',
            values: { kind: 'excluded', field: 'Customer', set: phoneBuyers },
          },
        ],
      },
      ctx,
    );
    expect(possibleTexts(excluded, 'Customers', 'Customer')).toEqual(['Alice', 'Bob', 'Dave']);
    // P() without a set reads the current selection ($: Country=Sweden), without a field the modifier's field.
    const fromCurrent = evaluateSet(
      {
        base: { kind: 'all' },
        modifiers: [{ field: 'CustomerID', op: '=', values: { kind: 'possible' } }],
      },
      ctx,
    );
    expect(possibleTexts(fromCurrent, 'Orders', 'OrderID')).toEqual(['1', '2', '4']);
  });

  it('carries P() values over to another field by value', () => {
    const people = DataModel.fromTables([
      loadedTable(
        'People',
        ['Name', 'Role'],
        [
          ['Ann', 'VIP'],
          ['Ben', 'Staff'],
          ['Cid', 'VIP'],
        ],
      ),
      loadedTable(
        'Trades',
        ['Buyer', 'Seller', 'Amount'],
        [
          ['Ann', 'Ben', 10],
          ['Ben', 'Cid', 20],
          ['Cid', 'Ann', 30],
          ['Dan', 'Ann', 40],
        ],
      ),
    ]);
    const vips: SetExpression = {
      base: { kind: 'all' },
      modifiers: [{ field: 'Role', op: '=', values: { kind: 'literals', literals: ['VIP'] } }],
    };
    const result = evaluateSet(
      {
        base: { kind: 'all' },
        modifiers: [
          { field: 'Buyer', op: '=', values: { kind: 'possible', field: 'Name', set: vips } },
        ],
      },
      { states: new SelectionStates(people) },
    );
    expect(possibleTexts(result, 'Trades', 'Amount')).toEqual(['10', '30']);
  });

  it('copies a field’s selection from another state', () => {
    expect(
      orderIds({
        base: { kind: 'all' },
        modifiers: [{ field: 'Country', op: 'copy', state: 'B' }],
      }),
    ).toEqual(['3']);
    expect(
      orderIds({
        base: { kind: 'state', state: '$' },
        modifiers: [{ field: 'Product', op: 'copy', state: 'B' }],
      }),
    ).toEqual(['1', '2', '4']);
  });

  it('combines element sets and accepts resolved symbol sets', () => {
    const product = model.field('Product');
    const set: SetExpression = {
      base: { kind: 'all' },
      modifiers: [
        {
          field: 'Product',
          op: '=',
          values: {
            kind: 'operation',
            op: '-',
            left: { kind: 'symbols', symbols: SymbolSet.all(product.cardinality) },
            right: { kind: 'literals', literals: ['Shoe', 'Hat'] },
          },
        },
      ],
    };
    expect(orderIds(set)).toEqual(['4', '6']);
  });
});

describe('evaluateSet operators', () => {
  const norway: SetExpression = {
    base: { kind: 'all' },
    modifiers: [{ field: 'Country', op: '=', values: { kind: 'literals', literals: ['Norway'] } }],
  };

  it('unions, intersects, excludes and takes symmetric differences of row sets', () => {
    const customers = (expression: SetExpression) =>
      possibleTexts(evaluateSet(expression, context()), 'Customers', 'Customer');
    expect(customers({ op: '-', left: all, right: current })).toEqual(['Bob', 'Dave']);
    expect(customers({ op: '+', left: current, right: norway })).toEqual(['Alice', 'Bob', 'Carol']);
    expect(customers({ op: '*', left: current, right: norway })).toEqual([]);
    expect(customers({ op: '/', left: all, right: norway })).toEqual(['Alice', 'Carol', 'Dave']);
    expect(orderIds({ op: '-', left: all, right: current })).toEqual(['3', '5', '6']);
  });

  it('derives possible values and states of combined sets from their rows', () => {
    const result = evaluateSet({ op: '-', left: all, right: current }, context());
    expect(statesOf(result, 'Country')).toEqual({ Sweden: 'X', Norway: 'O', Denmark: 'O' });
    expect(result.selections.size).toBe(0);
  });
});
