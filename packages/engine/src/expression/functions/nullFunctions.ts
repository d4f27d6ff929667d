import { fromBoolean } from '../../value/truth.js';
import { fn, functionFamily } from '../FunctionSpec.js';

/** NULL functions: Null, IsNull, EmptyIsNull. */
export const NULL_FUNCTIONS = functionFamily('NULL', {
  Null: fn(0, 0, () => null),
  IsNull: fn(1, 1, ([v]) => fromBoolean(v === null), 'expr'),
  // An empty text is NULL; anything else is itself.
  EmptyIsNull: fn(1, 1, ([v]) => (v === '' ? null : v!), 'exp'),
});
