import { buildProgram } from './buildProgram.js';
import type { RawStatement } from './RawStatement.js';
import { ScriptError } from './ScriptError.js';
import type { Block } from './ScriptNode.js';
import { SourceMap } from './SourceMap.js';
import { splitStatements } from './splitStatements.js';
import type { StatementErrors } from './StatementErrors.js';

/**
 * The program of an included file's script text, its statements marked as
 * the file's so that their errors name the file and the line in it while
 * pointing at the include statement `at` in the script as written.
 */
export function includedProgram(
  text: string,
  path: string,
  at: RawStatement,
  errors: StatementErrors,
): Block {
  const sourceMap = new SourceMap(text);
  const included = { path, sourceMap, at };
  try {
    return buildProgram(
      splitStatements(text, sourceMap).map((raw) => ({ ...raw, included })),
      sourceMap,
    );
  } catch (cause) {
    if (!(cause instanceof ScriptError)) throw cause;
    throw errors.at(cause.code, `${path}: ${cause.message}`, at, 0, cause);
  }
}
