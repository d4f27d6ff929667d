import { EngineError } from '../errors/EngineError.js';
import type { ScriptErrorCode } from './ScriptError.js';

/**
 * A failure found below the interpreter (in a LOAD, a script function, a
 * file spec or `$(...)` expansion). The interpreter turns it into a
 * `ScriptError` at its statement; `offset`, when known, points into the
 * statement's text.
 */
export class ScriptFault extends EngineError<ScriptErrorCode> {
  override readonly name = 'ScriptFault';

  constructor(
    code: ScriptErrorCode,
    message: string,
    readonly offset?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
