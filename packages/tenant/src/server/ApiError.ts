/** One entry of Qlik's error body. */
export interface ApiErrorEntry {
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly status: string;
}

/**
 * An error a route answers with: an HTTP status and Qlik's error body
 * (`{errors:[{code,title,detail,status}], traceId}`). Handlers throw it; the
 * error handler writes it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }

  /** The entry this error puts into the body. */
  toEntry(): ApiErrorEntry {
    const entry: { code: string; title: string; detail?: string; status: string } = {
      code: this.code,
      title: this.title,
      status: String(this.status),
    };
    if (this.detail !== undefined) entry.detail = this.detail;
    return entry;
  }

  /** 400 Bad Request. */
  static badRequest(detail: string, code = 'HTTP-400'): ApiError {
    return new ApiError(400, code, 'Bad Request', detail);
  }

  /** 401: no valid credentials. */
  static unauthorized(detail = 'Authentication is required'): ApiError {
    return new ApiError(401, 'HTTP-401', 'Unauthorized', detail);
  }

  /** 403: authenticated, but not allowed. */
  static forbidden(detail: string, code = 'HTTP-403'): ApiError {
    return new ApiError(403, code, 'Forbidden', detail);
  }

  /** 404 for a resource that does not exist or that the caller may not see. */
  static notFound(what: string, code = 'HTTP-404'): ApiError {
    return new ApiError(404, code, 'Not Found', what);
  }

  /** 409: the request conflicts with what is stored. */
  static conflict(detail: string, code = 'HTTP-409'): ApiError {
    return new ApiError(409, code, 'Conflict', detail);
  }

  /** 413: the body is larger than the tenant accepts. */
  static tooLarge(detail: string): ApiError {
    // The rest of the body is not read: closing the connection is cheaper than draining it.
    return new ApiError(413, 'HTTP-413', 'Payload Too Large', detail, { connection: 'close' });
  }

  /** 501: an operation of the specs that this tenant does not implement. */
  static notImplemented(operation: string): ApiError {
    return new ApiError(
      501,
      'HTTP-501',
      'Not Implemented',
      `${operation} is not implemented by the qlikit tenant`,
    );
  }
}
