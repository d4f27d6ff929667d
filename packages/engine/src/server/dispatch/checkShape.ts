import { LocError } from '../../errors/LocError.js';
import { ENUM_SHAPES, STRUCT_SHAPES, type Shape } from '../../generated/shapes.js';

type Json = Record<string, unknown>;

/** Definitions the engine computes wherever they sit in a property tree (qHyperCubeDef, qListObjectDef, ...). */
const DEFINITIONS: Readonly<Record<string, Shape>> =
  STRUCT_SHAPES.GenericObjectProperties?.dynamic ?? {};

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

function expected(shape: Shape): string {
  switch (shape[0]) {
    case 's':
      return 'a string';
    case 'i':
      return 'an integer';
    case 'n':
      return 'a number';
    case 'b':
      return 'a boolean';
    case '[':
      return 'an array';
    case 'S':
      return `an object (${shape.slice(1)})`;
    case 'E':
      return `one of ${(ENUM_SHAPES[shape.slice(1)]?.values ?? []).join(', ')}`;
    case 'L':
      return `one of ${shape.slice(1).split('|').join(', ')}`;
    default:
      return 'an object';
  }
}

function wrong(path: string, shape: Shape, value: unknown): LocError {
  return new LocError(
    'LOCERR_GENERIC_INVALID_PARAMETERS',
    `${path}: expected ${expected(shape)}, got ${describe(value)}`,
    { parameter: path },
  );
}

/**
 * Checks a value a client sent against its shape in the spec, naming the path
 * of what is wrong (LOCERR_GENERIC_INVALID_PARAMETERS): a number where a string
 * belongs, an object where an array does, an enum name the spec doesn't list.
 * Keys the spec doesn't list are allowed, as Qlik allows them in properties,
 * but definitions the engine computes (`qHyperCubeDef`, ...) are checked
 * wherever they sit. `null` stands for a value left out (but not for a list's
 * item). Returns the value,
 * with enum names written as the spec writes them (any case, or their number,
 * is accepted), so that it is exactly what the handler's type says.
 */
export function checkShape(value: unknown, shape: Shape, path: string): unknown {
  if (value === null || value === undefined) return value;
  switch (shape[0]) {
    case 's':
      if (typeof value !== 'string') throw wrong(path, shape, value);
      return value;
    case 'i':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong(path, shape, value);
      return value;
    case 'n':
      if (typeof value !== 'number') throw wrong(path, shape, value);
      return value;
    case 'b':
      if (typeof value !== 'boolean') throw wrong(path, shape, value);
      return value;
    case '[':
      if (!Array.isArray(value)) throw wrong(path, shape, value);
      for (let i = 0; i < value.length; i++) {
        // An item of a list cannot be left out: a null one is wrong, unless the list takes anything.
        if ((value[i] === null || value[i] === undefined) && shape[1] !== '*')
          throw wrong(`${path}/${i}`, shape.slice(1), value[i]);
        value[i] = checkShape(value[i], shape.slice(1), `${path}/${i}`);
      }
      return value;
    case 'S':
      return checkStruct(value, shape, path);
    case 'E':
      return checkEnum(value, shape, path);
    case 'L':
      return checkLiteral(value, shape, path);
    case 'o':
      if (!isObject(value)) throw wrong(path, shape, value);
      checkDefinitionsIn(value, path);
      return value;
    default:
      checkDefinitionsIn(value, path);
      return value;
  }
}

function checkStruct(value: unknown, shape: Shape, path: string): unknown {
  if (!isObject(value)) throw wrong(path, shape, value);
  const struct = STRUCT_SHAPES[shape.slice(1)];
  for (const key of Object.keys(value)) {
    const member = value[key];
    const memberPath = `${path}/${key}`;
    const declared = struct?.props[key];
    if (declared !== undefined) value[key] = checkShape(member, declared, memberPath);
    else if (isObject(member) && Object.hasOwn(DEFINITIONS, key))
      value[key] = checkShape(member, DEFINITIONS[key]!, memberPath);
    else checkDefinitionsIn(member, memberPath);
  }
  return value;
}

/** In a free part of a tree, checks the definitions the engine computes from it. */
function checkDefinitionsIn(value: unknown, path: string): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkDefinitionsIn(value[i], `${path}/${i}`);
    return;
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (isObject(member) && Object.hasOwn(DEFINITIONS, key))
      value[key] = checkShape(member, DEFINITIONS[key]!, `${path}/${key}`);
    else checkDefinitionsIn(member, `${path}/${key}`);
  }
}

function checkEnum(value: unknown, shape: Shape, path: string): string {
  const spec = ENUM_SHAPES[shape.slice(1)];
  if (spec && typeof value === 'string') {
    if (spec.values.includes(value)) return value;
    const lower = value.toLowerCase();
    const named = spec.values.find((name) => name.toLowerCase() === lower);
    if (named !== undefined) return named;
  }
  if (spec && typeof value === 'number' && Object.hasOwn(spec.consts, String(value)))
    return spec.consts[String(value)]!;
  throw wrong(path, shape, value);
}

function checkLiteral(value: unknown, shape: Shape, path: string): string {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    const named = shape
      .slice(1)
      .split('|')
      .find((name) => name.toLowerCase() === lower);
    if (named !== undefined) return named;
  }
  throw wrong(path, shape, value);
}
