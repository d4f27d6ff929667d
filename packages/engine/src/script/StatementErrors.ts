import { ExpressionError } from '../expression/ExpressionError.js';
import { DataFileError } from '../io/DataFileError.js';
import { DataConnectionError } from '../io/sql/DataConnectionError.js';
import { ControlSignal } from './ControlSignal.js';
import type { RawStatement } from './RawStatement.js';
import { ScriptError, type ScriptErrorCode } from './ScriptError.js';
import { ScriptFault } from './ScriptFault.js';
import type { SourceMap } from './SourceMap.js';
import { StatementCursor } from './StatementCursor.js';

/** Turns failures inside a script's statements into ScriptErrors at their line and column. */
export class StatementErrors {
  /** Statements whose text had nothing to expand, so offsets into it are offsets into the script. */
  private readonly unexpanded = new WeakSet<RawStatement>();

  constructor(private readonly sourceMap: SourceMap) {}

  /** Notes that `raw` ran as written, so faults' offsets into its text are exact. */
  markUnexpanded(raw: RawStatement): void {
    this.unexpanded.add(raw);
  }

  /** A ScriptError at `offset` into the statement `at`. */
  at(
    code: ScriptErrorCode,
    message: string,
    at: RawStatement,
    offset = 0,
    cause?: unknown,
  ): ScriptError {
    // A statement of an included file: the file and the line in it go into
    // the message; the position is the include's, in the script as written.
    let text = message;
    let raw = at;
    let from = offset;
    while (raw.included) {
      const inner = raw.included.sourceMap.positionOf(raw.start + from);
      text = `${raw.included.path}: ${text} (line ${inner.line}, column ${inner.column})`;
      raw = raw.included.at;
      from = 0;
    }
    return new ScriptError(code, text, this.sourceMap.positionOf(raw.start + from), { cause });
  }

  /** Turns any failure inside a statement into a ScriptError at that statement. */
  wrap(cause: unknown, raw: RawStatement): unknown {
    if (cause instanceof ScriptError || cause instanceof ControlSignal) return cause;
    if (cause instanceof DataFileError || cause instanceof DataConnectionError)
      return this.at(cause.code, cause.message, raw, 0, cause);
    if (cause instanceof ScriptFault) {
      // The offset is into the expanded text: exact only when expansion changed nothing.
      const offset = cause.offset !== undefined && this.unexpanded.has(raw) ? cause.offset : 0;
      return this.at(cause.code, cause.message, raw, offset, cause);
    }
    if (cause instanceof ExpressionError) {
      const code =
        cause.code === 'EXPRESSION_UNKNOWN_FIELD' ? 'SCRIPT_FIELD_NOT_FOUND' : 'SCRIPT_RUNTIME';
      return this.at(code, cause.message, raw, 0, cause);
    }
    const message = cause instanceof Error ? cause.message : String(cause);
    return this.at('SCRIPT_RUNTIME', message, raw, 0, cause);
  }

  /** A cursor over a statement's expanded text whose errors point into the script. */
  cursorFor(text: string, raw: RawStatement): StatementCursor {
    const exact = text === raw.text;
    return new StatementCursor(text, (offset, code, message, cause) =>
      this.at(code, message, raw, exact ? offset : 0, cause),
    );
  }
}
