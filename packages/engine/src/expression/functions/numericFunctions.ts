import { toNumber } from '../../value/toNumber.js';
import { fromBoolean } from '../../value/truth.js';
import { fn, type FunctionSpec, type FunctionTable } from '../FunctionSpec.js';
import { numberOrNull, optionalNumber } from './argumentReaders.js';

/** A function of one number; NULL or a non-number gives NULL, as does a result out of range. */
function unary(compute: (x: number) => number): FunctionSpec {
  return fn(1, 1, ([v]) => {
    const x = toNumber(v);
    return Number.isNaN(x) ? null : numberOrNull(compute(x));
  });
}

function binary(compute: (x: number, y: number) => number): FunctionSpec {
  return fn(2, 2, ([a, b]) => {
    const x = toNumber(a);
    const y = toNumber(b);
    return Number.isNaN(x) || Number.isNaN(y) ? null : numberOrNull(compute(x, y));
  });
}

/** Drops float noise from a quotient before it is rounded: 0.3 / 0.1 is 3, not 2.9999999999999996. */
function clean(q: number): number {
  return Number(q.toPrecision(13));
}

/** Round/Floor/Ceil to a multiple of `step` shifted by `offset`. */
function stepped(round: (q: number) => number): FunctionSpec {
  return fn(1, 3, (args) => {
    const x = toNumber(args[0]);
    const step = optionalNumber(args, 1, 1);
    const offset = optionalNumber(args, 2, 0);
    if (Number.isNaN(x) || Number.isNaN(step) || Number.isNaN(offset)) return null;
    if (step === 0) return x;
    return numberOrNull(clean(round(clean((x - offset) / step)) * step + offset));
  });
}

function integerTest(test: (n: number) => boolean): FunctionSpec {
  return fn(1, 1, ([v]) => {
    const x = toNumber(v);
    return Number.isInteger(x) ? fromBoolean(test(x)) : null;
  });
}

function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/** Numeric functions: Abs, Round, Mod, Div, Sqrt, Log, ... */
export const NUMERIC_FUNCTIONS: FunctionTable = {
  ABS: unary(Math.abs),
  FABS: unary(Math.abs),
  SIGN: unary((x) => (x > 0 ? 1 : x < 0 ? -1 : 0)),
  ROUND: stepped((q) => Math.floor(q + 0.5)),
  FLOOR: stepped(Math.floor),
  CEIL: stepped(Math.ceil),
  FRAC: unary((x) => clean(x - Math.floor(x))),
  // Mod is the modulo of integers, taking the divisor's sign; non-integers give NULL.
  MOD: binary((x, y) =>
    !Number.isInteger(x) || !Number.isInteger(y) || y === 0 ? NaN : ((x % y) + y) % y,
  ),
  FMOD: binary((x, y) => (y === 0 ? NaN : x % y)),
  DIV: binary((x, y) => (y === 0 ? NaN : Math.trunc(x / y))),
  SQRT: unary((x) => (x < 0 ? NaN : Math.sqrt(x))),
  SQR: unary((x) => x * x),
  EXP: unary(Math.exp),
  LOG: unary((x) => (x <= 0 ? NaN : Math.log(x))),
  LOG10: unary((x) => (x <= 0 ? NaN : Math.log10(x))),
  POW: binary(Math.pow),
  SIN: unary(Math.sin),
  COS: unary(Math.cos),
  TAN: unary(Math.tan),
  ASIN: unary(Math.asin),
  ACOS: unary(Math.acos),
  ATAN: unary(Math.atan),
  ATAN2: binary(Math.atan2),
  SINH: unary(Math.sinh),
  COSH: unary(Math.cosh),
  TANH: unary(Math.tanh),
  PI: fn(0, 0, () => Math.PI),
  E: fn(0, 0, () => Math.E),
  RAND: fn(0, 0, () => Math.random()),
  EVEN: integerTest((n) => n % 2 === 0),
  ODD: integerTest((n) => n % 2 !== 0),
  BITCOUNT: unary((x) => {
    let v = Math.trunc(x) | 0;
    let count = 0;
    while (v !== 0) {
      v &= v - 1;
      count++;
    }
    return count;
  }),
  FACT: unary((x) => (x < 0 || !Number.isInteger(x) ? NaN : factorial(x))),
  COMBIN: binary((n, k) =>
    k < 0 || k > n ? NaN : Math.round(factorial(n) / (factorial(k) * factorial(n - k))),
  ),
  PERMUT: binary((n, k) => (k < 0 || k > n ? NaN : Math.round(factorial(n) / factorial(n - k)))),
};
