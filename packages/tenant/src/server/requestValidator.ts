import { Ajv, type Options } from 'ajv';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

const COMMON: Options = { strict: false, allErrors: false, removeAdditional: true };

/**
 * Fastify's validator compilers, one Ajv per kind of input: query strings and
 * path parameters are coerced from text (`limit=10` is a number) and take
 * their defaults, JSON bodies are checked as sent. One coercing Ajv for both
 * would rewrite a body while trying the branches of an `anyOf` (`['x']` read
 * as `'x'` for a string branch), and fail values the spec allows.
 */
export const buildValidator: CompilersFactory['buildValidator'] = (externalSchemas) => {
  const fromText = new Ajv({ ...COMMON, coerceTypes: 'array', useDefaults: true });
  const asSent = new Ajv({ ...COMMON, coerceTypes: false, useDefaults: false });
  for (const schema of Object.values(externalSchemas as Record<string, object>)) {
    fromText.addSchema(schema);
    asSent.addSchema(schema);
  }
  return ({ schema, httpPart }) => (httpPart === 'body' ? asSent : fromText).compile(schema);
};
