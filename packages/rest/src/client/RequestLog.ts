/** One line of the request log: what was sent and how it went, never headers or bodies. */
export interface RequestLogEntry {
  readonly method: string;
  /** The request URL; credentials are sent in headers, so none appear here. */
  readonly url: string;
  /** HTTP status, absent when no answer came. */
  readonly status?: number;
  readonly ms: number;
  readonly attempt: number;
  /** Error code when the attempt failed without an answer. */
  readonly error?: string;
}

/** Where log entries go: `true` for one console line per request, or your own function. */
export type RequestLogOption = boolean | ((entry: RequestLogEntry) => void);

/** Turns the `log` option into a function, or undefined when logging is off. */
export function toLogger(
  option: RequestLogOption | undefined,
): ((entry: RequestLogEntry) => void) | undefined {
  if (!option) return undefined;
  if (typeof option === 'function') return option;
  return (entry) => {
    const outcome = entry.status ?? entry.error ?? '-';
    const retry = entry.attempt > 0 ? ` (retry ${entry.attempt})` : '';
    console.debug(`[qlikit/rest] ${entry.method} ${entry.url} ${outcome} ${entry.ms}ms${retry}`);
  };
}
