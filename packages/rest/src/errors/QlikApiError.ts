import { QlikError } from './QlikError.js';

/** One entry of the `errors` array Qlik Cloud answers with. */
export interface QlikErrorDetail {
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly status?: string | number;
  readonly meta?: unknown;
}

/** What a `QlikApiError` is built from. */
export interface QlikApiErrorInit {
  readonly status: number;
  readonly statusText: string;
  readonly method: string;
  /** URL of the request; it never holds credentials, the client sends those in headers. */
  readonly url: string;
  readonly errors: readonly QlikErrorDetail[];
  readonly traceId?: string;
  readonly headers: Headers;
  /** The raw response body (parsed JSON when it was JSON, text otherwise). */
  readonly body: unknown;
}

/** The server answered with an error status; every field of Qlik's error body is kept. */
export class QlikApiError extends QlikError {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly QlikErrorDetail[];
  readonly traceId: string | undefined;
  readonly method: string;
  readonly url: string;
  /** Response headers, e.g. to read `Retry-After`. */
  readonly headers: Headers;

  constructor(init: QlikApiErrorInit) {
    const first = init.errors[0];
    const code = first?.code || `HTTP-${init.status}`;
    const title = first?.title ?? (init.statusText || `HTTP ${init.status}`);
    const detail = first?.detail;
    const more = init.errors.length > 1 ? ` (+${init.errors.length - 1} more)` : '';
    super(
      code,
      `${init.method} ${init.url} → ${init.status} ${code}: ${title}${detail ? ` — ${detail}` : ''}${more}`,
      { cause: init.body },
    );
    this.status = init.status;
    this.title = title;
    this.detail = detail;
    this.errors = init.errors;
    this.traceId = init.traceId;
    this.method = init.method;
    this.url = init.url;
    this.headers = init.headers;
  }
}
