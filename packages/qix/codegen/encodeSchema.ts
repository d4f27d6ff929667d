import type { EncodedSchema } from '../src/schema/decodeSchema.js';
import type { QixSchema, QixSchemaInParam, QixSchemaMethod } from '../src/schema/QixSchema.js';
import { CodegenError } from './CodegenError.js';

const SEPARATORS = /[(),|=?]/;

function defaultCode(value: unknown): string {
  if (value === '') return '';
  if (value === false) return '=b';
  if (value === 0) return '=n';
  if (Array.isArray(value) && value.length === 0) return '=a';
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return '=o';
  const literal = JSON.stringify(value);
  if (SEPARATORS.test(literal))
    throw new CodegenError(
      'ENCODING_CONFLICT',
      `Default ${literal} contains a separator of the schema encoding`,
    );
  return `=${literal}`;
}

function checkName(name: string): string {
  if (!/^\w+$/.test(name))
    throw new CodegenError('ENCODING_CONFLICT', `Name ${name} cannot be encoded`);
  return name;
}

function encodeInParam(param: QixSchemaInParam): string {
  return checkName(param.Name) + (param.Optional ? '?' : '') + defaultCode(param.DefaultValue);
}

function encodeMethod(name: string, method: QixSchemaMethod): string {
  const ins = method.In.map(encodeInParam).join(',');
  const outs = method.Out.map((p) => checkName(p.Name)).join(',');
  return `${checkName(name)}(${ins})${outs}`;
}

/** Encodes the schema compactly, one string per class (the format `decodeSchema` reads). */
export function encodeSchema(schema: QixSchema): EncodedSchema {
  const encoded: Record<string, string> = {};
  for (const [className, methods] of Object.entries(schema.structs)) {
    encoded[className] = Object.entries(methods)
      .map(([name, method]) => encodeMethod(name, method))
      .join('|');
  }
  return encoded;
}
