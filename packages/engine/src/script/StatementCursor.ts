import type { Expr } from '../expression/Expr.js';
import { ExpressionError } from '../expression/ExpressionError.js';
import { parseExpressionAt } from '../expression/parseExpressionAt.js';
import { ScriptError } from './ScriptError.js';

/** Characters a bare (unquoted) name may start with and continue with. */
const NAME_START = /[A-Za-z_%@#$\u00C0-\uFFFF]/;
const NAME_PART = /[\w.%@#$\u00C0-\uFFFF]/;

/**
 * Reads the tokens of one statement's text. Positions it reports are offsets
 * into that text; `toScriptOffset` maps them back into the script so errors
 * point at the script as written.
 */
export class StatementCursor {
  pos = 0;

  constructor(
    readonly text: string,
    private readonly toScriptError: (
      offset: number,
      code: 'SCRIPT_SYNTAX',
      message: string,
      cause?: unknown,
    ) => ScriptError,
  ) {}

  /**
   * A cursor over `text`, a rewriting of the rest of this statement; its
   * errors point at where that rest starts.
   */
  rewritten(text: string): StatementCursor {
    const at = this.pos;
    return new StatementCursor(text, (_offset, code, message, cause) =>
      this.toScriptError(at, code, message, cause),
    );
  }

  /** A syntax error at the current position (or `at`). */
  error(message: string, at = this.pos, cause?: unknown): ScriptError {
    return this.toScriptError(at, 'SCRIPT_SYNTAX', message, cause);
  }

  /** Skips white space; returns the new position. */
  skipSpace(): number {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
    return this.pos;
  }

  /** True when only white space is left. */
  atEnd(): boolean {
    return this.skipSpace() >= this.text.length;
  }

  /** The next character after white space, without consuming it. */
  peekChar(): string {
    this.skipSpace();
    return this.text[this.pos] ?? '';
  }

  /** The next bare word (letters only) upper-cased, without consuming it. */
  peekWord(): string {
    this.skipSpace();
    const match = /^[A-Za-z][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 32));
    if (!match) return '';
    const after = this.text[this.pos + match[0].length];
    return after !== undefined && NAME_PART.test(after) ? '' : match[0].toUpperCase();
  }

  /** Consumes `word` (case-insensitive) when it comes next. */
  acceptWord(word: string): boolean {
    if (this.peekWord() !== word) return false;
    this.pos += word.length;
    return true;
  }

  /** Consumes `word` or fails. */
  expectWord(word: string): void {
    if (!this.acceptWord(word)) throw this.error(`Expected ${word}${this.describeNext()}`);
  }

  /** Consumes the character `ch` when it comes next. */
  acceptChar(ch: string): boolean {
    if (this.peekChar() !== ch) return false;
    this.pos++;
    return true;
  }

  /** Consumes the character `ch` or fails. */
  expectChar(ch: string): void {
    if (!this.acceptChar(ch)) throw this.error(`Expected '${ch}'${this.describeNext()}`);
  }

  /** Fails unless only white space is left. */
  expectEnd(): void {
    if (!this.atEnd()) throw this.error(`Unexpected '${this.text.slice(this.pos, this.pos + 20)}'`);
  }

  /** ", found 'xyz'" or ", found the end of the statement". */
  describeNext(): string {
    this.skipSpace();
    return this.pos >= this.text.length
      ? ' at the end of the statement'
      : `, found '${this.text.slice(this.pos, this.pos + 20).split('\n')[0]}'`;
  }

  /** Reads a field or table name: bare, `[bracketed]`, `"double quoted"` or `` `backticked` ``. */
  readName(what = 'a name'): string {
    const name = this.tryReadName();
    if (name === undefined) throw this.error(`Expected ${what}${this.describeNext()}`);
    return name;
  }

  /** Like `readName`, or undefined when no name comes next. */
  tryReadName(): string | undefined {
    const ch = this.peekChar();
    if (ch === '[') return this.readDelimited('[', ']');
    if (ch === '"') return this.readDelimited('"', '"');
    if (ch === '`') return this.readDelimited('`', '`');
    if (ch === '' || !NAME_START.test(ch)) return undefined;
    const start = this.pos;
    while (this.pos < this.text.length && NAME_PART.test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** A name as statements that list fields take it: also `'single quoted'`. */
  readListedName(what = 'a name'): string {
    if (this.peekChar() === "'") return this.readString();
    return this.readName(what);
  }

  /** Names separated by commas (`readListedName` each). */
  readNameList(what = 'a name'): string[] {
    const names: string[] = [];
    do names.push(this.readListedName(what));
    while (this.acceptChar(','));
    return names;
  }

  /** Field masks separated by commas: names, quoted masks with `*` and `?`, or `*` alone. */
  readMaskList(what = 'a field name or mask'): string[] {
    const masks: string[] = [];
    do {
      if (this.acceptChar('*')) masks.push('*');
      else masks.push(this.readListedName(what));
    } while (this.acceptChar(','));
    return masks;
  }

  /** The text left in the statement, trimmed; the cursor moves to the end. */
  readRest(): string {
    const rest = this.text.slice(this.pos).trim();
    this.pos = this.text.length;
    return rest;
  }

  /** Reads a non-negative integer such as a line count. */
  readInteger(what: string): number {
    this.skipSpace();
    const match = /^\d+/.exec(this.text.slice(this.pos, this.pos + 16));
    if (!match) throw this.error(`Expected ${what}${this.describeNext()}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  /** Reads a single-quoted string literal with `''` escapes. */
  readString(): string {
    if (this.peekChar() !== "'") throw this.error(`Expected a quoted string${this.describeNext()}`);
    return this.readDelimited("'", "'");
  }

  /** Reads a file path: `[lib://x/y.csv]`, `'...'`, `"..."` or a bare path up to white space or '('. */
  readPath(): string {
    const ch = this.peekChar();
    if (ch === '[') return this.readDelimited('[', ']');
    if (ch === "'") return this.readDelimited("'", "'");
    if (ch === '"') return this.readDelimited('"', '"');
    const start = this.pos;
    while (this.pos < this.text.length && !/[\s(;]/.test(this.text[this.pos])) this.pos++;
    if (this.pos === start) throw this.error(`Expected a file path${this.describeNext()}`);
    return this.text.slice(start, this.pos);
  }

  /** Reads an expression with the expression parser, which stops at the first token that cannot continue it. */
  readExpression(): Expr {
    this.skipSpace();
    try {
      const { expr, end } = parseExpressionAt(this.text, this.pos);
      this.pos = end;
      return expr;
    } catch (cause) {
      if (cause instanceof ExpressionError) {
        throw this.error(
          cause.message.replace(/ \(line \d+, column \d+\)$/, ''),
          cause.position?.offset ?? this.pos,
          cause,
        );
      }
      throw cause;
    }
  }

  /** Reads `open ... close` with doubled closers as escapes; returns the content. */
  private readDelimited(open: string, close: string): string {
    const start = this.pos;
    if (this.text[this.pos] !== open) throw this.error(`Expected '${open}'`);
    let content = '';
    let from = this.pos + 1;
    for (;;) {
      const at = this.text.indexOf(close, from);
      if (at < 0) throw this.error(`Unterminated ${open}`, start);
      content += this.text.slice(from, at);
      if (close !== ']' && this.text[at + 1] === close) {
        content += close;
        from = at + 2;
        continue;
      }
      this.pos = at + 1;
      return content;
    }
  }
}
