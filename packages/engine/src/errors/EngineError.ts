/** What an engine error may carry besides its code and message. */
export interface EngineErrorOptions {
  /** The parameter or name the error is about (a field name, a path, an argument). */
  readonly parameter?: string;
  readonly cause?: unknown;
}

/**
 * The base of every error the engine raises on purpose, in every layer: a
 * machine-readable `code`, the human message, the parameter it concerns and
 * the cause. The QIX server maps codes to LOCERR numbers in one place; any
 * other error that reaches it is a bug.
 */
export class EngineError<Code extends string = string> extends Error {
  override readonly name: string = 'EngineError';
  readonly parameter: string;

  /** Creates the error for `code` with a message for people. */
  constructor(
    readonly code: Code,
    message: string,
    options: EngineErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.parameter = options.parameter ?? '';
  }
}
