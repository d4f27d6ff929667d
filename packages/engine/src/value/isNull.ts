import type { Value } from './Value.js';

/** True when a value is Qlik's NULL. */
export function isNull(v: Value): v is null {
  return v === null;
}
