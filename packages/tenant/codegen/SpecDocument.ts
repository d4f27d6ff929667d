/** The parts of an OpenAPI 3.0 document the tenant's generator reads. */

/** A JSON Schema as OpenAPI 3.0 writes it (only the keys the generator looks at are typed). */
export interface SpecSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly nullable?: boolean;
  readonly readOnly?: boolean;
  readonly properties?: Readonly<Record<string, SpecSchema>>;
  readonly required?: readonly string[];
  readonly items?: SpecSchema;
  readonly additionalProperties?: boolean | SpecSchema;
  readonly oneOf?: readonly SpecSchema[];
  readonly anyOf?: readonly SpecSchema[];
  readonly allOf?: readonly SpecSchema[];
  readonly [key: string]: unknown;
}

/** One parameter of an operation. */
export interface SpecParameter {
  readonly $ref?: string;
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: SpecSchema;
}

/** An operation under a path. */
export interface SpecOperationObject {
  readonly parameters?: readonly SpecParameter[];
  readonly requestBody?: {
    readonly $ref?: string;
    readonly required?: boolean;
    readonly content?: Readonly<Record<string, { readonly schema?: SpecSchema }>>;
  };
}

/** A whole spec file. */
export interface SpecDocument {
  readonly paths: Readonly<
    Record<string, Readonly<Record<string, SpecOperationObject | readonly SpecParameter[]>>>
  >;
  readonly components?: {
    readonly schemas?: Readonly<Record<string, SpecSchema>>;
    readonly parameters?: Readonly<Record<string, SpecParameter>>;
    readonly requestBodies?: Readonly<Record<string, SpecOperationObject['requestBody']>>;
  };
}
