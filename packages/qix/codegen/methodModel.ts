import { CodegenError } from './CodegenError.js';
import type { EngineSpec, JsonSchema, OpenRpcMethod } from './OpenRpcSpec.js';
import { paramDefault } from './paramDefault.js';
import { firstParagraph } from './tsdoc.js';
import { enumsByValues } from './describedChoices.js';
import { tsTypeOf, tsTypeOfDescribed } from './tsTypeOf.js';

/** One In param of a method. */
export interface InParamModel {
  readonly name: string;
  readonly optional: boolean;
  readonly tsType: string;
  readonly description: string;
  readonly defaultValue: unknown;
}

/** One key of a method's JSON-RPC result. */
export interface ResultKeyModel {
  readonly name: string;
  readonly tsType: string;
}

/** What the caller gets back, after enigma's unwrapping. */
export type ReturnModel =
  | { readonly kind: 'object'; readonly className: string }
  | { readonly kind: 'value'; readonly key: string; readonly tsType: string }
  | { readonly kind: 'whole'; readonly keys: readonly ResultKeyModel[] };

/** One engine method, ready to emit. */
export interface MethodModel {
  readonly className: string;
  readonly wireName: string;
  /** enigma's name: the wire name with its first letter lower-cased. */
  readonly jsName: string;
  readonly description: string;
  readonly deprecated: string | undefined;
  readonly inParams: readonly InParamModel[];
  /** Result keys other than qReturn, in spec order (enigma's `Out`). */
  readonly outParams: readonly ResultKeyModel[];
  readonly returns: ReturnModel;
}

/** The engine classes with their methods, sorted by name. */
export interface EngineModel {
  readonly version: string;
  readonly classes: ReadonlyMap<string, readonly MethodModel[]>;
}

const RETURN_KEY = 'qReturn';

/** Methods whose qReturn enigma drops before unwrapping (it duplicates or hides the real answer). */
const DROPS_RETURN: ReadonlySet<string> = new Set([
  'GetInteract',
  'StoreTempSelectionState',
  'CreateTemporaryBookmark',
]);

/** The enigma method name: `OSName` → `oSName`, `GetLayout` → `getLayout`. */
export function toJsName(wireName: string): string {
  return wireName.charAt(0).toLowerCase() + wireName.slice(1);
}

function resultKeys(schema: JsonSchema): ResultKeyModel[] {
  const props = schema.properties ?? {};
  return Object.keys(props).map((name) => ({ name, tsType: tsTypeOf(props[name] as JsonSchema) }));
}

function returnModel(
  method: OpenRpcMethod,
  wireName: string,
  remoteClass: string | undefined,
): ReturnModel {
  const keys = resultKeys(method.result.schema);
  if (remoteClass) return { kind: 'object', className: remoteClass };
  const returned = DROPS_RETURN.has(wireName) ? undefined : keys.find((k) => k.name === RETURN_KEY);
  if (returned) return { kind: 'value', key: RETURN_KEY, tsType: returned.tsType };
  const outs = keys.filter((k) => k.name !== RETURN_KEY);
  const single = outs.length === 1 ? outs[0] : undefined;
  if (single) return { kind: 'value', key: single.name, tsType: single.tsType };
  return { kind: 'whole', keys: outs };
}

function splitName(name: string): [string, string] {
  const [className, wireName, ...rest] = name.split('.');
  if (!className || !wireName || rest.length > 0)
    throw new CodegenError('SPEC_INVALID', `Method name is not Class.Method: ${name}`);
  return [className, wireName];
}

function methodModel(
  method: OpenRpcMethod,
  spec: EngineSpec,
  enums: ReadonlyMap<string, string>,
): MethodModel {
  const [className, wireName] = splitName(method.name);
  const schemas = spec.rpc.components.schemas;
  const remoteClass = spec.remoteReturns[method.name];
  const deprecation = method['x-qlik-deprecation-description'] ?? '';
  return {
    className,
    wireName,
    jsName: toJsName(wireName),
    description: firstParagraph(method.description),
    deprecated: method['x-qlik-deprecated'] ? firstParagraph(deprecation) : undefined,
    inParams: method.params.map((p) => ({
      name: p.name,
      optional: p.required !== true,
      tsType: tsTypeOfDescribed(p.schema, p.description, enums),
      description: firstParagraph(p.description),
      defaultValue: paramDefault(p, schemas),
    })),
    outParams: resultKeys(method.result.schema).filter((k) => k.name !== RETURN_KEY),
    returns: returnModel(method, wireName, remoteClass),
  };
}

/** Builds the sorted class → methods model that every emitter reads. */
export function buildEngineModel(spec: EngineSpec): EngineModel {
  const byClass = new Map<string, MethodModel[]>();
  const enums = enumsByValues(spec.rpc.components.schemas);
  for (const method of spec.rpc.methods) {
    const model = methodModel(method, spec, enums);
    const list = byClass.get(model.className) ?? [];
    list.push(model);
    byClass.set(model.className, list);
  }
  const classes = new Map<string, readonly MethodModel[]>();
  for (const name of [...byClass.keys()].sort()) {
    const methods = (byClass.get(name) ?? []).sort((a, b) =>
      a.wireName < b.wireName ? -1 : a.wireName > b.wireName ? 1 : 0,
    );
    classes.set(name, methods);
  }
  for (const [key, target] of Object.entries(spec.remoteReturns)) {
    if (!classes.has(target))
      throw new CodegenError('SPEC_INVALID', `${key} returns unknown class ${target}`);
  }
  return { version: spec.rpc.info.version, classes };
}
