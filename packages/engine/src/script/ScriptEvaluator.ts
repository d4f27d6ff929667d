import type { ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import { compileExpression } from '../expression/compileExpression.js';
import { parseExpression } from '../expression/parseExpression.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import { expandScriptText, expandVariable } from './expandScriptText.js';
import { LoadContext } from './LoadContext.js';
import type { RawStatement } from './RawStatement.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptVariables } from './ScriptVariables.js';
import type { StatementErrors } from './StatementErrors.js';

const NO_FIELDS = new Map<string, number>();

/** Dollar expansion and expressions outside any LOAD (LET, IF, FOR bounds, CALL arguments). */
export class ScriptEvaluator {
  constructor(
    private readonly variables: ScriptVariables,
    private readonly functions: ReadonlyMap<string, ScalarFunction>,
    private readonly errors: StatementErrors,
  ) {}

  /** Expands `$(...)` in a statement's text. */
  expand(raw: RawStatement): string {
    try {
      return expandScriptText(raw.text, (content) => this.resolveDollar(content, raw));
    } catch (cause) {
      // Expansion works on the statement as written, so its offsets are exact.
      if (cause instanceof ScriptFault) {
        throw this.errors.at(cause.code, cause.message, raw, cause.offset ?? 0, cause);
      }
      throw this.errors.wrap(cause, raw);
    }
  }

  /** `$(name)`, `$(name(a, b))` with `$1`, `$2` in the variable, or `$(=expression)`. */
  private resolveDollar(content: string, raw: RawStatement): string {
    if (content.startsWith('='))
      return toText(this.evaluate(parseExpression(content.slice(1)), raw));
    return expandVariable(content, (name) => this.variables.texts.get(name) ?? '');
  }

  /** Evaluates an expression outside any LOAD; failures become errors at `raw`. */
  evaluate(expr: Expr, raw: RawStatement): Value {
    const ctx = new LoadContext(NO_FIELDS, this.functions, this.variables.format, (name) =>
      this.variables.value(name),
    );
    try {
      return compileExpression(expr)(ctx);
    } catch (cause) {
      throw this.errors.wrap(cause, raw);
    }
  }

  /** Expands and evaluates a condition or bound written as raw text. */
  evaluateRaw(raw: RawStatement): Value {
    const text = this.expand(raw);
    const cursor = this.errors.cursorFor(text, raw);
    const expr = cursor.readExpression();
    cursor.expectEnd();
    return this.evaluate(expr, raw);
  }

  /** A FOR bound or STEP as a number. */
  numberOf(raw: RawStatement): number {
    return toNumber(this.evaluateRaw(raw));
  }
}
