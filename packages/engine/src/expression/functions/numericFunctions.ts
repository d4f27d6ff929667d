import { toNumber } from '../../value/toNumber.js';
import { fromBoolean } from '../../value/truth.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';
import { numberOrNull, optionalNumber } from './argumentReaders.js';

/** A function of one number; NULL or a non-number gives NULL, as does a result out of range. */
export function unary(compute: (x: number) => number, params = 'x'): FunctionEntry {
  return fn(
    1,
    1,
    ([v]) => {
      const x = toNumber(v);
      return Number.isNaN(x) ? null : numberOrNull(compute(x));
    },
    params,
  );
}

/** A function of two numbers; NULL when either is no number or the result is out of range. */
export function binary(compute: (x: number, y: number) => number, params: string): FunctionEntry {
  return fn(
    2,
    2,
    ([a, b]) => {
      const x = toNumber(a);
      const y = toNumber(b);
      return Number.isNaN(x) || Number.isNaN(y) ? null : numberOrNull(compute(x, y));
    },
    params,
  );
}

/** Drops float noise from a quotient before it is rounded: 0.3 / 0.1 is 3, not 2.9999999999999996. */
function clean(q: number): number {
  return Number(q.toPrecision(13));
}

/** Round/Floor/Ceil to a multiple of `step` shifted by `offset`. */
function stepped(round: (q: number) => number): FunctionEntry {
  return fn(
    1,
    3,
    (args) => {
      const x = toNumber(args[0]);
      const step = optionalNumber(args, 1, 1);
      const offset = optionalNumber(args, 2, 0);
      if (Number.isNaN(x) || Number.isNaN(step) || Number.isNaN(offset)) return null;
      if (step === 0) return x;
      return numberOrNull(clean(round(clean((x - offset) / step)) * step + offset));
    },
    'x [, step [, offset]]',
  );
}

function integerTest(test: (n: number) => boolean): FunctionEntry {
  return fn(
    1,
    1,
    ([v]) => {
      const x = toNumber(v);
      return Number.isInteger(x) ? fromBoolean(test(x)) : null;
    },
    'integer_number',
  );
}

function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/** Bits set in the 64-bit two's complement of an integer (BitCount(-1) is 64). */
function bitCount(x: number): number {
  let v = BigInt.asUintN(64, BigInt(Math.trunc(x)));
  let count = 0;
  while (v !== 0n) {
    v &= v - 1n;
    count++;
  }
  return count;
}

/** General numeric functions: Round, Floor, Ceil, Mod, Div, Fact, Combin, ... */
export const NUMERIC_FUNCTIONS = functionFamily('NUM', {
  Abs: unary(Math.abs),
  Fabs: unary(Math.abs),
  Sign: unary((x) => (x > 0 ? 1 : x < 0 ? -1 : 0)),
  Round: stepped((q) => Math.floor(q + 0.5)),
  Floor: stepped(Math.floor),
  Ceil: stepped(Math.ceil),
  Frac: unary((x) => clean(x - Math.floor(x))),
  // The non-negative remainder of integers; a divisor that is not positive gives NULL.
  Mod: binary(
    (x, y) => (!Number.isInteger(x) || !Number.isInteger(y) || y <= 0 ? NaN : ((x % y) + y) % y),
    'integer_number1, integer_number2',
  ),
  Fmod: binary((x, y) => (y === 0 ? NaN : x % y), 'a, b'),
  Div: binary((x, y) => (y === 0 ? NaN : Math.trunc(x / y)), 'integer_number1, integer_number2'),
  Even: integerTest((n) => n % 2 === 0),
  Odd: integerTest((n) => n % 2 !== 0),
  BitCount: unary(bitCount, 'integer_number'),
  Fact: unary((x) => {
    const n = Math.trunc(x);
    return n < 0 ? NaN : factorial(n);
  }),
  Combin: binary((p, q) => {
    const [n, k] = [Math.trunc(p), Math.trunc(q)];
    return k < 0 || k > n ? NaN : Math.round(factorial(n) / (factorial(k) * factorial(n - k)));
  }, 'number_of_objects, number_of_elements'),
  Permut: binary((p, q) => {
    const [n, k] = [Math.trunc(p), Math.trunc(q)];
    return k < 0 || k > n ? NaN : Math.round(factorial(n) / factorial(n - k));
  }, 'total_number_of_objects, number_of_elements'),
});
