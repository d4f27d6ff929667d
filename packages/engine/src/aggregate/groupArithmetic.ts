// Arithmetic over a chart's groups: an expression such as Sum(A) / Count(B) combines the
// measures' values group by group, with Qlik's nulls where an operand is not a number.
import type { Value } from '../value/Value.js';
import { numberOf } from './valueParts.js';

/** Whether `op` is one of the four arithmetic operators a chart expression applies per group. */
export function isArithmetic(op: string): op is '+' | '-' | '*' | '/' {
  return op === '+' || op === '-' || op === '*' || op === '/';
}

/** Each group's value negated as a number (null where it is not one). */
export function negateGroups(values: Value[]): Value[] {
  return values.map((value) => {
    const num = numberOf(value);
    return num === num ? -num : null;
  });
}

/** `left op right` per group, as numbers: null where either is not one, and for division by zero. */
export function groupArithmetic(op: '+' | '-' | '*' | '/', left: Value[], right: Value[]): Value[] {
  return left.map((value, g) => {
    const a = numberOf(value);
    const b = numberOf(right[g]!);
    if (a !== a || b !== b) return null;
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    return b === 0 ? null : a / b;
  });
}
