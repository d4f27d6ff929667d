import { EngineError } from '../errors/EngineError.js';
/** Machine-readable reasons a load script fails. */
export type ScriptErrorCode =
  | 'SCRIPT_SYNTAX'
  | 'SCRIPT_RUNTIME'
  | 'SCRIPT_ABORTED'
  | 'SCRIPT_TABLE_NOT_FOUND'
  | 'SCRIPT_FIELD_NOT_FOUND'
  | 'SCRIPT_FILE_NOT_FOUND'
  | 'SCRIPT_FILE_FORMAT'
  | 'SCRIPT_FILE_WRITE'
  | 'SCRIPT_PATH_OUTSIDE_DATA_DIR'
  /** No data connection has the name a LIB CONNECT TO gives. */
  | 'SCRIPT_CONNECTION_NOT_FOUND'
  /** The database of a data connection could not be reached or opened. */
  | 'SCRIPT_CONNECTION_FAILED'
  /** The database rejected a SQL statement. */
  | 'SCRIPT_SQL_ERROR'
  /** Valid Qlik script that this engine cannot run: "not supported: <what>". */
  | 'SCRIPT_NOT_SUPPORTED';

/** Where in the script something went wrong: 1-based line and column. */
export interface ScriptPosition {
  readonly line: number;
  readonly column: number;
}

/** A load script could not be parsed or run; `line` and `column` point into the script as written. */
export class ScriptError extends EngineError<ScriptErrorCode> {
  override readonly name = 'ScriptError';
  readonly line: number;
  readonly column: number;

  constructor(
    code: ScriptErrorCode,
    readonly detail: string,
    position: ScriptPosition,
    options?: { cause?: unknown },
  ) {
    super(code, `${detail} (line ${position.line}, column ${position.column})`, options);
    this.line = position.line;
    this.column = position.column;
  }
}
