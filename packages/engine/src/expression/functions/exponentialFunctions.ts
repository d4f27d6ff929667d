import { functionFamily } from '../FunctionSpec.js';
import { binary, unary } from './numericFunctions.js';

/** Exponential and logarithmic functions: Exp, Log, Log10, Pow, Sqr, Sqrt. */
export const EXPONENTIAL_FUNCTIONS = functionFamily('EXP', {
  Exp: unary(Math.exp),
  Log: unary((x) => (x <= 0 ? NaN : Math.log(x))),
  Log10: unary((x) => (x <= 0 ? NaN : Math.log10(x))),
  Pow: binary(Math.pow, 'x, y'),
  Sqr: unary((x) => x * x),
  Sqrt: unary((x) => (x < 0 ? NaN : Math.sqrt(x))),
});
