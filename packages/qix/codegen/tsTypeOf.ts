import { describedChoiceType } from './describedChoices.js';
import type { JsonSchema } from './OpenRpcSpec.js';
import { refName } from './refName.js';

/** A free JSON object: any keys, values unknown until the caller narrows them. */
export const FREE_OBJECT = '{ [key: string]: unknown }';

function arrayOf(element: string): string {
  return /^[\w.]+$/.test(element) || element.endsWith('[]') ? `${element}[]` : `(${element})[]`;
}

/** The TypeScript type expression for a property, parameter or result schema. */
export function tsTypeOf(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  switch (schema.type) {
    case 'array':
      return arrayOf(schema.items ? tsTypeOf(schema.items) : 'unknown');
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return FREE_OBJECT;
    default:
      return 'unknown';
  }
}

/**
 * The type of a param or property: like `tsTypeOf`, but a plain string whose
 * description lists its wire values becomes that enum (or literal union).
 */
export function tsTypeOfDescribed(
  schema: JsonSchema,
  description: string | undefined,
  enums: ReadonlyMap<string, string>,
): string {
  const described =
    schema.type === 'string' && !schema.$ref ? describedChoiceType(description, enums) : undefined;
  return described ?? tsTypeOf(schema);
}
