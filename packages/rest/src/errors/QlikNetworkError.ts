import { QlikError } from './QlikError.js';

/** The request never got an HTTP answer: connection refused or reset, DNS failure, TLS failure. */
export class QlikNetworkError extends QlikError {
  override readonly code = 'NETWORK' as const;
  readonly method: string;
  readonly url: string;
  /** The system error code when the platform gives one, e.g. 'ECONNRESET'. */
  readonly systemCode: string | undefined;

  constructor(method: string, url: string, options?: { cause?: unknown }) {
    const systemCode = findSystemCode(options?.cause);
    super('NETWORK', `${method} ${url} failed: ${systemCode ?? describe(options?.cause)}`, options);
    this.method = method;
    this.url = url;
    this.systemCode = systemCode;
  }
}

// fetch wraps socket errors in a TypeError whose `cause` (sometimes nested) has the errno code.
function findSystemCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'network error';
}
