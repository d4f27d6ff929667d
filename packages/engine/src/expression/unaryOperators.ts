import { toNumber } from '../value/toNumber.js';
import { fromBoolean, isTrue } from '../value/truth.js';
import type { Value } from '../value/Value.js';
import type { UnaryOperator } from './Expr.js';

/** Applies a prefix operator to an evaluated operand. */
export type UnaryOperation = (v: Value) => Value;

function numeric(compute: (x: number) => number): UnaryOperation {
  return (v) => {
    const x = toNumber(v);
    return Number.isNaN(x) ? null : compute(x);
  };
}

/** The operation behind each prefix operator. */
export const UNARY_OPERATIONS: Readonly<Record<UnaryOperator, UnaryOperation>> = {
  '-': numeric((x) => -x),
  '+': numeric((x) => x),
  not: (v) => fromBoolean(!isTrue(v)),
  bitnot: numeric((x) => ~(Math.trunc(x) | 0)),
};
