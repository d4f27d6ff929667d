import { ExpressionError } from './ExpressionError.js';
import type { Token } from './Token.js';
import { positionOf } from './positionOf.js';

const TWO_CHAR_PUNCT = new Set(['<>', '<=', '>=', '<<', '>>', '::']);

/**
 * Reads tokens on demand from a position in a text. On demand, so that the
 * parser can stop at any token and report where the expression ended.
 */
export class Lexer {
  private pos: number;
  private peeked: Token | undefined;

  constructor(
    readonly source: string,
    start: number,
  ) {
    this.pos = start;
  }

  /** The next token, without consuming it. */
  peek(): Token {
    this.peeked ??= this.read();
    return this.peeked;
  }

  /** The token after the next one, without consuming either. */
  peekSecond(): Token {
    const next = this.peek();
    const resume = this.pos;
    const second = this.read();
    this.pos = resume;
    this.peeked = next;
    return second;
  }

  /** Consumes and returns the next token. */
  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  /** A token as an error message names it: its source text quoted, or the end of the expression. */
  describe(token: Token): string {
    return token.type === 'eof'
      ? 'the end of the expression'
      : `'${this.source.slice(token.start, token.end)}'`;
  }

  /** A syntax error located at an offset of the source. */
  error(message: string, offset: number): ExpressionError {
    return new ExpressionError('EXPRESSION_SYNTAX', message, positionOf(this.source, offset));
  }

  private read(): Token {
    this.skipSpaceAndComments();
    const src = this.source;
    const start = this.pos;
    if (start >= src.length) return { type: 'eof', start, end: start };
    const ch = src[start];
    const code = src.charCodeAt(start);
    if (isDigit(code) || (ch === '.' && isDigit(src.charCodeAt(start + 1))))
      return this.readNumber(start);
    if (ch === "'") return this.readString(start);
    if (ch === '[') return this.readQuoted(start, ']', 'bracket');
    if (ch === '"') return this.readQuoted(start, '"', 'double');
    if (ch === '`') return this.readQuoted(start, '`', 'backtick');
    if (ch === '$') return this.readDollar(start);
    if (isWordStart(ch)) return this.readWord(start);
    const two = src.slice(start, start + 2);
    const text = TWO_CHAR_PUNCT.has(two) ? two : ch;
    this.pos = start + text.length;
    return { type: 'punct', text, start, end: this.pos };
  }

  private skipSpaceAndComments(): void {
    const src = this.source;
    for (;;) {
      while (this.pos < src.length && isSpace(src.charCodeAt(this.pos))) this.pos++;
      if (src.startsWith('//', this.pos)) {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else if (src.startsWith('/*', this.pos)) {
        const close = src.indexOf('*/', this.pos + 2);
        if (close < 0) throw this.error('Unterminated comment', this.pos);
        this.pos = close + 2;
      } else {
        return;
      }
    }
  }

  private readNumber(start: number): Token {
    const src = this.source;
    let p = start;
    while (isDigit(src.charCodeAt(p))) p++;
    if (src[p] === '.' && isDigit(src.charCodeAt(p + 1))) {
      p++;
      while (isDigit(src.charCodeAt(p))) p++;
    }
    if ((src[p] === 'e' || src[p] === 'E') && exponentFollows(src, p + 1)) {
      p += src[p + 1] === '+' || src[p + 1] === '-' ? 2 : 1;
      while (isDigit(src.charCodeAt(p))) p++;
    }
    this.pos = p;
    const text = src.slice(start, p);
    return { type: 'number', value: Number(text), text, start, end: p };
  }

  private readString(start: number): Token {
    const src = this.source;
    let value = '';
    let p = start + 1;
    for (;;) {
      const close = src.indexOf("'", p);
      if (close < 0) throw this.error('Unterminated string literal', start);
      value += src.slice(p, close);
      if (src[close + 1] === "'") {
        value += "'";
        p = close + 2;
        continue;
      }
      this.pos = close + 1;
      return { type: 'string', value, start, end: this.pos };
    }
  }

  private readQuoted(
    start: number,
    closer: string,
    quoting: 'bracket' | 'double' | 'backtick',
  ): Token {
    const src = this.source;
    let text = '';
    let p = start + 1;
    for (;;) {
      const close = src.indexOf(closer, p);
      if (close < 0)
        throw this.error(
          `Unterminated ${quoting === 'bracket' ? '[name]' : `${closer}name${closer}`}`,
          start,
        );
      text += src.slice(p, close);
      // A doubled closer stands for the closer itself.
      if (src[close + 1] === closer) {
        text += closer;
        p = close + 2;
        continue;
      }
      this.pos = close + 1;
      return { type: 'quoted', text, quoting, start, end: this.pos };
    }
  }

  private readDollar(start: number): Token {
    const src = this.source;
    // '$Field', '$Table': the system fields are names, not set identifiers.
    if (start + 1 < src.length && /\p{L}/u.test(src[start + 1])) return this.readWord(start);
    let p = start + 1;
    if (src[p] === '_' && isDigit(src.charCodeAt(p + 1))) p++;
    while (isDigit(src.charCodeAt(p))) p++;
    this.pos = p;
    return { type: 'dollar', text: src.slice(start, p), start, end: p };
  }

  private readWord(start: number): Token {
    const src = this.source;
    let p = start + 1;
    while (p < src.length && isWordPart(src[p])) p++;
    this.pos = p;
    const text = src.slice(start, p);
    return { type: 'word', text, upper: text.toUpperCase(), start, end: p };
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff
  );
}

function exponentFollows(src: string, p: number): boolean {
  const q = src[p] === '+' || src[p] === '-' ? p + 1 : p;
  return isDigit(src.charCodeAt(q));
}

const LETTER = /\p{L}/u;

function isWordStart(ch: string): boolean {
  return ch === '_' || ch === '%' || ch === '@' || LETTER.test(ch);
}

/** Unquoted names may hold digits, '.', '#' ('Num#', 'Orders.Amount'), '%', '$' and '@'. */
function isWordPart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (
    isDigit(code) ||
    ch === '_' ||
    ch === '.' ||
    ch === '#' ||
    ch === '%' ||
    ch === '$' ||
    ch === '@' ||
    (code > 127 ? LETTER.test(ch) : isAsciiLetter(code))
  );
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
