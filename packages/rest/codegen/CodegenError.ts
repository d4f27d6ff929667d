/** Machine-readable reasons the generator stops. */
export type CodegenErrorCode =
  'SPECS_MISSING' | 'SPEC_INVALID' | 'REF_UNRESOLVED' | 'NAME_COLLISION';

/** An error raised while generating the REST services, with a `code` to branch on. */
export class CodegenError extends Error {
  readonly code: CodegenErrorCode;

  constructor(code: CodegenErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodegenError';
    this.code = code;
  }
}
