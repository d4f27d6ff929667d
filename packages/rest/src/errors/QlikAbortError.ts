import { QlikError } from './QlikError.js';

/** The caller aborted a call through its `signal`. */
export class QlikAbortError extends QlikError {
  override readonly code = 'ABORTED' as const;
  readonly method: string;
  readonly url: string;

  constructor(method: string, url: string, options?: { cause?: unknown }) {
    super('ABORTED', `${method} ${url} was aborted`, options);
    this.method = method;
    this.url = url;
  }
}
