import { readFile } from 'node:fs/promises';
import { resolveDataPath } from '../io/resolveDataPath.js';
import { buildProgram } from './buildProgram.js';
import { expandScriptText, expandVariable } from './expandScriptText.js';
import { parseStatement } from './parseStatement.js';
import type { RawStatement } from './RawStatement.js';
import { ScriptError } from './ScriptError.js';
import type { Block } from './ScriptNode.js';
import { SourceMap } from './SourceMap.js';
import { splitStatements } from './splitStatements.js';
import type { Statement } from './Statement.js';
import { StatementCursor } from './StatementCursor.js';

/** Where includes are read from, and variables known before the script starts. */
export interface SyntaxCheckOptions {
  /** The folder `$(Include=...)` paths resolve into; without it includes are not followed. */
  readonly dataDir?: string;
  readonly variables?: Readonly<Record<string, string>>;
}

/** Thrown inside expansion when a variable's value cannot be known before the script runs. */
class UnknownVariable extends Error {}

const INCLUDE = /^\$\(\s*(Must_)?Include\s*=\s*(.*?)\s*\)$/is;
const MAX_INCLUDE_DEPTH = 16;

/**
 * Syntax errors of a load script, found without running it: its block
 * structure, every statement and every control condition. Statements with
 * `$(...)` are checked as they expand when the variables they use are known
 * from earlier SET and LET statements (LET of a literal), and
 * `$(Include=file)` is followed into the file. Errors come in script order.
 */
export async function checkScriptSyntax(
  script: string,
  options: SyntaxCheckOptions = {},
): Promise<ScriptError[]> {
  const checker = new SyntaxChecker(options);
  await checker.checkScript(script, undefined, 0);
  return checker.errors;
}

class SyntaxChecker {
  readonly errors: ScriptError[] = [];
  /** Variable texts; undefined once a variable's value depends on the run. */
  private readonly known = new Map<string, string | undefined>();

  constructor(private readonly options: SyntaxCheckOptions) {
    for (const [name, value] of Object.entries(options.variables ?? {}))
      this.known.set(name, value);
  }

  /**
   * Checks a script; an included one (`at`, the include statement) reports
   * its errors at the include's position, naming the file.
   */
  async checkScript(
    script: string,
    at:
      | { readonly sourceMap: SourceMap; readonly raw: RawStatement; readonly path: string }
      | undefined,
    depth: number,
  ): Promise<void> {
    const sourceMap = new SourceMap(script);
    const report = (error: unknown): void => {
      if (!(error instanceof ScriptError)) throw error;
      if (!at) this.errors.push(error);
      else
        this.errors.push(
          new ScriptError(
            error.code,
            `${at.path}: ${error.message}`,
            at.sourceMap.positionOf(at.raw.start),
          ),
        );
    };
    let program: Block;
    try {
      program = buildProgram(splitStatements(script, sourceMap), sourceMap);
    } catch (error) {
      report(error);
      return;
    }
    await this.visit(program, sourceMap, report, depth);
  }

  private async visit(
    block: Block,
    sourceMap: SourceMap,
    report: (error: unknown) => void,
    depth: number,
  ): Promise<void> {
    for (const node of block) {
      switch (node.kind) {
        case 'statement':
          await this.checkStatement(node.raw, sourceMap, report, depth);
          break;
        case 'if':
          for (const branch of node.branches) {
            this.checkExpressions(branch.condition, sourceMap, report);
            await this.visit(branch.body, sourceMap, report, depth);
          }
          if (node.otherwise) await this.visit(node.otherwise, sourceMap, report, depth);
          break;
        case 'switch':
          this.checkExpressions(node.subject, sourceMap, report);
          for (const branch of node.cases) {
            this.checkExpressions(branch.values, sourceMap, report);
            await this.visit(branch.body, sourceMap, report, depth);
          }
          if (node.otherwise) await this.visit(node.otherwise, sourceMap, report, depth);
          break;
        case 'for':
          this.known.set(node.variable, undefined);
          for (const bound of [node.from, node.to, node.step])
            if (bound) this.checkExpressions(bound, sourceMap, report);
          await this.visit(node.body, sourceMap, report, depth);
          break;
        case 'forEach':
          this.known.set(node.variable, undefined);
          this.checkExpressions(node.list, sourceMap, report);
          await this.visit(node.body, sourceMap, report, depth);
          break;
        case 'do':
          for (const test of [node.before, node.after])
            if (test) this.checkExpressions(test.condition, sourceMap, report);
          await this.visit(node.body, sourceMap, report, depth);
          break;
        case 'sub':
          for (const param of node.params) this.known.set(param, undefined);
          await this.visit(node.body, sourceMap, report, depth);
          break;
      }
    }
  }

  private async checkStatement(
    raw: RawStatement,
    sourceMap: SourceMap,
    report: (error: unknown) => void,
    depth: number,
  ): Promise<void> {
    const include = INCLUDE.exec(raw.text);
    if (include) return this.checkInclude(include[2], !!include[1], raw, sourceMap, report, depth);
    const text = this.expand(raw.text);
    if (text === undefined) return this.forgetAssigned(raw.text);
    try {
      const statement = parseStatement(this.cursor(text, raw, sourceMap, text === raw.text));
      this.remember(statement);
    } catch (error) {
      report(error);
      this.forgetAssigned(text);
    }
  }

  private async checkInclude(
    pathText: string,
    must: boolean,
    raw: RawStatement,
    sourceMap: SourceMap,
    report: (error: unknown) => void,
    depth: number,
  ): Promise<void> {
    const path = this.expand(pathText);
    const dataDir = this.options.dataDir;
    if (path === undefined || dataDir === undefined || depth >= MAX_INCLUDE_DEPTH) return;
    let text: string;
    try {
      text = await readFile(await resolveDataPath(dataDir, path), 'utf8');
    } catch {
      if (must)
        report(
          new ScriptError(
            'SCRIPT_FILE_NOT_FOUND',
            `Must_Include: cannot read '${path}'`,
            sourceMap.positionOf(raw.start),
          ),
        );
      return;
    }
    await this.checkScript(text, { sourceMap, raw, path }, depth + 1);
  }

  /** Parses a control clause's expressions (a condition, bounds, a list), comma-separated. */
  private checkExpressions(
    raw: RawStatement,
    sourceMap: SourceMap,
    report: (error: unknown) => void,
  ): void {
    const text = this.expand(raw.text);
    if (text === undefined) return;
    try {
      const cursor = this.cursor(text, raw, sourceMap, text === raw.text);
      do cursor.readExpression();
      while (cursor.acceptChar(','));
      cursor.expectEnd();
    } catch (error) {
      report(error);
    }
  }

  /** The text with `$(...)` expanded, or undefined when a value is unknown before the run. */
  private expand(text: string): string | undefined {
    try {
      return expandScriptText(text, (content) => {
        if (content.startsWith('=')) throw new UnknownVariable();
        return expandVariable(content, (name) => {
          const value = this.known.get(name);
          if (value === undefined) throw new UnknownVariable();
          return value;
        });
      });
    } catch (error) {
      if (error instanceof UnknownVariable) return undefined;
      return undefined;
    }
  }

  private cursor(
    text: string,
    raw: RawStatement,
    sourceMap: SourceMap,
    exact: boolean,
  ): StatementCursor {
    return new StatementCursor(
      text,
      (offset, code, message, cause) =>
        new ScriptError(code, message, sourceMap.positionOf(raw.start + (exact ? offset : 0)), {
          cause,
        }),
    );
  }

  /** SET, and LET of a literal, make a variable known; any other LET makes it unknown. */
  private remember(statement: Statement): void {
    if (statement.kind === 'set') this.known.set(statement.name, statement.value);
    else if (statement.kind === 'let') {
      const expr = statement.expr;
      const literal =
        expr?.kind === 'string' ? expr.value : expr?.kind === 'number' ? expr.text : undefined;
      this.known.set(statement.name, literal);
    } else if (statement.kind === 'conditional') this.remember(statement.statement);
  }

  /** A statement that could not be read may still assign: its variable's value is unknown. */
  private forgetAssigned(text: string): void {
    const match = /^\s*(?:(?:SET|LET)\s+)?([A-Za-z_$][\w.$]*)\s*=/i.exec(text);
    if (match) this.known.set(match[1], undefined);
  }
}
