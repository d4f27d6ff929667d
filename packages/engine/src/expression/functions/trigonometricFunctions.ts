import { functionFamily } from '../FunctionSpec.js';
import { binary, unary } from './numericFunctions.js';

/** Trigonometric and hyperbolic functions, in radians. */
export const TRIGONOMETRIC_FUNCTIONS = functionFamily('TRIG', {
  Cos: unary(Math.cos),
  Acos: unary(Math.acos),
  Sin: unary(Math.sin),
  Asin: unary(Math.asin),
  Tan: unary(Math.tan),
  Atan: unary(Math.atan),
  Atan2: binary(Math.atan2, 'y, x'),
  Cosh: unary(Math.cosh),
  Sinh: unary(Math.sinh),
  Tanh: unary(Math.tanh),
});
