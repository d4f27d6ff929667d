import { EngineError } from '../errors/EngineError.js';
/** Machine-readable reasons an expression cannot be parsed or evaluated. */
export type ExpressionErrorCode =
  | 'EXPRESSION_SYNTAX'
  | 'EXPRESSION_UNKNOWN_FUNCTION'
  | 'EXPRESSION_FUNCTION_NOT_IMPLEMENTED'
  | 'EXPRESSION_UNKNOWN_FIELD'
  | 'EXPRESSION_BAD_ARGUMENTS'
  | 'EXPRESSION_AGGREGATION_NOT_ALLOWED'
  | 'EXPRESSION_DOLLAR_EXPANSION';

/** Where in the source an error was found; line and column are 1-based. */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** An expression that cannot be parsed or evaluated, with the reason as a `code`. */
export class ExpressionError extends EngineError<ExpressionErrorCode> {
  override readonly name = 'ExpressionError';

  /** The message without its position, for re-locating an error found in a part of a larger text. */
  readonly detail: string;

  constructor(
    code: ExpressionErrorCode,
    message: string,
    readonly position?: SourcePosition,
    options?: { cause?: unknown },
  ) {
    super(
      code,
      position ? `${message} (line ${position.line}, column ${position.column})` : message,
      options,
    );
    this.detail = message;
  }

  /** 1-based line of the error, when it came from a source text. */
  get line(): number | undefined {
    return this.position?.line;
  }

  /** 1-based column of the error, when it came from a source text. */
  get column(): number | undefined {
    return this.position?.column;
  }
}
