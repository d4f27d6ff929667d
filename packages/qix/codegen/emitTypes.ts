import { CodegenError } from './CodegenError.js';
import { enumLiterals } from './enumLiterals.js';
import { generatedHeader } from './header.js';
import type { DynamicProperty, JsonSchema, OpenRpcSpec } from './OpenRpcSpec.js';
import { isPropertyRequired } from './propertyPresence.js';
import { propertyKey } from './propertyKey.js';
import { buildStructGraph, type StructGraph } from './structGraph.js';
import { docComment } from './tsdoc.js';
import { enumsByValues } from './describedChoices.js';
import { FREE_OBJECT, tsTypeOf, tsTypeOfDescribed } from './tsTypeOf.js';

const OPEN_KEYS =
  '  /** Any other key: properties and layouts are free JSON trees. */\n  [key: string]: unknown;\n';
const FREE_KEYS = '  /** Free JSON: any key, any value. */\n  [key: string]: unknown;\n';

function fallbackSummary(name: string, schema: JsonSchema): string {
  if (schema.contentEncoding === 'base64')
    return `Engine type \`${name}\`: base64-encoded binary data.`;
  if (schema.oneOf)
    return `Engine enum \`${name}\` (the engine takes the short name or, where listed, the long one):`;
  return `Engine struct \`${name}\`.`;
}

function structDoc(name: string, schema: JsonSchema, extra: readonly string[] = []): string[] {
  const lines = [schema.description?.trim() || fallbackSummary(name, schema), ...extra];
  if (schema['x-qlik-deprecated']) lines.push('@deprecated');
  return lines;
}

function propertyDoc(prop: JsonSchema): string[] {
  const lines = [prop.description?.trim() ?? ''];
  if (prop.default !== undefined) lines.push(`@defaultValue ${JSON.stringify(prop.default)}`);
  if (prop['x-qlik-deprecated']) lines.push('@deprecated');
  return lines;
}

/** What emitting a struct needs to know about the others. */
interface StructContext {
  readonly graph: StructGraph;
  /** Enum names by their sorted values, to type strings whose description lists values. */
  readonly enums: ReadonlyMap<string, string>;
}

function emitProperty(
  structName: string,
  struct: JsonSchema,
  name: string,
  prop: JsonSchema,
  ctx: StructContext,
): string {
  const mark = isPropertyRequired(structName, struct, name, prop, ctx.graph) ? '' : '?';
  const type = tsTypeOfDescribed(prop, prop.description, ctx.enums);
  return `${docComment(propertyDoc(prop), '  ')}  ${propertyKey(name)}${mark}: ${type};\n`;
}

function dynamicDoc(structName: string): string {
  return structName.endsWith('Layout')
    ? `Dynamic property: what the engine computed from a matching definition in the properties, when there is one.`
    : `Dynamic property: a definition the engine computes into the layout; it may also sit deeper in the tree.`;
}

function emitDynamicProperty(structName: string, dyn: DynamicProperty): string {
  const doc = docComment([dynamicDoc(structName)], '  ');
  return `${doc}  ${propertyKey(dyn.name)}?: ${tsTypeOf(dyn.schema)};\n`;
}

function emitInterface(name: string, schema: JsonSchema, ctx: StructContext): string {
  const props = schema.properties ?? {};
  const dynamic = schema.additionalProperties?.anyOf ?? [];
  let body = Object.keys(props)
    .map((key) => emitProperty(name, schema, key, props[key] as JsonSchema, ctx))
    .join('');
  for (const dyn of dynamic) {
    if (dyn.name in props)
      throw new CodegenError(
        'UNSUPPORTED_SCHEMA',
        `${name}: dynamic ${dyn.name} repeats a property`,
      );
    body += emitDynamicProperty(name, dyn);
  }
  if (Object.keys(props).length === 0 && dynamic.length === 0) body += FREE_KEYS;
  else if (ctx.graph.tree.has(name) || dynamic.length > 0) body += OPEN_KEYS;
  return `${docComment(structDoc(name, schema), '')}export interface ${name} {\n${body}}\n`;
}

function emitEnum(name: string, schema: JsonSchema): string {
  const literals = enumLiterals(schema.oneOf ?? []).map((value) => `'${value}'`);
  const listing = (schema.oneOf ?? []).map(
    (m) => `- \`${m.title}\`${m.description ? `: ${m.description}` : ''}`,
  );
  const doc = docComment(structDoc(name, schema, ['', ...listing]), '');
  return `${doc}export type ${name} =\n${literals.map((l) => `  | ${l}`).join('\n')};\n`;
}

function emitAlias(name: string, schema: JsonSchema): string {
  const target = schema.type === 'object' ? FREE_OBJECT : tsTypeOf(schema);
  return `${docComment(structDoc(name, schema), '')}export type ${name} = ${target};\n`;
}

/** The TypeScript declaration for one struct of `components.schemas`. */
export function emitStruct(name: string, schema: JsonSchema, ctx: StructContext): string {
  if (schema.oneOf) return emitEnum(name, schema);
  if (schema.type === 'object') return emitInterface(name, schema, ctx);
  if (schema.type === 'array' || schema.type === 'string') return emitAlias(name, schema);
  throw new CodegenError(
    'UNSUPPORTED_SCHEMA',
    `Struct ${name} has unsupported type ${String(schema.type)}`,
  );
}

/** The text of `src/generated/types.ts`: one exported type per struct, sorted by name. */
export function emitTypes(spec: OpenRpcSpec): string {
  const schemas = spec.components.schemas;
  const ctx: StructContext = { graph: buildStructGraph(spec), enums: enumsByValues(schemas) };
  const names = Object.keys(schemas).sort();
  const decls = names.map((name) => emitStruct(name, schemas[name] as JsonSchema, ctx));
  return (
    generatedHeader(spec.info.version, `Engine structs: ${names.length} types.`) + decls.join('\n')
  );
}
