import { compareCodeUnits, compareForOperator } from '../value/compareForOperator.js';
import { matchWildcard } from '../value/matchWildcard.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import { fromBoolean, isTrue, TRUE, FALSE } from '../value/truth.js';
import type { Value } from '../value/Value.js';
import type { BinaryOperator } from './Expr.js';

/** Applies a binary operator to two evaluated operands. */
export type BinaryOperation = (a: Value, b: Value) => Value;

/** Arithmetic: NULL or a non-number on either side gives NULL, as does division by zero. */
function arithmetic(compute: (x: number, y: number) => number): BinaryOperation {
  return (a, b) => {
    const x = toNumber(a);
    const y = toNumber(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return null;
    const r = compute(x, y);
    return Number.isFinite(r) ? r : null;
  };
}

/**
 * Relational operators with Qlik's NULL rules: NULL against NULL is NULL;
 * NULL against a value is false, except `<>`, which is true.
 */
function relational(test: (order: number) => boolean, nullAgainstValue: number): BinaryOperation {
  return (a, b) => {
    if (a === null || b === null) return a === b ? null : nullAgainstValue;
    return fromBoolean(test(compareForOperator(a, b)));
  };
}

function textual(test: (order: number) => boolean): BinaryOperation {
  return (a, b) => {
    if (a === null || b === null) return a === b ? null : FALSE;
    return fromBoolean(test(compareCodeUnits(toText(a), toText(b))));
  };
}

/** Bit operators work on 32-bit signed integers; a non-number gives NULL. */
function bitwise(compute: (x: number, y: number) => number): BinaryOperation {
  return (a, b) => {
    const x = toNumber(a);
    const y = toNumber(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return null;
    return compute(Math.trunc(x) | 0, Math.trunc(y) | 0);
  };
}

/** The operation behind each binary operator. */
export const BINARY_OPERATIONS: Readonly<Record<BinaryOperator, BinaryOperation>> = {
  '+': arithmetic((x, y) => x + y),
  '-': arithmetic((x, y) => x - y),
  '*': arithmetic((x, y) => x * y),
  '/': arithmetic((x, y) => x / y),
  // '&' reads NULL as the empty text: 'A' & NULL is 'A'.
  '&': (a, b) => toText(a) + toText(b),
  '=': relational((o) => o === 0, FALSE),
  '<>': relational((o) => o !== 0, TRUE),
  '<': relational((o) => o < 0, FALSE),
  '>': relational((o) => o > 0, FALSE),
  '<=': relational((o) => o <= 0, FALSE),
  '>=': relational((o) => o >= 0, FALSE),
  precedes: textual((o) => o < 0),
  follows: textual((o) => o > 0),
  like: (a, b) =>
    a === null || b === null ? FALSE : fromBoolean(matchWildcard(toText(a), toText(b))),
  and: (a, b) => fromBoolean(isTrue(a) && isTrue(b)),
  or: (a, b) => fromBoolean(isTrue(a) || isTrue(b)),
  xor: (a, b) => fromBoolean(isTrue(a) !== isTrue(b)),
  bitand: bitwise((x, y) => x & y),
  bitor: bitwise((x, y) => x | y),
  bitxor: bitwise((x, y) => x ^ y),
  '>>': bitwise((x, y) => x >> y),
  '<<': bitwise((x, y) => x << y),
};
