import { describe, expect, it } from 'vitest';
import type { CallExpr, SetExpression } from '../../src/expression/Expr.js';
import { ExpressionError } from '../../src/expression/ExpressionError.js';
import { parseExpression } from '../../src/expression/parseExpression.js';

function setOf(source: string): SetExpression {
  const call = parseExpression(source) as CallExpr;
  expect(call.kind).toBe('call');
  expect(call.set).toBeDefined();
  return call.set as SetExpression;
}

describe('set expressions', () => {
  it('reads the plain identifiers 1, $, $1, $_1, bookmarks and states', () => {
    for (const id of ['1', '$', '$1', '$_1', 'BM01', 'State1']) {
      expect(setOf(`Sum({${id}} Sales)`)).toEqual({
        kind: 'setEntity',
        identifier: id,
        explicitIdentifier: true,
        modifiers: [],
      });
    }
    expect(setOf('Sum({[My Bookmark]} Sales)')).toMatchObject({ identifier: 'My Bookmark' });
  });

  it('reads set operators between entities, left to right', () => {
    expect(setOf('Sum({1-$} Sales)')).toEqual({
      kind: 'setOperation',
      op: '-',
      left: { kind: 'setEntity', identifier: '1', explicitIdentifier: true, modifiers: [] },
      right: { kind: 'setEntity', identifier: '$', explicitIdentifier: true, modifiers: [] },
    });
    const chained = setOf('Sum({$+BM01*BM02} x)');
    expect(chained).toMatchObject({ op: '*', left: { op: '+' }, right: { identifier: 'BM02' } });
    expect(setOf('Sum({$/(1-$)} x)')).toMatchObject({
      op: '/',
      right: { kind: 'setOperation', op: '-' },
    });
  });

  it('reads every kind of field modifier of the task example', () => {
    const set = setOf(
      `Sum({$<Year={2020,2021}, Region-={'X'}, Product=, Customer=E(Customer), Price={">10"}, Name={"A*"}>} Sales)`,
    );
    expect(set).toEqual({
      kind: 'setEntity',
      identifier: '$',
      explicitIdentifier: true,
      modifiers: [
        {
          field: 'Year',
          op: '=',
          elements: {
            kind: 'elementList',
            elements: [
              { kind: 'number', value: 2020, text: '2020' },
              { kind: 'number', value: 2021, text: '2021' },
            ],
          },
        },
        {
          field: 'Region',
          op: '-=',
          elements: { kind: 'elementList', elements: [{ kind: 'literal', text: 'X' }] },
        },
        { field: 'Product', op: '=' },
        {
          field: 'Customer',
          op: '=',
          elements: { kind: 'elementFunction', fn: 'E', field: 'Customer' },
        },
        {
          field: 'Price',
          op: '=',
          elements: { kind: 'elementList', elements: [{ kind: 'search', text: '>10' }] },
        },
        {
          field: 'Name',
          op: '=',
          elements: { kind: 'elementList', elements: [{ kind: 'search', text: 'A*' }] },
        },
      ],
    });
  });

  it('implies $ when the set starts with modifiers', () => {
    expect(setOf("Sum({<Region={'EU'}>} x)")).toMatchObject({
      identifier: '$',
      explicitIdentifier: false,
    });
  });

  it('reads +=, *=, /= and an empty element set', () => {
    const set = setOf("Sum({<A+={1}, B*={'x'}, C/={2}, D={}>} x)");
    expect(set).toMatchObject({
      modifiers: [
        { field: 'A', op: '+=' },
        { field: 'B', op: '*=' },
        { field: 'C', op: '/=' },
        { field: 'D', op: '=', elements: { kind: 'elementList', elements: [] } },
      ],
    });
  });

  it('reads P() with an inner set and another field, and an element set operation', () => {
    const set = setOf("Sum({$<F=P({1<G={'x'}>} F)>} Sales)");
    expect(set).toMatchObject({
      modifiers: [
        {
          field: 'F',
          elements: {
            kind: 'elementFunction',
            fn: 'P',
            field: 'F',
            set: {
              identifier: '1',
              modifiers: [{ field: 'G', elements: { elements: [{ kind: 'literal', text: 'x' }] } }],
            },
          },
        },
      ],
    });
    expect(setOf('Sum({<Year={2020}+{2022}-P(Year)>} x)')).toMatchObject({
      modifiers: [
        {
          elements: {
            kind: 'elementOperation',
            op: '-',
            left: { kind: 'elementOperation', op: '+' },
          },
        },
      ],
    });
  });

  it('reads a field-to-field modifier, bracketed names and negative numbers', () => {
    expect(setOf('Sum({<[Order Year]=[Ship Year], X={-1, 2.5}>} x)')).toMatchObject({
      modifiers: [
        { field: 'Order Year', elements: { kind: 'elementField', field: 'Ship Year' } },
        {
          field: 'X',
          elements: {
            elements: [
              { kind: 'number', value: -1 },
              { kind: 'number', value: 2.5 },
            ],
          },
        },
      ],
    });
  });

  it('reads fields of other states: $::F and State::F', () => {
    expect(setOf('Sum({State1<Region=$::Region, Year=State2::Year>} x)')).toMatchObject({
      identifier: 'State1',
      modifiers: [
        { field: 'Region', elements: { kind: 'elementField', field: '$::Region' } },
        { field: 'Year', elements: { kind: 'elementField', field: 'State2::Year' } },
      ],
    });
  });

  it('parses the expression of an expression search', () => {
    const set = setOf('Sum({<Customer={"=Sum(Sales)>1000"}>} Sales)');
    expect(set).toMatchObject({
      modifiers: [
        {
          elements: {
            elements: [
              {
                kind: 'search',
                text: '=Sum(Sales)>1000',
                expression: { kind: 'binary', op: '>', left: { key: 'SUM' } },
              },
            ],
          },
        },
      ],
    });
  });

  it('combines a set with DISTINCT and TOTAL', () => {
    const call = parseExpression("Count({1<A={'a'}>} DISTINCT TOTAL <B> C)") as CallExpr;
    expect(call).toMatchObject({
      distinct: 'distinct',
      total: { fields: ['B'] },
      set: { identifier: '1' },
      args: [{ name: 'C' }],
    });
  });

  it('reports malformed sets with line and column', () => {
    try {
      parseExpression('Sum({<Year 2020>} x)');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      expect((e as ExpressionError).code).toBe('EXPRESSION_SYNTAX');
      expect((e as ExpressionError).column).toBe(12);
    }
    expect(() => parseExpression('Sum({<Year={2020}} x)')).toThrow(/'}'/);
  });

  it('locates errors inside an expression search in the whole source', () => {
    try {
      parseExpression('Sum({<C={"=Sum(Sales) >"}>} Sales)');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      expect((e as ExpressionError).message).toContain('in expression search');
      expect((e as ExpressionError).column).toBe(24);
    }
  });
});
