import { Ajv, type Options, type ValidateFunction } from 'ajv';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

const COMMON: Options = { strict: false, allErrors: false, removeAdditional: true };

// Compiling the specs' schemas is most of a tenant's start-up: every tenant of
// a process (tests start dozens) shares the compilers and what they compiled,
// keyed by the schema objects, which come from the generated modules.
const fromText = new Ajv({ ...COMMON, coerceTypes: 'array', useDefaults: true });
const asSent = new Ajv({ ...COMMON, coerceTypes: false, useDefaults: false });
const compiled = {
  body: new WeakMap<object, ValidateFunction>(),
  text: new WeakMap<object, ValidateFunction>(),
};

/**
 * Fastify's validator compilers, one (shared) Ajv per kind of input: query strings and
 * path parameters are coerced from text (`limit=10` is a number) and take
 * their defaults, JSON bodies are checked as sent. One coercing Ajv for both
 * would rewrite a body while trying the branches of an `anyOf` (`['x']` read
 * as `'x'` for a string branch), and fail values the spec allows.
 */
export const buildValidator: CompilersFactory['buildValidator'] = (externalSchemas) => {
  for (const schema of Object.values(externalSchemas as Record<string, { $id?: string }>)) {
    for (const ajv of [fromText, asSent])
      if (!schema.$id || !ajv.getSchema(schema.$id)) ajv.addSchema(schema);
  }
  return ({ schema, httpPart }) => {
    const kind = httpPart === 'body' ? 'body' : 'text';
    if (typeof schema !== 'object') return (kind === 'body' ? asSent : fromText).compile(schema);
    let cached = compiled[kind].get(schema);
    if (!cached) {
      cached = (kind === 'body' ? asSent : fromText).compile(schema);
      compiled[kind].set(schema, cached);
    }
    return cached;
  };
};
