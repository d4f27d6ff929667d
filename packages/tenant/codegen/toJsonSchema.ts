import type { SpecSchema } from './SpecDocument.js';

/** JSON Schema keywords Ajv checks and the tenant keeps; descriptions, examples and vendor keys are dropped. */
const KEPT = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'oneOf',
  'anyOf',
  'allOf',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
]);

/** How a converted schema's `$ref`s are rewritten, and whether defaults are kept. */
export interface ConvertOptions {
  /** Maps `#/components/schemas/X` to the ref the output uses. */
  readonly ref: (ref: string) => string;
  /** Keeps `default` (query parameters: Ajv fills them in); bodies never get defaults injected. */
  readonly keepDefault?: boolean;
}

/**
 * Turns an OpenAPI 3.0 schema into the JSON Schema Ajv validates: `nullable`
 * becomes a `null` type, OpenAPI's boolean `exclusiveMinimum/Maximum` become
 * numbers, read-only properties are no longer required of a request, and
 * formats are dropped (Qlik accepts loosely written values where a strict
 * format check would refuse them), and `oneOf` is checked as `anyOf`.
 */
export function toJsonSchema(schema: SpecSchema, options: ConvertOptions): Record<string, unknown> {
  if (schema.$ref) return { $ref: options.ref(schema.$ref) };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'default' && options.keepDefault) out.default = value;
    if (!KEPT.has(key)) continue;
    switch (key) {
      case 'properties':
        out.properties = Object.fromEntries(
          Object.entries(value as Record<string, SpecSchema>).map(([name, child]) => [
            name,
            toJsonSchema(child, { ref: options.ref }),
          ]),
        );
        break;
      case 'items':
        out.items = toJsonSchema(value as SpecSchema, { ref: options.ref });
        break;
      case 'additionalProperties':
        out.additionalProperties =
          typeof value === 'boolean' ? value : toJsonSchema(value as SpecSchema, options);
        break;
      case 'oneOf':
        // Qlik writes some string enums as `oneOf` branches titled by their value.
        if (isTitledEnum(value as SpecSchema[]))
          out.enum = (value as SpecSchema[]).map((b) => b.title);
        // `anyOf`: the specs' branches overlap (an array and an array of refs), and a
        // value matching two of them is valid, not an error as `oneOf` would make it.
        else
          out.anyOf = (value as SpecSchema[]).map((child) =>
            toJsonSchema(child, { ref: options.ref }),
          );
        break;
      case 'anyOf':
      case 'allOf':
        out[key] = (value as SpecSchema[]).map((child) =>
          toJsonSchema(child, { ref: options.ref }),
        );
        break;
      case 'required': {
        const readOnly = (name: string) => schema.properties?.[name]?.readOnly === true;
        const required = (value as string[]).filter((name) => !readOnly(name));
        if (required.length > 0) out.required = required;
        break;
      }
      case 'pattern':
        if (isUnicodeRegExp(value as string)) out.pattern = value;
        break;
      default:
        out[key] = value;
    }
  }
  if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') {
    out.exclusiveMinimum = schema.minimum;
    delete out.minimum;
  }
  if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') {
    out.exclusiveMaximum = schema.maximum;
    delete out.maximum;
  }
  if (schema.nullable === true || schema['x-nullable'] === true) makeNullable(out);
  return out;
}

function isTitledEnum(branches: readonly SpecSchema[]): boolean {
  return branches.every((branch) => typeof branch.title === 'string' && 'x-qlik-const' in branch);
}

function makeNullable(out: Record<string, unknown>): void {
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
}

/** Ajv compiles patterns with the `u` flag; a spec pattern it would refuse is left out. */
function isUnicodeRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
