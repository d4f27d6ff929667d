/**
 * The engine schema in enigma.js's JSON format. `@qlikit/qix` uses the same
 * shape internally so that `@qlikit/qix/enigma` accepts the schema files that
 * enigma.js programs already pass to `create()`.
 */

/** One input parameter of an engine method. */
export interface QixSchemaInParam {
  readonly Name: string;
  readonly DefaultValue?: unknown;
  readonly Optional?: boolean;
}

/** One output parameter (a key of the JSON-RPC result) of an engine method. */
export interface QixSchemaOutParam {
  readonly Name: string;
}

/** The parameters of one engine method. */
export interface QixSchemaMethod {
  readonly In: readonly QixSchemaInParam[];
  readonly Out: readonly QixSchemaOutParam[];
}

/** Engine classes (Global, Doc, GenericObject, ...) mapped to their methods by wire name (PascalCase). */
export interface QixSchema {
  readonly structs: Readonly<Record<string, Readonly<Record<string, QixSchemaMethod>>>>;
  readonly enums?: Readonly<Record<string, unknown>>;
  readonly version?: string;
}
