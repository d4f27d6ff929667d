import { Dual } from '../../value/Value.js';
import { FALSE, TRUE } from '../../value/truth.js';
import { fn, functionFamily } from '../FunctionSpec.js';

const TRUE_VALUE = new Dual('True', TRUE);
const FALSE_VALUE = new Dual('False', FALSE);

/** Mathematical constants and parameter-free functions: e, pi, rand, true, false. */
export const MATH_CONSTANT_FUNCTIONS = functionFamily('MATH', {
  e: fn(0, 0, () => Math.E),
  Pi: fn(0, 0, () => Math.PI),
  Rand: fn(0, 0, () => Math.random()),
  // True() and False() are duals: the texts 'True' and 'False' with -1 and 0.
  True: fn(0, 0, () => TRUE_VALUE),
  False: fn(0, 0, () => FALSE_VALUE),
});
