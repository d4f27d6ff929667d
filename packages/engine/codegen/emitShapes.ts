import { describedChoices, enumsByValues } from '../../qix/codegen/describedChoices.js';
import { enumLiterals } from '../../qix/codegen/enumLiterals.js';
import type { EngineModel } from '../../qix/codegen/methodModel.js';
import type { EngineSpec, JsonSchema } from '../../qix/codegen/OpenRpcSpec.js';
import { refName } from '../../qix/codegen/refName.js';
import { buildStructGraph } from '../../qix/codegen/structGraph.js';
import { engineHeader } from './engineHeader.js';

type Schemas = Readonly<Record<string, JsonSchema>>;

/**
 * The shape code of a param or property, as `src/server/dispatch/checkShape.ts`
 * reads it: `s` string, `i` integer, `n` number, `b` boolean, `o` free object,
 * `*` anything, `[` + code an array, `S` + name a struct, `E` + name an enum,
 * `L` + `a|b|c` one of the listed strings. It follows the TypeScript types the
 * handlers get (`tsTypeOfDescribed`), so a checked value is what its type says.
 */
export function shapeOf(
  schema: JsonSchema,
  description: string | undefined,
  schemas: Schemas,
  enums: ReadonlyMap<string, string>,
): string {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const target = schemas[name];
    if (!target) return '*';
    if (target.oneOf) return `E${name}`;
    if (target.type === 'array')
      return `[${target.items ? shapeOf(target.items, undefined, schemas, enums) : '*'}`;
    if (target.type === 'string') return 's';
    if (target.type === 'object' && !target.properties && !target.additionalProperties) return 'o';
    return `S${name}`;
  }
  switch (schema.type) {
    case 'string': {
      const values = describedChoices(description);
      if (!values) return 's';
      const named = enums.get([...values].sort().join('|'));
      return named ? `E${named}` : `L${values.join('|')}`;
    }
    case 'integer':
      return 'i';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'array':
      return `[${schema.items ? shapeOf(schema.items, undefined, schemas, enums) : '*'}`;
    case 'object':
      return 'o';
    default:
      return '*';
  }
}

function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** The text of `src/generated/shapes.ts`: what every param and every struct a client sends must look like. */
export function emitShapes(spec: EngineSpec, model: EngineModel): string {
  const schemas = spec.rpc.components.schemas;
  const enums = enumsByValues(schemas);
  const sent = buildStructGraph(spec.rpc).sent;
  const params: string[] = [];
  for (const [className, methods] of model.classes) {
    const entries = methods.map((method) => {
      const rpc = spec.rpc.methods.find((m) => m.name === `${className}.${method.wireName}`);
      const codes = (rpc?.params ?? []).map((p) =>
        shapeOf(p.schema, p.description, schemas, enums),
      );
      return `    ${method.wireName}: ${literal(codes)},\n`;
    });
    params.push(`  ${className}: {\n${entries.join('')}  },\n`);
  }
  const structs: string[] = [];
  const enumValues: string[] = [];
  // Every enum: plain strings whose description lists an enum's values take it too.
  const names = [...new Set([...sent, ...Object.keys(schemas).filter((n) => schemas[n]?.oneOf)])];
  for (const name of names.sort()) {
    const schema = schemas[name];
    if (!schema) continue;
    if (schema.oneOf) {
      const consts = schema.oneOf.map((member) => [member['x-qlik-const'], member.title]);
      enumValues.push(
        `  ${name}: { values: ${literal(enumLiterals(schema.oneOf))}, consts: ${literal(Object.fromEntries(consts.filter(([c]) => typeof c === 'number')))} },\n`,
      );
      continue;
    }
    if (schema.type !== 'object' || !schema.properties) continue;
    const props = Object.entries(schema.properties).map(
      ([key, prop]) =>
        `${literal(key)}: ${literal(shapeOf(prop, prop.description, schemas, enums))}`,
    );
    const dynamic = (schema.additionalProperties?.anyOf ?? []).map(
      (dyn) => `${literal(dyn.name)}: ${literal(shapeOf(dyn.schema, undefined, schemas, enums))}`,
    );
    structs.push(
      `  ${name}: { props: { ${props.join(', ')} }${dynamic.length > 0 ? `, dynamic: { ${dynamic.join(', ')} }` : ''} },\n`,
    );
  }
  return (
    engineHeader(
      spec.rpc.info.version,
      'Shapes: what params and the structs clients send must look like.',
    ) +
    `/**\n * A value's shape: \`s\` string, \`i\` integer, \`n\` number, \`b\` boolean, \`o\` free object,\n` +
    ` * \`*\` anything, \`[\` + shape an array of it, \`S\` + name a struct, \`E\` + name an enum,\n` +
    ` * \`L\` + \`a|b|c\` one of the listed strings.\n */\nexport type Shape = string;\n\n` +
    `/** A struct: its properties' shapes, and the definitions (\`qHyperCubeDef\`, ...) it may hold at any depth. */\n` +
    `export interface StructShape {\n  readonly props: Readonly<Record<string, Shape>>;\n  readonly dynamic?: Readonly<Record<string, Shape>>;\n}\n\n` +
    `/** An enum: the names it takes (short and long) and its numbers, by the short name they stand for. */\n` +
    `export interface EnumShape {\n  readonly values: readonly string[];\n  readonly consts: Readonly<Record<string, string>>;\n}\n\n` +
    `/** The shapes of every method's In params, in order, by class and method. */\n` +
    `export const PARAM_SHAPES: Readonly<Record<string, Readonly<Record<string, readonly Shape[]>>>> = {\n${params.join('')}};\n\n` +
    `/** Every struct a client may send. */\n` +
    `export const STRUCT_SHAPES: Readonly<Record<string, StructShape>> = {\n${structs.join('')}};\n\n` +
    `/** Every enum a client may send. */\n` +
    `export const ENUM_SHAPES: Readonly<Record<string, EnumShape>> = {\n${enumValues.join('')}};\n`
  );
}
