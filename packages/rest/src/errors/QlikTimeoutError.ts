import { QlikError } from './QlikError.js';

/** A call took longer than its `timeout`. */
export class QlikTimeoutError extends QlikError {
  override readonly code = 'TIMEOUT' as const;
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;

  constructor(method: string, url: string, timeoutMs: number, options?: { cause?: unknown }) {
    super('TIMEOUT', `${method} ${url} timed out after ${timeoutMs} ms`, options);
    this.method = method;
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}
