import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../src/expression/ExpressionError.js';
import { evaluate } from '../../src/expression/evaluate.js';
import { expandDollars, type DollarResolver } from '../../src/expression/expandDollars.js';
import { parseExpression } from '../../src/expression/parseExpression.js';
import { toText } from '../../src/value/toText.js';
import { rowContext } from './evaluateSource.js';

const variables: Record<string, string> = {
  vYear: '2021',
  i: '2',
  v2: 'second',
  vField: 'Sales',
  vNested: '$(vYear)-01',
  vAdd: '$1 + $2',
  vLoop: '$(vLoop)',
};

/** Variables from the table; expressions are parsed and evaluated as real ones. */
const resolve: DollarResolver = (nameOrExpression, isExpression) =>
  isExpression
    ? toText(evaluate(parseExpression(nameOrExpression), rowContext()))
    : variables[nameOrExpression];

describe('expandDollars', () => {
  it('replaces variables and leaves other text alone', () => {
    expect(expandDollars('Sum({<Year={$(vYear)}>} $(vField))', resolve)).toBe(
      'Sum({<Year={2021}>} Sales)',
    );
    expect(expandDollars('no dollars $ here', resolve)).toBe('no dollars $ here');
  });

  it('evaluates $(=expression)', () => {
    expect(expandDollars('Year = $(=2020 + 1)', resolve)).toBe('Year = 2021');
    expect(expandDollars("$(=Upper('x'))", resolve)).toBe('X');
  });

  it('expands inner expansions first and values that hold expansions', () => {
    expect(expandDollars('$(v$(i))', resolve)).toBe('second');
    expect(expandDollars('$(vNested)', resolve)).toBe('2021-01');
  });

  it('substitutes parameters $1, $2', () => {
    expect(expandDollars('$(vAdd(3, 4))', resolve)).toBe('3 + 4');
  });

  it('expands an unknown variable to nothing', () => {
    expect(expandDollars('[$(vNope)]', resolve)).toBe('[]');
  });

  it('keeps parentheses inside quotes from closing the expansion', () => {
    expect(expandDollars("$(=Len('a)b'))", resolve)).toBe('3');
  });

  it('reports an unterminated expansion and a cycle', () => {
    expect(() => expandDollars('x $(vYear', resolve)).toThrow(ExpressionError);
    try {
      expandDollars('$(vLoop)', resolve);
      throw new Error('expected an error');
    } catch (e) {
      expect((e as ExpressionError).code).toBe('EXPRESSION_DOLLAR_EXPANSION');
    }
  });
});
