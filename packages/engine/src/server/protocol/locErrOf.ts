import type { NxLocalizedErrorCode } from '@qlikit/qix';
import type { AggregateErrorCode } from '../../aggregate/AggregateError.js';
import type { EngineError } from '../../errors/EngineError.js';
import type { ExpressionErrorCode } from '../../expression/ExpressionError.js';
import { LOCERR_NUMBERS } from '../../generated/locErr.js';
import type { DataFileErrorCode } from '../../io/DataFileError.js';
import type { ModelErrorCode } from '../../model/ModelError.js';
import type { ParallelErrorCode } from '../../parallel/ParallelError.js';
import type { ScriptErrorCode } from '../../script/ScriptError.js';
import type { SelectionErrorCode } from '../../selection/SelectionError.js';

/** The codes of the layers' errors that are not LOCERR names themselves. */
type LayerErrorCode =
  | AggregateErrorCode
  | DataFileErrorCode
  | ExpressionErrorCode
  | ModelErrorCode
  | ParallelErrorCode
  | ScriptErrorCode
  | SelectionErrorCode;

/**
 * The one map from the engine's error codes to the LOCERR a client gets.
 * Codes that are LOCERR names (LocError, HyperCubeError) answer as
 * themselves; the layers' own codes map here, checked complete by the
 * compiler.
 */
const LAYER_LOCERR: Readonly<Record<LayerErrorCode, NxLocalizedErrorCode>> = {
  // aggregate/
  UNKNOWN_FIELD: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  UNKNOWN_FUNCTION: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  BAD_ARGUMENTS: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  NESTED_AGGREGATION: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  UNKNOWN_BOOKMARK: 'LOCERR_GENERIC_NOT_FOUND',
  UNKNOWN_STATE: 'LOCERR_GENERIC_NOT_FOUND',
  NO_JOIN_PATH: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  // io/
  SCRIPT_FILE_NOT_FOUND: 'LOCERR_FILE_NOT_FOUND',
  SCRIPT_PATH_OUTSIDE_DATA_DIR: 'LOCERR_FILE_ACCESS_DENIED',
  SCRIPT_FILE_FORMAT: 'LOCERR_FILE_FORMAT_UNSUPPORTED',
  SCRIPT_FILE_WRITE: 'LOCERR_FILE_ACCESS_DENIED',
  // expression/
  EXPRESSION_SYNTAX: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  EXPRESSION_UNKNOWN_FUNCTION: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  EXPRESSION_FUNCTION_NOT_IMPLEMENTED: 'LOCERR_GENERIC_NOT_IMPLEMENTED',
  EXPRESSION_UNKNOWN_FIELD: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  EXPRESSION_BAD_ARGUMENTS: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  EXPRESSION_AGGREGATION_NOT_ALLOWED: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  EXPRESSION_DOLLAR_EXPANSION: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  // model/
  FIELD_NOT_FOUND: 'LOCERR_GENERIC_NOT_FOUND',
  TABLE_NOT_FOUND: 'LOCERR_GENERIC_NOT_FOUND',
  DUPLICATE_TABLE: 'LOCERR_GENERIC_ALREADY_EXISTS',
  DUPLICATE_FIELD_IN_TABLE: 'LOCERR_GENERIC_ALREADY_EXISTS',
  INVALID_TABLE: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  // parallel/
  WORKER_FAILED: 'LOCERR_GENERIC_INTERNAL_ERROR',
  WORKER_EXITED: 'LOCERR_GENERIC_INTERNAL_ERROR',
  WORKER_TIMEOUT: 'LOCERR_CALC_TIMEOUT',
  BAD_THREADS: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  // script/
  SCRIPT_SYNTAX: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  SCRIPT_RUNTIME: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  SCRIPT_ABORTED: 'LOCERR_GENERIC_ABORTED',
  SCRIPT_TABLE_NOT_FOUND: 'LOCERR_GENERIC_NOT_FOUND',
  SCRIPT_FIELD_NOT_FOUND: 'LOCERR_GENERIC_NOT_FOUND',
  SCRIPT_NOT_SUPPORTED: 'LOCERR_GENERIC_NOT_IMPLEMENTED',
  SCRIPT_CONNECTION_NOT_FOUND: 'LOCERR_RELOAD_LIB_CONNECTION_X_NOT_FOUND',
  SCRIPT_CONNECTION_FAILED: 'LOCERR_RELOAD_CUSTOM_CONNECT_FAILED',
  SCRIPT_SQL_ERROR: 'LOCERR_RELOAD_CUSTOM_READ_FAILED',
  // selection/
  STATE_EXISTS: 'LOCERR_GENERIC_ALREADY_EXISTS',
  INVALID_STATE_NAME: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  STATE_NOT_FOUND: 'LOCERR_GENERIC_NOT_FOUND',
  DEFAULT_STATE: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  INVALID_SEARCH: 'LOCERR_GENERIC_INVALID_PARAMETERS',
  SEARCH_NEEDS_EVALUATOR: 'LOCERR_GENERIC_INTERNAL_ERROR',
  INVALID_SNAPSHOT: 'LOCERR_GENERIC_CORRUPT_DATA',
  INVALID_SYMBOL: 'LOCERR_GENERIC_INVALID_PARAMETERS',
};

/** The LOCERR number for an engine error's code, or undefined for a code nobody mapped (a bug). */
export function locErrOf(error: EngineError): number | undefined {
  const code = error.code;
  if (Object.hasOwn(LOCERR_NUMBERS, code)) return LOCERR_NUMBERS[code as NxLocalizedErrorCode];
  if (Object.hasOwn(LAYER_LOCERR, code))
    return LOCERR_NUMBERS[LAYER_LOCERR[code as LayerErrorCode]];
  return undefined;
}
