import { EngineError } from '../errors/EngineError.js';

/** Machine-readable reasons an aggregation cannot be computed. */
export type AggregateErrorCode =
  | 'UNKNOWN_FIELD'
  | 'UNKNOWN_FUNCTION'
  | 'BAD_ARGUMENTS'
  | 'NESTED_AGGREGATION'
  | 'UNKNOWN_BOOKMARK'
  | 'UNKNOWN_STATE'
  | 'NO_JOIN_PATH';

/** An aggregation that cannot be computed, with the reason as a `code`. */
export class AggregateError extends EngineError<AggregateErrorCode> {
  override readonly name = 'AggregateError';
}
