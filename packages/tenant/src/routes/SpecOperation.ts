/** One REST operation of the specs, as the tenant routes it. */
export interface SpecOperation {
  /** The spec file it comes from: `apps`, `data-files`, ... */
  readonly service: string;
  /** The operation's name, as `@qlikit/rest` names its function (`createApp`, `listItems`). */
  readonly id: string;
  /** The spec's operationId (`items#listItems`), or the name when the spec has none. */
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** The OpenAPI path template: `/api/v1/apps/{appId}`. */
  readonly path: string;
  /** `tier1`, `tier2` or `special`. */
  readonly tier: string;
  /** Requests per minute per user, from `x-qlik-tier`. */
  readonly limit: number;
  /** How the request body is sent, when there is one. */
  readonly body?: 'json' | 'binary' | 'multipart' | 'form' | 'text';
  /** How the answer is read. */
  readonly response: 'json' | 'binary' | 'text' | 'empty';
  /** The success status the spec gives (its first 2xx). */
  readonly status: number;
}
