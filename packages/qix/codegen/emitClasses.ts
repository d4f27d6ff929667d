import { CLASS_DESCRIPTIONS } from './classDescriptions.js';
import { generatedHeader } from './header.js';
import type { EngineModel, InParamModel, MethodModel, ReturnModel } from './methodModel.js';
import { propertyKey } from './propertyKey.js';
import { docComment } from './tsdoc.js';
import { usedStructNames } from './usedStructNames.js';

const EMPTY_RESULT = 'Record<string, never>';
/** The named form of a method without In params: `{}`, so that options can follow. */
const NO_PARAMS = 'Record<string, never>';

/** The type a call resolves to, after enigma's unwrapping. */
export function returnTypeOf(returns: ReturnModel): string {
  switch (returns.kind) {
    case 'object':
      return returns.className;
    case 'value':
      return returns.tsType;
    case 'whole':
      return returns.keys.length === 0
        ? EMPTY_RESULT
        : `{ ${returns.keys.map((k) => `${propertyKey(k.name)}: ${k.tsType}`).join('; ')} }`;
  }
}

/**
 * Positional params: a param is `?` only when no required param follows it;
 * an optional one before a required one takes `undefined` instead.
 */
function positionalParams(params: readonly InParamModel[]): string {
  const lastRequired = params.map((p) => p.optional).lastIndexOf(false);
  return params
    .map((p, index) => {
      if (!p.optional) return `${p.name}: ${p.tsType}`;
      return index < lastRequired
        ? `${p.name}: ${p.tsType} | undefined`
        : `${p.name}?: ${p.tsType}`;
    })
    .join(', ');
}

function namedParams(params: readonly InParamModel[]): string {
  const keys = params.map((p) => {
    const doc = docComment([oneLine(p.description)], '    ');
    return `${doc}    ${p.name}${p.optional ? '?' : ''}: ${p.tsType};\n`;
  });
  return `{\n${keys.join('')}  }`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function methodDoc(method: MethodModel, withParams: boolean, namedForm: boolean): string[] {
  const lines = [method.description || `Calls \`${method.className}.${method.wireName}\`.`];
  if (namedForm) {
    lines.push(
      '',
      method.inParams.length === 0
        ? 'Named form: an empty object, then per-call options.'
        : 'Named form: one object keyed by parameter name, then per-call options.',
    );
  }
  if (withParams) {
    lines.push('');
    for (const p of method.inParams) {
      const summary = oneLine(p.description);
      lines.push(`@param ${p.name} - ${summary || p.name}`);
    }
    if (method.inParams.length > 0) {
      lines.push('@param options - Per-call options, taken after every positional param.');
    }
  }
  if (method.deprecated !== undefined) lines.push(`@deprecated ${method.deprecated}`.trimEnd());
  return lines;
}

function emitMethod(method: MethodModel): string {
  // Every call's promise carries its request id (the API object tags it).
  const result = `QixPromise<${returnTypeOf(method.returns)}>`;
  const namedType = method.inParams.length === 0 ? NO_PARAMS : namedParams(method.inParams);
  // resolveArguments takes a trailing options object after every positional param; a method
  // without params has only the named form for them (a lone object there is its params).
  const params =
    method.inParams.length === 0
      ? ''
      : `${positionalParams(method.inParams)}, options?: CallOptions`;
  const positional = `${docComment(methodDoc(method, true, false), '  ')}  ${method.jsName}(${params}): ${result};\n`;
  const named = `${docComment(methodDoc(method, false, true), '  ')}  ${method.jsName}(params: ${namedType}, options?: CallOptions): ${result};\n`;
  return positional + named;
}

function emitClass(className: string, methods: readonly MethodModel[]): string {
  const doc = docComment([CLASS_DESCRIPTIONS[className] ?? `The engine class \`${className}\`.`]);
  return `${doc}export interface ${className} extends QixObjectBase<'${className}'> {\n${methods.map(emitMethod).join('\n')}}\n`;
}

function typeExpressions(model: EngineModel): string[] {
  const expressions: string[] = [];
  for (const methods of model.classes.values()) {
    for (const method of methods) {
      expressions.push(returnTypeOf(method.returns), ...method.inParams.map((p) => p.tsType));
    }
  }
  return expressions;
}

function emitClassMap(classNames: readonly string[]): string {
  const doc = docComment([
    'Engine class name → its API interface, for typing object creation generically.',
  ]);
  const entries = classNames.map((name) => `  ${name}: ${name};\n`).join('');
  const nameDoc = docComment(['The name of an engine class.']);
  return `${doc}export interface QixClasses {\n${entries}}\n\n${nameDoc}export type QixClassName = keyof QixClasses;\n`;
}

/** The text of `src/generated/classes.ts`: one interface per engine class and the `QixClasses` map. */
export function emitClasses(model: EngineModel, structNames: ReadonlySet<string>): string {
  const classNames = [...model.classes.keys()];
  const imports = usedStructNames(typeExpressions(model), structNames);
  const head =
    generatedHeader(model.version, `Engine classes: ${classNames.length} interfaces.`) +
    `import type { CallOptions } from '../api/CallOptions.js';\n` +
    `import type { QixObjectBase } from '../api/QixObjectBase.js';\n` +
    `import type { QixPromise } from '../session/QixRequest.js';\n` +
    `import type {\n${imports.map((name) => `  ${name},\n`).join('')}} from './types.js';\n\n`;
  const classes = classNames.map((name) => emitClass(name, model.classes.get(name) ?? []));
  return head + classes.join('\n') + '\n' + emitClassMap(classNames);
}
