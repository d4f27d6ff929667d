import type { CallOptions, Operation } from '../core/Operation.js';
import type { QlikError } from '../errors/QlikError.js';
import type { EncodedBody } from './encodeRequestBody.js';

/** One prepared call: everything that stays the same from one attempt to the next. */
export interface PreparedCall {
  readonly operation: Operation;
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: EncodedBody | undefined;
  readonly options: CallOptions | undefined;
}

/** What one attempt ended in, when it did not end the call. */
export type AttemptOutcome =
  | { readonly done: true; readonly value: unknown }
  | {
      readonly done: false;
      readonly reason: 'retry' | 'rate-limited' | 'auth';
      readonly delayMs: number;
      readonly error?: QlikError;
    };

/** How often a call was tried, retried, slowed down by a 429 and recovered its auth so far. */
export interface Counters {
  attempt: number;
  retries: number;
  rateLimited: number;
  authRecovered: boolean;
}
