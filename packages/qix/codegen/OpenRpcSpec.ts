/**
 * The subset of OpenRPC and JSON Schema that the engine spec
 * (`engine-rpc.json`) uses. Only what the generator reads is typed.
 */

/** One `oneOf` member of an enum-like string schema. */
export interface EnumMember {
  readonly title: string;
  readonly description?: string;
  readonly 'x-qlik-const'?: number;
}

/** A named dynamic property listed in `additionalProperties.anyOf`. */
export interface DynamicProperty {
  readonly name: string;
  readonly type?: string;
  readonly schema: JsonSchema;
}

/** A JSON Schema node as the engine spec writes it. */
export interface JsonSchema {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly $ref?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly EnumMember[];
  readonly additionalProperties?: { readonly anyOf?: readonly DynamicProperty[] };
  readonly default?: unknown;
  readonly format?: string;
  readonly contentEncoding?: string;
  readonly 'x-qlik-deprecated'?: boolean;
}

/** One input parameter of a method. */
export interface OpenRpcParam {
  readonly name: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

/** One engine method, named `Class.Method`. */
export interface OpenRpcMethod {
  readonly name: string;
  readonly description?: string;
  readonly params: readonly OpenRpcParam[];
  readonly result: { readonly name: string; readonly schema: JsonSchema };
  readonly 'x-qlik-deprecated'?: boolean;
  readonly 'x-qlik-deprecation-description'?: string;
}

/** The whole engine spec. */
export interface OpenRpcSpec {
  readonly info: { readonly version: string };
  readonly methods: readonly OpenRpcMethod[];
  readonly components: { readonly schemas: Readonly<Record<string, JsonSchema>> };
}

/** `remote-object-return-types.json`: `Class.Method` → engine class of the returned object. */
export type RemoteObjectReturnTypes = Readonly<Record<string, string>>;

/** Both spec files, read and checked. */
export interface EngineSpec {
  readonly rpc: OpenRpcSpec;
  readonly remoteReturns: RemoteObjectReturnTypes;
}
