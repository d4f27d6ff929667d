import type { Schema } from './OpenApi.js';
import { parseRef, type RefResolver } from './RefResolver.js';
import { propertyKey } from './identifiers.js';
import { tsdoc } from './tsdoc.js';

/** The TS type of a file part in upload bodies, from the client core. */
export const FILE_TYPE = 'FileInput | NamedFile';

/** Turns JSON Schemas of one spec file into TypeScript type text. */
export class SchemaTypeWriter {
  readonly #resolver: RefResolver;
  readonly #fileName: string;
  readonly #schemaNames: ReadonlyMap<string, string>;
  /** Set once a type refers to the core's upload types, so the module imports them. */
  usesFileInput = false;

  /** `schemaNames` maps a component schema name of this file to its TS name. */
  constructor(resolver: RefResolver, fileName: string, schemaNames: ReadonlyMap<string, string>) {
    this.#resolver = resolver;
    this.#fileName = fileName;
    this.#schemaNames = schemaNames;
  }

  /** True when the schema is best written as an `interface` (a plain object with properties). */
  isInterface(schema: Schema): boolean {
    return (
      schema.$ref === undefined &&
      !schema.allOf &&
      !schema.oneOf &&
      !schema.anyOf &&
      !schema.enum &&
      !isNullable(schema) &&
      (schema.type === 'object' || schema.type === undefined) &&
      schema.properties !== undefined &&
      Object.keys(schema.properties).length > 0
    );
  }

  /** The body of an interface for an object schema: its members, one per line. */
  members(schema: Schema, indent: string): string {
    return this.#objectMembers(schema, indent, []);
  }

  /** The TS type text of a schema; nested objects are indented from `indent`. */
  typeOf(schema: Schema | undefined, indent = '', seen: readonly string[] = []): string {
    if (schema === undefined) return 'unknown';
    const base = this.#baseType(schema, indent, seen);
    return isNullable(schema) && base !== 'unknown' && base !== 'null' ? `${base} | null` : base;
  }

  #baseType(schema: Schema, indent: string, seen: readonly string[]): string {
    if (schema.$ref !== undefined) return this.#refType(schema.$ref, indent, seen);
    if (schema.const !== undefined) return literal(schema.const);
    if (schema.enum && schema.enum.length > 0) return unique(schema.enum.map(literal)).join(' | ');
    if (schema.allOf && schema.allOf.length > 0) return this.#allOfType(schema, indent, seen);
    const choices = schema.oneOf ?? schema.anyOf;
    if (choices && choices.length > 0) {
      return unique(choices.map((choice) => this.#choiceType(schema, choice, indent, seen))).join(
        ' | ',
      );
    }
    if (Array.isArray(schema.type)) {
      return unique(
        schema.type.map((type) => this.#typeOfName(type, { ...schema, type }, indent, seen)),
      ).join(' | ');
    }
    return this.#typeOfName(schema.type as string | undefined, schema, indent, seen);
  }

  /** One branch of a oneOf/anyOf; Qlik writes string enums as branches `{ title, x-qlik-const }`. */
  #choiceType(parent: Schema, choice: Schema, indent: string, seen: readonly string[]): string {
    if (
      choice['x-qlik-const'] !== undefined &&
      typeof choice.title === 'string' &&
      !choice.type &&
      !choice.$ref
    ) {
      return parent.type === 'integer' || parent.type === 'number'
        ? literal(choice['x-qlik-const'])
        : literal(choice.title);
    }
    const type = this.typeOf(choice, indent, seen);
    if (type === 'unknown' && parent.type !== undefined) {
      return this.#typeOfName(
        String(parent.type),
        { ...parent, oneOf: undefined, anyOf: undefined },
        indent,
        seen,
      );
    }
    return type;
  }

  #typeOfName(
    type: string | undefined,
    schema: Schema,
    indent: string,
    seen: readonly string[],
  ): string {
    switch (type) {
      case 'string':
        if (schema.format === 'binary') {
          this.usesFileInput = true;
          return FILE_TYPE;
        }
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array':
        return arrayOf(this.typeOf(schema.items, indent, seen));
      case 'object':
        return this.#objectType(schema, indent, seen);
      default:
        if (schema.properties || schema.additionalProperties !== undefined)
          return this.#objectType(schema, indent, seen);
        if (schema.items) return arrayOf(this.typeOf(schema.items, indent, seen));
        return 'unknown';
    }
  }

  #refType(ref: string, indent: string, seen: readonly string[]): string {
    const target = parseRef(ref);
    const local = target.fileName === '' || target.fileName === this.#fileName;
    const [section, kind, name] = target.pointer;
    if (local && section === 'components' && kind === 'schemas' && target.pointer.length === 3) {
      return this.#schemaNames.get(name) ?? 'unknown';
    }
    // A schema in another spec file is written inline: each module stands alone for tree-shaking.
    if (seen.includes(ref)) return 'unknown';
    const { value } = this.#resolver.deref(this.#fileName, { $ref: ref } as Schema);
    return this.typeOf(value, indent, [...seen, ref]);
  }

  #allOfType(schema: Schema, indent: string, seen: readonly string[]): string {
    const parts = (schema.allOf ?? []).map((part) => this.typeOf(part, indent, seen));
    if (schema.properties)
      parts.push(this.#objectType({ ...schema, allOf: undefined }, indent, seen));
    return unique(parts)
      .map((part) => (part.includes(' | ') ? `(${part})` : part))
      .join(' & ');
  }

  #objectType(schema: Schema, indent: string, seen: readonly string[]): string {
    const properties = schema.properties ?? {};
    const extra = schema.additionalProperties;
    if (Object.keys(properties).length === 0) {
      if (extra === false) return 'Record<string, never>';
      if (extra === undefined || extra === true) return 'Record<string, unknown>';
      return `Record<string, ${this.typeOf(extra, indent, seen)}>`;
    }
    return `{\n${this.#objectMembers(schema, `${indent}  `, seen)}${indent}}`;
  }

  #objectMembers(schema: Schema, indent: string, seen: readonly string[]): string {
    const required = new Set(schema.required ?? []);
    let text = '';
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      text += tsdoc(describe(property), indent);
      const optional = required.has(name) ? '' : '?';
      text += `${indent}${propertyKey(name)}${optional}: ${this.typeOf(property, indent, seen)};\n`;
    }
    const extra = schema.additionalProperties;
    if (extra !== undefined && extra !== false) {
      // Declared properties must fit the index signature, so it stays `unknown` beside them.
      text += `${indent}[key: string]: unknown;\n`;
    }
    return text;
  }
}

/** TSDoc lines for a schema or parameter: its description, and `@deprecated` when it is. */
export function describe(schema: {
  readonly description?: string;
  readonly title?: string;
  readonly deprecated?: boolean;
}): string[] {
  const lines = [schema.description ?? schema.title ?? ''];
  if (schema.deprecated) lines.push('@deprecated');
  return lines;
}

function isNullable(schema: Schema): boolean {
  return schema.nullable === true || schema['x-nullable'] === true;
}

function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return JSON.stringify(value);
  return 'unknown';
}

function arrayOf(type: string): string {
  return /^[A-Za-z0-9_$.]+$/.test(type) ? `${type}[]` : `Array<${type}>`;
}

function unique(types: readonly string[]): string[] {
  return [...new Set(types)];
}
