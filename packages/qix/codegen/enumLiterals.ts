import type { EnumMember } from './OpenRpcSpec.js';

const WIRE_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * The string values an enum-like schema accepts on the wire: each member's
 * short `title`, plus its long constant name when the description is one
 * (the engine accepts both, e.g. `'S'` and `'DATA_MODE_STRAIGHT'`).
 */
export function enumLiterals(members: readonly EnumMember[]): string[] {
  const values: string[] = [];
  for (const member of members) {
    values.push(member.title);
    const long = member.description?.trim();
    if (long && WIRE_NAME.test(long) && long !== member.title) values.push(long);
  }
  return [...new Set(values)];
}
