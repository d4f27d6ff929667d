/** JSON-RPC 2.0's own error numbers. */
export const JsonRpcErr = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
} as const;

/** The `error` member of a JSON-RPC answer, as QIX writes it. */
export interface RpcErrorBody {
  readonly code: number;
  readonly parameter: string;
  readonly message: string;
}

/**
 * An error as the client gets it: a JSON-RPC number (JSON-RPC's own for bad
 * frames, a LOCERR number otherwise), the parameter it concerns and the message.
 */
export class RpcError extends Error {
  override readonly name = 'RpcError';

  /** Creates the error answered with `code`. */
  constructor(
    readonly code: number,
    message: string,
    readonly parameter = '',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The `error` member of the JSON-RPC response. */
  toJSON(): RpcErrorBody {
    return { code: this.code, parameter: this.parameter, message: this.message };
  }
}
