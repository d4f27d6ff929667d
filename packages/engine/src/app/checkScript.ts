import { checkScriptSyntax } from '../script/checkScriptSyntax.js';
import type { ScriptError } from '../script/ScriptError.js';
import type { ScriptSyntaxError } from '@qlikit/qix';

/**
 * Syntax errors of a load script as CheckScriptSyntax answers them
 * (ScriptSyntaxError): found without running it, `$(...)` expanded where the
 * variables are known and `$(Include=...)` followed into `dataDir`.
 */
export async function checkScript(script: string, dataDir?: string): Promise<ScriptSyntaxError[]> {
  const errors = await checkScriptSyntax(script, { dataDir });
  return errors.map((error) => syntaxError(error, script));
}

function syntaxError(error: ScriptError, script: string): ScriptSyntaxError {
  const lineStart = offsetOfLine(script, error.line);
  const textPos = lineStart + error.column - 1;
  const lineEnd = script.indexOf('\n', textPos);
  return {
    qErrLen: Math.max(1, (lineEnd < 0 ? script.length : lineEnd) - textPos),
    qTabIx: 0,
    qLineInTab: error.line - 1,
    qColInLine: error.column - 1,
    qTextPos: textPos,
    qSecondaryFailure: false,
  };
}

function offsetOfLine(script: string, line: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = script.indexOf('\n', offset);
    if (next < 0) return script.length;
    offset = next + 1;
  }
  return offset;
}
