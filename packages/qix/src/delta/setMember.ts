/** Sets an object's member as plain data ("__proto__" too: assigning it would change the prototype). */
export function setMember(container: object, token: string, value: unknown): void {
  if (token === '__proto__') {
    Object.defineProperty(container, token, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else (container as Record<string, unknown>)[token] = value;
}
