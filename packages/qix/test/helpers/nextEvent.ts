/** Something with `once`, like a session or an API object, whose events are named `Name` and carry `Args`. */
interface Once<Name extends string, Args extends unknown[]> {
  once(event: Name, listener: (...args: Args) => void): unknown;
}

/** Resolves with the arguments of the next emission of the event. */
export function nextEvent<Name extends string, Args extends unknown[]>(
  emitter: Once<Name, Args>,
  event: Name,
): Promise<Args> {
  return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
}
