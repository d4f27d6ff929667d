import type { Field } from '../model/Field.js';
import type { Value } from '../value/Value.js';

const cache = new WeakMap<Field, Value[]>();

/** Every symbol of a field as a Value, plus null at the null code, built once per field. */
export function symbolValues(field: Field): readonly Value[] {
  let values = cache.get(field);
  if (!values) {
    values = [];
    for (let s = 0; s < field.cardinality; s++) values.push(field.symbols.value(s));
    values.push(null);
    cache.set(field, values);
  }
  return values;
}
