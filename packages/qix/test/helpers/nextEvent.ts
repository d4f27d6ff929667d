/** Something with `once`, like a session or an API object. */
interface Once {
  once(event: string, listener: (...args: never[]) => void): unknown;
}

/** Resolves with the arguments of the next emission of the event. */
export function nextEvent(emitter: Once, event: string): Promise<unknown[]> {
  return new Promise((resolve) => emitter.once(event, (...args: never[]) => resolve(args)));
}
