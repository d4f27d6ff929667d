import type { BinaryOperator } from './Expr.js';

/**
 * Binding power of each infix operator, loosest first: OR/XOR, AND, (NOT),
 * relational, bit or/xor, bit and, shifts, `&`, `+ -`, `* /`, then unary
 * minus and `bitnot`. All infix operators associate to the left.
 */
export const INFIX_PRECEDENCE: ReadonlyMap<string, { op: BinaryOperator; power: number }> = new Map(
  [
    ['OR', { op: 'or', power: 1 }],
    ['XOR', { op: 'xor', power: 1 }],
    ['AND', { op: 'and', power: 2 }],
    ['=', { op: '=', power: 4 }],
    ['<>', { op: '<>', power: 4 }],
    ['<', { op: '<', power: 4 }],
    ['>', { op: '>', power: 4 }],
    ['<=', { op: '<=', power: 4 }],
    ['>=', { op: '>=', power: 4 }],
    ['LIKE', { op: 'like', power: 4 }],
    ['PRECEDES', { op: 'precedes', power: 4 }],
    ['FOLLOWS', { op: 'follows', power: 4 }],
    ['BITOR', { op: 'bitor', power: 5 }],
    ['BITXOR', { op: 'bitxor', power: 5 }],
    ['BITAND', { op: 'bitand', power: 6 }],
    ['>>', { op: '>>', power: 7 }],
    ['<<', { op: '<<', power: 7 }],
    ['&', { op: '&', power: 8 }],
    ['+', { op: '+', power: 9 }],
    ['-', { op: '-', power: 9 }],
    ['*', { op: '*', power: 10 }],
    ['/', { op: '/', power: 10 }],
  ] as const,
);

/** The operand of NOT binds everything tighter than AND: `NOT a = b` is `NOT (a = b)`. */
export const NOT_OPERAND_POWER = 3;
/** The operand of unary minus/plus and `bitnot` binds only primaries and calls. */
export const UNARY_OPERAND_POWER = 11;
