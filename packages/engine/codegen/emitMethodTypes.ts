import type { EngineModel, MethodModel } from '../../qix/codegen/methodModel.js';
import type { EngineSpec, JsonSchema } from '../../qix/codegen/OpenRpcSpec.js';
import { propertyKey } from '../../qix/codegen/propertyKey.js';
import { docComment } from '../../qix/codegen/tsdoc.js';
import { tsTypeOf } from '../../qix/codegen/tsTypeOf.js';
import { usedStructNames } from '../../qix/codegen/usedStructNames.js';
import { engineHeader } from './engineHeader.js';

/** The type of the `qReturn` of a method that hands out an object. */
const OBJECT_REF = 'ObjectRef';

const OBJECT_REF_DECL = `/**
 * The \`qReturn\` of a method that hands out an object: the handle of the
 * object, or nulls where the method answers "no such object" without an error.
 */
export type ObjectRef =
  | { qType: string; qHandle: number; qGenericType: string; qGenericId: string }
  | { qType: null; qHandle: null; qGenericType?: null; qGenericId?: null };

/** A number as the engine sends it: JSON has no NaN or infinities, so those travel as strings. */
export type WireNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** A spec type as the engine sends it: any number in it may be one of the strings of \`WireNumber\`. */
export type Wire<T> = T extends number
  ? WireNumber
  : T extends readonly (infer E)[]
    ? Wire<E>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/**
 * A spec struct as a client may send it: every key may be left out, at any
 * depth (the engine fills in defaults), and the open trees take any other key.
 */
export type Sent<T> = T extends readonly (infer E)[]
  ? Sent<E>[]
  : T extends object
    ? { [K in keyof T]?: Sent<T[K]> }
    : T;
`;

/** One key of a method's JSON-RPC result with its type. */
interface ResultKey {
  readonly name: string;
  readonly tsType: string;
}

function resultKeys(spec: EngineSpec, method: MethodModel): ResultKey[] {
  const name = `${method.className}.${method.wireName}`;
  const rpc = spec.rpc.methods.find((m) => m.name === name);
  const props = rpc?.result.schema.properties ?? {};
  const returnsObject = spec.remoteReturns[name] !== undefined;
  return Object.keys(props).map((key) => ({
    name: key,
    tsType: key === 'qReturn' && returnsObject ? OBJECT_REF : tsTypeOf(props[key] as JsonSchema),
  }));
}

function objectType(entries: readonly string[]): string {
  return entries.length === 0 ? 'Record<string, never>' : `{ ${entries.join('; ')} }`;
}

/** An argument type: structs as a client may send them, any key left out (the engine fills defaults). */
function argType(tsType: string): string {
  return /[A-Z]/.test(tsType) ? `Sent<${tsType}>` : tsType;
}

/** A result type: what the spec says, with numbers as they travel; object handles as they are. */
function resultType(keys: readonly ResultKey[]): string {
  const entries = keys.map((k) => {
    const type =
      k.tsType === OBJECT_REF || !/[A-Z]|number/.test(k.tsType) ? k.tsType : `Wire<${k.tsType}>`;
    return `${propertyKey(k.name)}: ${type}`;
  });
  return objectType(entries);
}

function emitMethod(spec: EngineSpec, method: MethodModel): string {
  const args = method.inParams.map((p) => `${p.name}: ${argType(p.tsType)}`);
  const result = resultType(resultKeys(spec, method));
  const lines = [method.description || `\`${method.className}.${method.wireName}\`.`];
  if (method.deprecated !== undefined) lines.push(`@deprecated ${method.deprecated}`.trimEnd());
  return (
    docComment(lines, '  ') +
    `  ${method.wireName}: {\n    args: ${objectType(args)};\n    result: ${result};\n  };\n`
  );
}

function emitClass(spec: EngineSpec, className: string, methods: readonly MethodModel[]): string {
  const doc = docComment([
    `The methods of \`${className}\`: \`args\` by In-param name (the engine fills in the defaults of`,
    'the ones a request leaves out), `result` by Out-param name, both typed from the spec.',
  ]);
  return `${doc}export interface ${className}Methods {\n${methods.map((m) => emitMethod(spec, m)).join('')}}\n`;
}

/** The text of `src/generated/methods.ts`: one interface per engine class typing its handlers. */
export function emitMethodTypes(spec: EngineSpec, model: EngineModel): string {
  const classNames = [...model.classes.keys()];
  const expressions: string[] = [];
  for (const methods of model.classes.values()) {
    for (const method of methods) {
      expressions.push(...method.inParams.map((p) => p.tsType));
      expressions.push(...resultKeys(spec, method).map((k) => k.tsType));
    }
  }
  const structNames = new Set(Object.keys(spec.rpc.components.schemas));
  const imports = usedStructNames(expressions, structNames);
  const head =
    engineHeader(model.version, `Handler types: the methods of ${classNames.length} classes.`) +
    `import type {\n${imports.map((name) => `  ${name},\n`).join('')}} from '@qlikit/qix';\n\n`;
  const classes = classNames.map((name) => emitClass(spec, name, model.classes.get(name) ?? []));
  const mapDoc = docComment(['Engine class name → its methods.']);
  const map = `${mapDoc}export interface EngineMethods {\n${classNames.map((n) => `  ${n}: ${n}Methods;\n`).join('')}}\n`;
  return `${head}${OBJECT_REF_DECL}\n${classes.join('\n')}\n${map}`;
}
