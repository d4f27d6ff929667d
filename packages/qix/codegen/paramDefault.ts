import { describedChoices } from './describedChoices.js';
import type { JsonSchema, OpenRpcParam } from './OpenRpcSpec.js';
import { refName } from './refName.js';

type Schemas = Readonly<Record<string, JsonSchema>>;

const STATED_DEFAULT = /^\s*(?:the default value is|default value:|default is)\s+(.+?)\s*\.?\s*$/im;

function resolve(schema: JsonSchema, schemas: Schemas): JsonSchema {
  return schema.$ref ? (schemas[refName(schema.$ref)] ?? schema) : schema;
}

/** Reads a default the description states ("The default value is false."), typed like the param. */
function statedDefault(text: string, schema: JsonSchema): unknown {
  const raw = STATED_DEFAULT.exec(text)?.[1];
  if (raw === undefined) return undefined;
  if (schema.type === 'boolean')
    return /^(true|false)$/i.test(raw) ? raw.toLowerCase() === 'true' : undefined;
  if (schema.type === 'integer' || schema.type === 'number') {
    const digits = raw.replace(/\s+/g, '');
    return /^-?\d+(?:\.\d+)?$/.test(digits) ? Number(digits) : undefined;
  }
  if (schema.type === 'string') {
    // Markdown emphasis (`_Main_`) is formatting, not part of the value.
    const word = raw.replace(/^_(.+)_$/, '$1');
    return /^[\w$]+$/.test(word) ? word : undefined;
  }
  return undefined;
}

/** The zero value of a schema, as the engine reads an absent value. */
function zeroValue(schema: JsonSchema, schemas: Schemas): unknown {
  const target = resolve(schema, schemas);
  if (target.oneOf?.[0]) return target.oneOf[0].title;
  switch (target.type) {
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return 0;
    case 'array':
      return [];
    case 'object':
      // An empty struct lets the engine apply its own defaults to every key.
      return {};
    default:
      return '';
  }
}

/**
 * The `DefaultValue` of an In param in the enigma schema: what a named-params
 * call sends for a key it leaves out. The spec has no `default` on params, so
 * a default stated in the description wins, then the first choice of an
 * enum-like string ("One of: * ALL or ..."), then the zero value of the type.
 */
export function paramDefault(param: OpenRpcParam, schemas: Schemas): unknown {
  const text = param.description ?? '';
  const stated = statedDefault(text, param.schema);
  if (stated !== undefined) return stated;
  if (param.schema.type === 'string' && !param.schema.$ref) {
    const choice = describedChoices(text)?.[0];
    if (choice) return choice;
  }
  return zeroValue(param.schema, schemas);
}
