import type { QixSchema } from '../src/schema/QixSchema.js';
import { encodeSchema } from './encodeSchema.js';
import { generatedHeader } from './header.js';

/** The text of `src/generated/schema.ts`: the compact table and its decoding at module load. */
export function emitSchema(schema: QixSchema, version: string): string {
  const encoded = encodeSchema(schema);
  const entries = Object.keys(encoded)
    .map((className) => `  ${className}:\n    ${JSON.stringify(encoded[className])},\n`)
    .join('');
  return (
    generatedHeader(version, 'Engine method table in enigma.js schema format, stored compactly.') +
    `import { decodeSchema } from '../schema/decodeSchema.js';\n` +
    `import type { QixSchema } from '../schema/QixSchema.js';\n\n` +
    `/** The engine version the table describes. */\n` +
    `export const QIX_VERSION = ${JSON.stringify(version)};\n\n` +
    `const encoded = {\n${entries}};\n\n` +
    `/** Every engine method: \`structs.Class.Method = {In: [{Name, DefaultValue, Optional?}], Out: [{Name}]}\`; enigma.js accepts it as \`schema\`. */\n` +
    `export const qixSchema: QixSchema = decodeSchema(QIX_VERSION, encoded);\n`
  );
}
