import { EngineError } from '../errors/EngineError.js';

/** Machine-readable reasons a selection or set operation fails. */
export type SelectionErrorCode =
  | 'STATE_EXISTS'
  | 'INVALID_STATE_NAME'
  | 'STATE_NOT_FOUND'
  | 'DEFAULT_STATE'
  | 'INVALID_SEARCH'
  | 'SEARCH_NEEDS_EVALUATOR'
  | 'INVALID_SNAPSHOT'
  | 'INVALID_SYMBOL';

/** An error raised by a selection state, a search or a set evaluation. */
export class SelectionError extends EngineError<SelectionErrorCode> {
  override readonly name = 'SelectionError';
}
