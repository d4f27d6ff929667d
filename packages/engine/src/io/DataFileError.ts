import { EngineError } from '../errors/EngineError.js';
/** Machine-readable reasons a data file cannot be located, read or written. */
export type DataFileErrorCode =
  | 'SCRIPT_FILE_NOT_FOUND'
  | 'SCRIPT_PATH_OUTSIDE_DATA_DIR'
  | 'SCRIPT_FILE_FORMAT'
  | 'SCRIPT_FILE_WRITE';

/** A data file could not be located, read or written; `path` is the path as the script gave it. */
export class DataFileError extends EngineError<DataFileErrorCode> {
  override readonly name = 'DataFileError';

  constructor(
    code: DataFileErrorCode,
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
