import { EngineError } from '../errors/EngineError.js';

/** Machine-readable reasons a data model operation fails. */
export type ModelErrorCode =
  | 'FIELD_NOT_FOUND'
  | 'TABLE_NOT_FOUND'
  | 'DUPLICATE_TABLE'
  | 'DUPLICATE_FIELD_IN_TABLE'
  | 'INVALID_TABLE'
  | 'NO_JOIN_PATH';

/** An error raised while building or querying a `DataModel`. */
export class ModelError extends EngineError<ModelErrorCode> {
  override readonly name = 'ModelError';
}
