import { generatedHeader } from './header.js';

/** The text of `src/generated/index.ts`, re-exporting the generated modules. */
export function emitIndex(version: string): string {
  return (
    generatedHeader(version, 'Entry point of the generated engine API.') +
    `export type * from './types.js';\n` +
    `export type * from './classes.js';\n` +
    `export { qixSchema, QIX_VERSION } from './schema.js';\n`
  );
}
