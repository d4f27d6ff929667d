/**
 * A LOAD names a field its source does not have, or names one field twice.
 * `offset` is where in the statement's text the offending name starts, when known.
 */
export class LoadFieldError extends Error {
  override readonly name = 'LoadFieldError';

  constructor(
    readonly code: 'SCRIPT_FIELD_NOT_FOUND' | 'SCRIPT_SYNTAX',
    message: string,
    readonly offset?: number,
  ) {
    super(message);
  }
}
