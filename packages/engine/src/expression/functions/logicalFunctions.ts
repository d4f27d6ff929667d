import { fromBoolean } from '../../value/truth.js';
import { fn, functionFamily } from '../FunctionSpec.js';
import { isNumeric } from './conditionalFunctions.js';

/** Logical functions: IsNum and IsText. (IsPartialReload is the script's.) */
export const LOGICAL_FUNCTIONS = functionFamily('LOG', {
  IsNum: fn(1, 1, ([v]) => fromBoolean(isNumeric(v!)), 'expr'),
  IsText: fn(1, 1, ([v]) => fromBoolean(v !== null && !isNumeric(v!)), 'expr'),
});
