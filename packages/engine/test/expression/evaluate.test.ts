import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/expression/compileExpression.js';
import type { EvalContext, ScalarFunction } from '../../src/expression/EvalContext.js';
import type { CallExpr } from '../../src/expression/Expr.js';
import { ExpressionError } from '../../src/expression/ExpressionError.js';
import { evaluate } from '../../src/expression/evaluate.js';
import { parseExpression } from '../../src/expression/parseExpression.js';
import { DEFAULT_FORMAT_SETTINGS } from '../../src/value/FormatSettings.js';
import { Dual, type Value } from '../../src/value/Value.js';
import { rowContext, run, text } from './evaluateSource.js';

function errorOf(action: () => unknown): ExpressionError {
  try {
    action();
  } catch (e) {
    expect(e).toBeInstanceOf(ExpressionError);
    return e as ExpressionError;
  }
  throw new Error('expected an ExpressionError');
}

describe('arithmetic', () => {
  it('computes with numbers, number-like texts and duals', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('7 / 2')).toBe(3.5);
    expect(run("'3' + 2")).toBe(5);
    expect(run("' 4 ' * 2")).toBe(8);
    expect(run('d + 1', { d: new Dual('2024-01-31', 45322) })).toBe(45323);
    expect(run('-x', { x: 5 })).toBe(-5);
  });

  it('propagates NULL: A + NULL, A - NULL, A * NULL, A / NULL are NULL', () => {
    const row = { a: 3, n: null };
    for (const op of ['+', '-', '*', '/']) {
      expect(run(`a ${op} n`, row)).toBeNull();
      expect(run(`n ${op} a`, row)).toBeNull();
    }
    expect(run('-n', row)).toBeNull();
  });

  it('gives NULL for text that is no number and for division by zero', () => {
    expect(run("'abc' + 1")).toBeNull();
    expect(run('1 / 0')).toBeNull();
  });
});

describe('string operators', () => {
  it("concatenates texts and numbers with &, NULL read as ''", () => {
    expect(run("'abc' & 'xyz'")).toBe('abcxyz');
    expect(run("'n=' & 1.5")).toBe('n=1.5');
    expect(run("'A' & n", { n: null })).toBe('A');
    expect(run("d & '!'", { d: new Dual('Jan', 1) })).toBe('Jan!');
  });

  it('matches like with * and ? wildcards', () => {
    expect(run("'abc' like 'a*'")).toBe(-1);
    expect(run("'abcd' like 'a?c*'")).toBe(-1);
    expect(run("'abc' like 'a??bc'")).toBe(0);
  });
});

describe('relational operators', () => {
  it('compare numerically when both sides are numbers, else as text', () => {
    expect(run('2 < 10')).toBe(-1);
    expect(run("'2' < '10'")).toBe(-1);
    expect(run("'b' > 'a'")).toBe(-1);
    expect(run("'abc' = 'abc'")).toBe(-1);
    expect(run("'abc' = 'ABC'")).toBe(0);
    expect(run("'1 ' < ' 2'")).toBe(-1);
    expect(run('d = 45322', { d: new Dual('2024-01-31', 45322) })).toBe(-1);
    expect(run('3 >= 3')).toBe(-1);
    expect(run('3 <> 3')).toBe(0);
  });

  it('precedes and follows compare texts without numeric interpretation', () => {
    expect(run("'1 ' precedes ' 2'")).toBe(0);
    expect(run("' 1' precedes ' 2'")).toBe(-1);
    expect(run("'11' precedes '2'")).toBe(-1);
    expect(run("' 2' follows ' 1'")).toBe(-1);
  });

  it('follow the NULL rules: NULL against NULL is NULL, against a value false except <>', () => {
    const row = { a: 1, n: null };
    expect(run('n = n', row)).toBeNull();
    expect(run('a <> n', row)).toBe(-1);
    for (const op of ['=', '<', '<=', '>', '>=']) expect(run(`a ${op} n`, row)).toBe(0);
  });
});

describe('logical operators', () => {
  it('return -1 for true and 0 for false; non-zero numbers are true', () => {
    expect(run('1 and 2')).toBe(-1);
    expect(run('1 and 0')).toBe(0);
    expect(run('0 or 5')).toBe(-1);
    expect(run('1 xor 1')).toBe(0);
    expect(run('1 xor 0')).toBe(-1);
    expect(run('not 0')).toBe(-1);
    expect(run('not 3')).toBe(0);
    expect(run("not 'abc'")).toBe(-1);
    expect(run('n and 1', { n: null })).toBe(0);
  });

  it('do not evaluate the right side of AND/OR when the left decides', () => {
    expect(run('0 and Missing', {})).toBe(0);
    expect(run('1 or Missing', {})).toBe(-1);
  });
});

describe('bit operators (examples from the Qlik operator reference)', () => {
  it('compute on 32-bit integers', () => {
    expect(run('bitnot 17')).toBe(-18);
    expect(run('17 bitand 7')).toBe(1);
    expect(run('17 bitor 7')).toBe(23);
    expect(run('17 bitxor 7')).toBe(22);
    expect(run('8 >> 2')).toBe(2);
    expect(run('8 << 2')).toBe(32);
    expect(run("'x' bitand 1")).toBeNull();
  });
});

describe('fields, variables and functions supplied by the context', () => {
  it('reads fields of the row and falls back to variables', () => {
    const ctx: EvalContext = {
      field: (name) => (name === 'Sales' ? 100 : undefined),
      variable: (name) => (name === 'vRate' ? 0.5 : undefined),
      format: DEFAULT_FORMAT_SETTINGS,
    };
    expect(evaluate(parseExpression('Sales * vRate'), ctx)).toBe(50);
  });

  it('raises EXPRESSION_UNKNOWN_FIELD for a name that is neither', () => {
    const e = errorOf(() => run('Nope + 1'));
    expect(e.code).toBe('EXPRESSION_UNKNOWN_FIELD');
    expect(e.message).toContain('Nope');
  });

  it('calls functions registered by the context before the built-ins', () => {
    const applyMap: ScalarFunction = (args) => (args[1] === 'SE' ? 'Sweden' : (args[2] ?? null));
    const upperOverride: ScalarFunction = () => 'overridden';
    const ctx: EvalContext = {
      ...rowContext({ Code: 'SE' }),
      functions: new Map([
        ['APPLYMAP', applyMap],
        ['UPPER', upperOverride],
      ]),
    };
    expect(evaluate(parseExpression("ApplyMap('Countries', Code, 'n/a')"), ctx)).toBe('Sweden');
    expect(evaluate(parseExpression("Upper('x')"), ctx)).toBe('overridden');
  });

  it('locates evaluation errors in the source when the caller gives it', () => {
    const source = 'Upper(a) &\n  Missing';
    const compiled = compileExpression(parseExpression(source), { source });
    const e = errorOf(() => compiled(rowContext({ a: 'x' })));
    expect(e.code).toBe('EXPRESSION_UNKNOWN_FIELD');
    expect([e.line, e.column]).toEqual([2, 3]);
    const call = 'x + Nope(1)';
    const unknown = errorOf(() =>
      compileExpression(parseExpression(call), { source: call })(rowContext({ x: 1 })),
    );
    expect([unknown.code, unknown.column]).toEqual(['EXPRESSION_UNKNOWN_FUNCTION', 5]);
    const arity = "1 + Mid('a')";
    expect(errorOf(() => compileExpression(parseExpression(arity), { source: arity })).column).toBe(
      5,
    );
  });

  it('raises EXPRESSION_UNKNOWN_FUNCTION for an unknown function', () => {
    const e = errorOf(() => run('NoSuchFunction(1)'));
    expect(e.code).toBe('EXPRESSION_UNKNOWN_FUNCTION');
    expect(e.message).toContain('NoSuchFunction');
  });

  it('checks the argument count of built-ins when compiling', () => {
    const e = errorOf(() => compileExpression(parseExpression("Left('abc')")));
    expect(e.code).toBe('EXPRESSION_BAD_ARGUMENTS');
    expect(e.message).toMatch(/Left\(\) takes 2 arguments, not 1/);
  });

  it('hands aggregations to the context, and refuses them without one', () => {
    const seen: CallExpr[] = [];
    const ctx: EvalContext = {
      ...rowContext({ x: 1 }),
      aggregate: (call) => {
        seen.push(call);
        return 42;
      },
    };
    expect(evaluate(parseExpression('Sum(Sales) / 2 + x'), ctx)).toBe(22);
    expect(seen[0]).toMatchObject({ key: 'SUM', args: [{ name: 'Sales' }] });
    const e = errorOf(() => run('Sum(Sales)'));
    expect(e.code).toBe('EXPRESSION_AGGREGATION_NOT_ALLOWED');
  });
});

describe('If', () => {
  it('returns the branch chosen, NULL condition counting as false (Qlik NULL rules)', () => {
    expect(run("If(1 = 1, 'yes', 'no')")).toBe('yes');
    expect(run("If(n, 'A', 'B')", { n: null })).toBe('B');
    expect(run("If(1, n, 'A')", { n: null })).toBeNull();
    expect(run("If(1, 'A', n)", { n: null })).toBe('A');
    expect(run("If(0, 'A')")).toBeNull();
  });

  it('evaluates only the branch it returns', () => {
    expect(run("If(1, 'ok', Missing)")).toBe('ok');
  });
});

describe('Evaluate', () => {
  it('evaluates a text as an expression, NULL when it is no expression', () => {
    expect(run("Evaluate('1 + 2 * 3')")).toBe(7);
    expect(run("Evaluate(f & ' * 2')", { f: 21 })).toBe(42);
    expect(run("Evaluate('1 +')")).toBeNull();
  });
});

describe('compileExpression', () => {
  it('compiles once and evaluates per row', () => {
    const compiled = compileExpression(parseExpression("Upper(Name) & '-' & (Qty * Price)"));
    const rows: Record<string, Value>[] = [
      { Name: 'ab', Qty: 2, Price: 1.5 },
      { Name: 'cd', Qty: null, Price: 3 },
    ];
    expect(rows.map((row) => compiled(rowContext(row)))).toEqual(['AB-3', 'CD-']);
  });

  it('evaluates a 200k-row column with one compiled tree', () => {
    const compiled = compileExpression(parseExpression('If(Mod(i, 3) = 0, i * 2, Len(s))'));
    let current: Value = 0;
    const ctx: EvalContext = {
      field: (name) => (name === 'i' ? current : 'abcd'),
      format: DEFAULT_FORMAT_SETTINGS,
    };
    let total = 0;
    for (let i = 0; i < 200_000; i++) {
      current = i;
      total += compiled(ctx) as number;
    }
    // Multiples of 3 below 200000 contribute 2i, others 4.
    let expected = 0;
    for (let i = 0; i < 200_000; i++) expected += i % 3 === 0 ? 2 * i : 4;
    expect(total).toBe(expected);
  });

  it('binds fields and calls at compile time at every depth, falling back to the context', () => {
    const slots: Value[] = [10, 'x'];
    const positions = new Map([
      ['A', 0],
      ['B', 1],
    ]);
    let counter = 7;
    const compiled = compileExpression(parseExpression("If(A > 5, B & RecNo() & C, 'small')"), {
      bindField: (ref) => {
        const at = positions.get(ref.name);
        return at === undefined ? undefined : () => slots[at];
      },
      bindCall: (call) => (call.key === 'RECNO' ? () => counter : undefined),
    });
    // C is not bound: it is read from the context per row; A and B never are.
    const ctx: EvalContext = {
      field: (name) => (name === 'C' ? '!' : 'from context'),
      format: DEFAULT_FORMAT_SETTINGS,
    };
    expect(compiled(ctx)).toBe('x7!');
    slots[0] = 1;
    counter = 8;
    expect(compiled(ctx)).toBe('small');
    slots[0] = 6;
    expect(compiled(ctx)).toBe('x8!');
  });

  it('shows unformatted numbers with up to 14 significant digits', () => {
    expect(text('0.1 + 0.2')).toBe('0.3');
    expect(text('1 / 3')).toBe('0.33333333333333');
  });
});
