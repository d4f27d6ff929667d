/**
 * Turns an ES module namespace into what `require()` returns from the
 * CommonJS build (dist/cjs/*.cjs, made by scripts/bundle.mjs).
 *
 * enigma.js's CommonJS modules export their value itself
 * (`module.exports = enigma`, `module.exports = errorCodes`), so programs
 * call `require('enigma.js').create(...)` and
 * `Object.keys(require('enigma.js/error-codes'))` lists only codes. Our
 * compatible entries keep that value as their default export; this puts its
 * members on the exported object, where enigma.js programs look for them.
 *
 * The type declarations of the CommonJS build are the ESM ones (renamed to
 * .d.cts), which describe a `default` member and the named exports. So that
 * code following the types works too (`require(...).default`, TypeScript's
 * `import x from` with esModuleInterop, `import { create } from`), those are
 * added as well, but not enumerable: logging, `Object.keys` and `JSON` see
 * exactly what enigma.js's modules show.
 */
export function commonJsShape(
  namespace: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const value = namespace.default;
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('commonJsShape needs a module whose default export is an object');
  }
  // A copy, so that the module's own default object is never changed.
  const exported: Record<string, unknown> = { ...value };
  for (const [name, member] of Object.entries(namespace)) {
    if (name === 'default' || Object.hasOwn(exported, name)) continue;
    Object.defineProperty(exported, name, {
      value: member,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  Object.defineProperty(exported, 'default', {
    value: exported,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return exported;
}
