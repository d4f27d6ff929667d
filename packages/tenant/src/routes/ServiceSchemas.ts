/** Fastify's request schemas of one operation. */
export interface RequestSchemas {
  readonly params?: Record<string, unknown>;
  readonly querystring?: Record<string, unknown>;
  readonly body?: Record<string, unknown>;
}

/** One service's request schemas, generated from its spec. */
export interface ServiceSchemas {
  /** The service name: the `$id` of the shared schema that holds `definitions`. */
  readonly id: string;
  /** The spec's component schemas that some request reaches, as JSON Schema. */
  readonly definitions: Record<string, unknown>;
  /** By operation id. */
  readonly requests: Record<string, RequestSchemas>;
}
