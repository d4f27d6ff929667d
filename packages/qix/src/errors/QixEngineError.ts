/** The `error` member of a JSON-RPC response. */
export interface EngineErrorPayload {
  readonly code: number;
  readonly message: string;
  readonly parameter?: string;
}

/** An error the engine answered with; `code` is the engine's (e.g. 2 not found, 15 aborted). */
export class QixEngineError extends Error {
  override readonly name = 'QixEngineError';
  readonly code: number;
  readonly parameter: string | undefined;

  constructor(payload: EngineErrorPayload, cause?: unknown) {
    super(payload.message, cause === undefined ? undefined : { cause });
    this.code = payload.code;
    this.parameter = payload.parameter;
  }
}
