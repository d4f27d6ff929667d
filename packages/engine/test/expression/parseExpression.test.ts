import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expression/Expr.js';
import { ExpressionError } from '../../src/expression/ExpressionError.js';
import { parseExpression } from '../../src/expression/parseExpression.js';
import { parseExpressionAt } from '../../src/expression/parseExpressionAt.js';

/** Writes a tree back fully parenthesised, to check structure compactly. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'string':
      return `'${e.value}'`;
    case 'field':
      return `[${e.name}]`;
    case 'unary':
      return `(${e.op} ${shape(e.operand)})`;
    case 'binary':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'call':
      return `${e.key}(${e.args.map(shape).join(', ')})`;
  }
}

const p = (source: string): string => shape(parseExpression(source));

function syntaxError(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (e) {
    expect(e).toBeInstanceOf(ExpressionError);
    return e as ExpressionError;
  }
  throw new Error(`expected a syntax error for ${source}`);
}

describe('parseExpression: literals and references', () => {
  it('reads numbers, including decimals and exponents', () => {
    expect(parseExpression('42')).toMatchObject({ kind: 'number', value: 42, text: '42' });
    expect(parseExpression('3.25')).toMatchObject({ kind: 'number', value: 3.25 });
    expect(parseExpression('.5')).toMatchObject({ kind: 'number', value: 0.5 });
    expect(parseExpression('1e3')).toMatchObject({ kind: 'number', value: 1000 });
  });

  it("reads single-quoted strings with '' escapes", () => {
    expect(parseExpression("'it''s'")).toMatchObject({ kind: 'string', value: "it's" });
    expect(parseExpression("''")).toMatchObject({ kind: 'string', value: '' });
  });

  it('reads field names bare, in brackets, double quotes and backticks', () => {
    expect(parseExpression('Sales')).toMatchObject({
      kind: 'field',
      name: 'Sales',
      quoting: 'bare',
    });
    expect(parseExpression('[Order Date]')).toMatchObject({
      kind: 'field',
      name: 'Order Date',
      quoting: 'bracket',
    });
    expect(parseExpression('"Unit Price"')).toMatchObject({
      kind: 'field',
      name: 'Unit Price',
      quoting: 'double',
    });
    expect(parseExpression('`Net Sales`')).toMatchObject({
      kind: 'field',
      name: 'Net Sales',
      quoting: 'backtick',
    });
    expect(parseExpression('[a]]b]')).toMatchObject({ name: 'a]b' });
    expect(parseExpression('%CustomerKey')).toMatchObject({ name: '%CustomerKey' });
    expect(parseExpression('Orders.Amount')).toMatchObject({ name: 'Orders.Amount' });
    expect(parseExpression('Städte')).toMatchObject({ name: 'Städte' });
  });

  it('skips comments', () => {
    expect(p('1 /* one */ + // plus\n 2')).toBe('(1 + 2)');
  });
});

describe('parseExpression: operator precedence', () => {
  it('multiplies before adding and associates to the left', () => {
    expect(p('1 + 2 * 3')).toBe('(1 + (2 * 3))');
    expect(p('10 - 4 - 3')).toBe('((10 - 4) - 3)');
    expect(p('8 / 4 / 2')).toBe('((8 / 4) / 2)');
  });

  it('concatenates after arithmetic and compares after concatenating', () => {
    expect(p("'a' & 1 + 2")).toBe("('a' & (1 + 2))");
    expect(p("A & B = 'xy'")).toBe("(([A] & [B]) = 'xy')");
  });

  it('binds unary minus tightest', () => {
    expect(p('-2 * 3')).toBe('((- 2) * 3)');
    expect(p('2 - -3')).toBe('(2 - (- 3))');
  });

  it('puts NOT below comparisons and above AND, AND above OR/XOR', () => {
    expect(p('NOT a = b AND c')).toBe('((not ([a] = [b])) and [c])');
    expect(p('a OR b AND c')).toBe('([a] or ([b] and [c]))');
    expect(p('a XOR b OR c')).toBe('(([a] xor [b]) or [c])');
    expect(p('x > 1 and x <= 5')).toBe('(([x] > 1) and ([x] <= 5))');
  });

  it('reads every comparison and word operator case-insensitively', () => {
    for (const op of ['=', '<>', '<', '>', '<=', '>='])
      expect(p(`a ${op} b`)).toBe(`([a] ${op} [b])`);
    expect(p("Name Like 'A*'")).toBe("([Name] like 'A*')");
    expect(p('a PRECEDES b')).toBe('([a] precedes [b])');
    expect(p('a follows b')).toBe('([a] follows [b])');
  });

  it('orders bit operators: shifts, then bitand, then bitor/bitxor, all above comparisons', () => {
    expect(p('1 bitor 2 bitand 3')).toBe('(1 bitor (2 bitand 3))');
    expect(p('a bitand 1 << 2')).toBe('([a] bitand (1 << 2))');
    expect(p('8 >> 1 + 1')).toBe('(8 >> (1 + 1))');
    expect(p('bitnot 17 = -18')).toBe('((bitnot 17) = (- 18))');
    expect(p('a bitxor b = 0')).toBe('(([a] bitxor [b]) = 0)');
  });

  it('honours parentheses', () => {
    expect(p('(1 + 2) * 3')).toBe('((1 + 2) * 3)');
  });
});

describe('parseExpression: calls', () => {
  it('parses nested calls with any number of arguments, names case-insensitive', () => {
    const call = parseExpression("if(Len(Name) > 3, Upper(Name), 'short')");
    expect(shape(call)).toBe("IF((LEN([Name]) > 3), UPPER([Name]), 'short')");
    expect(parseExpression('Now()')).toMatchObject({
      kind: 'call',
      name: 'Now',
      key: 'NOW',
      args: [],
    });
    expect(parseExpression("Num#(x, '0.0')")).toMatchObject({ key: 'NUM#' });
  });

  it('marks aggregation functions', () => {
    expect(parseExpression('sum(Sales)')).toMatchObject({ key: 'SUM', aggregation: true });
    expect(parseExpression('Aggr(Sum(Sales), Region, Year)')).toMatchObject({
      key: 'AGGR',
      aggregation: true,
    });
    expect(parseExpression('Upper(x)')).toMatchObject({ aggregation: false });
  });

  it('reads DISTINCT, ALL and TOTAL qualifiers', () => {
    expect(parseExpression('Count(DISTINCT Customer)')).toMatchObject({
      distinct: 'distinct',
      args: [{ name: 'Customer' }],
    });
    expect(parseExpression('Sum(ALL Sales)')).toMatchObject({ all: true });
    expect(parseExpression('Sum(TOTAL Sales)')).toMatchObject({
      total: {},
      args: [{ name: 'Sales' }],
    });
    expect(parseExpression('Sum(Total <Region, [Sales Rep]> Sales)')).toMatchObject({
      total: { fields: ['Region', 'Sales Rep'] },
    });
    expect(parseExpression('Aggr(NODISTINCT Sum(x), Dim)')).toMatchObject({
      distinct: 'nodistinct',
    });
    expect(parseExpression('Count(DISTINCT TOTAL x)')).toMatchObject({
      distinct: 'distinct',
      total: {},
    });
  });

  it('reads a qualifier word as a field when the argument ends with it', () => {
    expect(parseExpression('Sum(Total)')).toMatchObject({
      args: [{ kind: 'field', name: 'Total' }],
    });
    const product = parseExpression('Sum(Total * 2)');
    expect(product.kind === 'call' && product.total).toBe(undefined);
    expect(product).toMatchObject({ args: [{ kind: 'binary', op: '*' }] });
    expect(parseExpression('Sum(All)')).toMatchObject({ args: [{ kind: 'field', name: 'All' }] });
    expect(parseExpression('Sum(Total AND x)')).toMatchObject({
      args: [{ kind: 'binary', op: 'and' }],
    });
    expect(parseExpression('Count(DISTINCT [Customer Name])')).toMatchObject({
      distinct: 'distinct',
      args: [{ name: 'Customer Name' }],
    });
    expect(parseExpression('Sum(DISTINCT (a + b))')).toMatchObject({
      distinct: 'distinct',
      args: [{ kind: 'binary', op: '+' }],
    });
  });
});

describe('parseExpressionAt', () => {
  const load = 'LOAD a+b AS c, Upper(d) AS e, (f, g) FROM x WHERE y > 1;';

  it('stops before AS and reports where', () => {
    const first = parseExpressionAt(load, 5);
    expect(shape(first.expr)).toBe('([a] + [b])');
    expect(load.slice(first.end, first.end + 2)).toBe('AS');
  });

  it('stops before the comma after a call', () => {
    const second = parseExpressionAt(load, load.indexOf('Upper'));
    expect(shape(second.expr)).toBe('UPPER([d])');
    expect(load.slice(second.end).startsWith('AS e')).toBe(true);
  });

  it('stops before a closing parenthesis, a comma, WHERE or a semicolon', () => {
    const inParen = parseExpressionAt(load, load.indexOf('(f') + 1);
    expect(load[inParen.end]).toBe(',');
    const where = parseExpressionAt(load, load.indexOf('y >'));
    expect(shape(where.expr)).toBe('([y] > 1)');
    expect(load[where.end]).toBe(';');
    const beforeWhere = parseExpressionAt('x WHERE y', 0);
    expect(beforeWhere.end).toBe(2);
    expect(parseExpressionAt('a RESIDENT T', 0).end).toBe(2);
    expect(parseExpressionAt('1) + 2', 0).end).toBe(1);
  });

  it('reports the line and column of the first token that does not fit', () => {
    const src = 'LOAD\n  x + 1 as y';
    expect(parseExpressionAt(src, 4).end).toBe(src.indexOf('as'));
  });
});

describe('parse errors', () => {
  it('are ExpressionErrors with code EXPRESSION_SYNTAX, line and column', () => {
    const e = syntaxError('a\n + * b');
    expect(e.code).toBe('EXPRESSION_SYNTAX');
    expect(e.line).toBe(2);
    expect(e.column).toBe(4);
    expect(e.message).toContain("'*'");
  });

  it('reports a missing closing parenthesis at the end', () => {
    const e = syntaxError('Sum(x');
    expect(e.column).toBe(6);
    expect(e.message).toContain('end of the expression');
  });

  it('reports unterminated strings and names where they start', () => {
    expect(syntaxError("1 + 'abc").column).toBe(5);
    expect(syntaxError('[Sales').column).toBe(1);
  });

  it('reports text left after a complete expression', () => {
    const e = syntaxError('a b');
    expect(e.column).toBe(3);
  });

  it('reports a missing operand', () => {
    expect(syntaxError('1 +').message).toContain('Expected an expression');
    expect(syntaxError('').code).toBe('EXPRESSION_SYNTAX');
  });
});
