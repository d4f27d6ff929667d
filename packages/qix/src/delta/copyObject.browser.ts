/**
 * Browsers: a copy of an object's own enumerable members, each value passed
 * through `member` when given (see copyObject.ts for Node's). Spreading
 * defines the members (a "__proto__" one stays data); assigning an own member
 * is safe.
 */
export function copyObject(
  source: Record<string, unknown>,
  member?: (value: unknown) => unknown,
): Record<string, unknown> {
  const copy = { ...source };
  if (member) for (const key in copy) copy[key] = member(copy[key]);
  return copy;
}
