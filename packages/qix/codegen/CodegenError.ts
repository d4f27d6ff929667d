/** Machine-readable reasons the generator can stop. */
export type CodegenErrorCode =
  'SPEC_NOT_FOUND' | 'SPEC_INVALID' | 'UNSUPPORTED_SCHEMA' | 'ENCODING_CONFLICT';

/** An error of the code generator, with a machine-readable `code`. */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';

  /** Creates the error; `cause` keeps the underlying failure (a read or parse error). */
  constructor(
    readonly code: CodegenErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
