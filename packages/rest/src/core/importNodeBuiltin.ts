/**
 * Imports a Node built-in (`node:fs`...) when first needed. The specifier is a
 * variable so that browser bundlers leave it alone: the features that need it
 * (`{ path }` uploads, `Download.toFile`) only exist on Node.
 */
export function importNodeBuiltin<T>(specifier: `node:${string}`): Promise<T> {
  const name: string = specifier;
  return import(/* @vite-ignore */ /* webpackIgnore: true */ name) as Promise<T>;
}
