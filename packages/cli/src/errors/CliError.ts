/** Exit codes: 0 ok, 1 the command failed, 2 the command line was wrong. */
export type ExitCode = 0 | 1 | 2;

/**
 * A failure the CLI explains itself: a machine-readable code, the message, what
 * to try next, and the exit code (1 by default, 2 for usage errors).
 */
export class CliError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;

  constructor(
    code: string,
    message: string,
    options: {
      readonly hint?: string;
      readonly exitCode?: ExitCode;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** A command line the CLI cannot run: exit code 2. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError('USAGE', message, { hint, exitCode: 2 });
}
