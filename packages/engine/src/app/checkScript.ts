import { buildProgram } from '../script/buildProgram.js';
import { parseStatement } from '../script/parseStatement.js';
import { ScriptError } from '../script/ScriptError.js';
import type { Block } from '../script/ScriptNode.js';
import { SourceMap } from '../script/SourceMap.js';
import { splitStatements } from '../script/splitStatements.js';
import { StatementCursor } from '../script/StatementCursor.js';

import type { ScriptSyntaxError } from '@qlikit/qix';

/**
 * Syntax errors of a load script, found without running it: the block
 * structure (IF/FOR/SUB ...) and every statement that has no `$(...)`
 * expansion (those can only be parsed once the script runs). Each error is a
 * ScriptSyntaxError as CheckScriptSyntax answers.
 */
export function checkScript(script: string): ScriptSyntaxError[] {
  const sourceMap = new SourceMap(script);
  const errors: ScriptSyntaxError[] = [];
  try {
    const program = buildProgram(splitStatements(script, sourceMap), sourceMap);
    visit(program, (text, start) => {
      if (text.includes('$(')) return;
      try {
        const cursor = new StatementCursor(
          text,
          (offset, code, message, cause) =>
            new ScriptError(code, message, sourceMap.positionOf(start + offset), { cause }),
        );
        parseStatement(cursor);
      } catch (error) {
        errors.push(syntaxError(error, start, text.length));
      }
    });
  } catch (error) {
    errors.push(syntaxError(error, 0, 0));
  }
  return errors;
}

function visit(block: Block, onStatement: (text: string, start: number) => void): void {
  for (const node of block) {
    switch (node.kind) {
      case 'statement':
        onStatement(node.raw.text, node.raw.start);
        break;
      case 'if':
        for (const branch of node.branches) visit(branch.body, onStatement);
        if (node.otherwise) visit(node.otherwise, onStatement);
        break;
      case 'switch':
        for (const branch of node.cases) visit(branch.body, onStatement);
        if (node.otherwise) visit(node.otherwise, onStatement);
        break;
      case 'for':
      case 'forEach':
      case 'do':
      case 'sub':
        visit(node.body, onStatement);
        break;
    }
  }
}

function syntaxError(error: unknown, start: number, length: number): ScriptSyntaxError {
  if (!(error instanceof ScriptError)) throw error;
  return {
    qErrLen: Math.max(1, length),
    qTabIx: 0,
    qLineInTab: error.line - 1,
    qColInLine: error.column - 1,
    qTextPos: start,
    qSecondaryFailure: false,
  };
}
