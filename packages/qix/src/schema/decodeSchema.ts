import type {
  QixSchema,
  QixSchemaInParam,
  QixSchemaMethod,
  QixSchemaOutParam,
} from './QixSchema.js';

/**
 * The compact schema encoding that `src/generated/schema.ts` ships, one string per class:
 * `Method(inParam,inParam?=code)outParam,outParam|Method2()...`.
 * An In param is its name, `?` when optional, then `=` and its default: a one-letter
 * code (`b` false, `n` 0, `a` [], `o` {}) or a JSON literal; no `=` means "".
 */
export type EncodedSchema = Readonly<Record<string, string>>;

/** Thrown when an encoded schema string is malformed. */
export class SchemaDecodeError extends Error {
  override readonly name = 'SchemaDecodeError';
  readonly code = 'SCHEMA_ENCODING_INVALID';

  /** Creates the error for the class and the token that could not be read. */
  constructor(className: string, token: string, options?: { cause?: unknown }) {
    super(`Invalid encoded schema for ${className}: "${token}"`, options);
  }
}

// Factories, so that every param gets its own array or object.
const SHORT_DEFAULTS: Readonly<Record<string, () => unknown>> = {
  b: () => false,
  n: () => 0,
  a: () => [],
  o: () => ({}),
};

function decodeDefault(code: string): unknown {
  if (code === '') return '';
  const short = SHORT_DEFAULTS[code];
  return short ? short() : JSON.parse(code);
}

function decodeInParam(token: string): QixSchemaInParam {
  const eq = token.indexOf('=');
  const head = eq < 0 ? token : token.slice(0, eq);
  const DefaultValue = decodeDefault(eq < 0 ? '' : token.slice(eq + 1));
  return head.endsWith('?')
    ? { Name: head.slice(0, -1), DefaultValue, Optional: true }
    : { Name: head, DefaultValue };
}

function splitList(list: string): string[] {
  return list === '' ? [] : list.split(',');
}

function decodeMethod(className: string, token: string): [string, QixSchemaMethod] {
  const open = token.indexOf('(');
  const close = token.indexOf(')');
  if (open <= 0 || close < open) throw new SchemaDecodeError(className, token);
  try {
    const In = splitList(token.slice(open + 1, close)).map(decodeInParam);
    const Out = splitList(token.slice(close + 1)).map((Name): QixSchemaOutParam => ({ Name }));
    return [token.slice(0, open), { In, Out }];
  } catch (cause) {
    throw new SchemaDecodeError(className, token, { cause });
  }
}

/** Expands the compact per-class strings into enigma's schema shape (`structs.Class.Method = {In, Out}`). */
export function decodeSchema(version: string, encoded: EncodedSchema): QixSchema {
  const structs: Record<string, Record<string, QixSchemaMethod>> = {};
  for (const className of Object.keys(encoded)) {
    const methods = (encoded[className] ?? '').split('|').filter((token) => token !== '');
    structs[className] = Object.fromEntries(methods.map((token) => decodeMethod(className, token)));
  }
  return { structs, version };
}
