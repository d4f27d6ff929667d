/** The parts of an OpenAPI 3.0 document the generator reads. */

/** A JSON Schema as OpenAPI 3.0 writes it. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly description?: string;
  readonly title?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly nullable?: boolean;
  readonly 'x-nullable'?: boolean;
  readonly deprecated?: boolean;
  readonly readOnly?: boolean;
  /** Qlik's numeric code of a string enum member written as a `oneOf` branch. */
  readonly 'x-qlik-const'?: number;
}

/** One parameter of an operation. */
export interface Parameter {
  readonly $ref?: string;
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly schema?: Schema;
}

/** One media type of a request or response body. */
export interface MediaType {
  readonly schema?: Schema;
}

/** A request body. */
export interface RequestBody {
  readonly $ref?: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly content?: Readonly<Record<string, MediaType>>;
}

/** One response of an operation. */
export interface Response {
  readonly $ref?: string;
  readonly description?: string;
  readonly content?: Readonly<Record<string, MediaType>>;
  readonly headers?: Readonly<Record<string, unknown>>;
}

/** An operation under a path. */
export interface OperationObject {
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: RequestBody;
  readonly responses?: Readonly<Record<string, Response>>;
  readonly 'x-qlik-tier'?: { readonly tier: string | number; readonly limit: number };
}

/** The HTTP methods an OpenAPI path item can hold, lower-case as in the document. */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/** A lower-case HTTP method key of a path item. */
export type HttpMethodKey = (typeof HTTP_METHODS)[number];

/** A path item: operations by method, plus parameters shared by them. */
export type PathItem = { readonly parameters?: readonly Parameter[] } & {
  readonly [method in HttpMethodKey]?: OperationObject;
};

/** A whole OpenAPI document. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info?: {
    readonly title?: string;
    readonly description?: string;
    readonly version?: string;
  };
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly components?: {
    readonly schemas?: Readonly<Record<string, Schema>>;
    readonly parameters?: Readonly<Record<string, Parameter>>;
    readonly responses?: Readonly<Record<string, Response>>;
    readonly requestBodies?: Readonly<Record<string, RequestBody>>;
    readonly headers?: Readonly<Record<string, unknown>>;
  };
}
