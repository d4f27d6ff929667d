/** Error numbers of the engine (NxLocalizedErrorCode) that this engine answers with. */
export const LocErr = {
  GENERIC_NOT_FOUND: 2,
  GENERIC_ALREADY_EXISTS: 3,
  GENERIC_INVALID_PATH: 4,
  GENERIC_ACCESS_DENIED: 5,
  GENERIC_INVALID_PARAMETERS: 8,
  GENERIC_EMPTY_PARAMETERS: 9,
  GENERIC_INTERNAL_ERROR: 10,
  GENERIC_CORRUPT_DATA: 11,
  GENERIC_ABORTED: 15,
  GENERIC_NOT_IMPLEMENTED: 20,
  APP_ALREADY_EXISTS: 1000,
  APP_INVALID_NAME: 1001,
  APP_ALREADY_OPEN: 1002,
  APP_NOT_FOUND: 1003,
  APP_NOT_OPEN: 1017,
  FILE_NOT_FOUND: 3003,
  HC_MODAL_OBJECT_ERROR: 6003,
  CALC_PAGES_TOO_LARGE: 7009,
  SCRIPT_RELOAD_IN_PROGRESS: 11000,
} as const;

/** JSON-RPC 2.0's own error numbers. */
export const JsonRpcErr = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
} as const;

/** An error answered to the client as a JSON-RPC `error` member `{ code, parameter, message }`. */
export class EngineError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly parameter = '',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EngineError';
  }

  /** The `error` member of the JSON-RPC response. */
  toJSON(): { code: number; parameter: string; message: string } {
    return { code: this.code, parameter: this.parameter, message: this.message };
  }
}
