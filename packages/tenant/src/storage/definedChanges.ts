/**
 * The changes whose value is given: an update that leaves a field out (or
 * passes `undefined`, as optional request fields arrive) keeps its stored value.
 */
export function definedChanges<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
