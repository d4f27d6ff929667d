import type { BinaryOperator, CallExpr, Expr, TotalQualifier } from './Expr.js';
import { Lexer } from './Lexer.js';
import { isPunct, type Token } from './Token.js';
import { isAggregationFunction } from './aggregations/aggregationRegistry.js';
import { INFIX_PRECEDENCE, NOT_OPERAND_POWER, UNARY_OPERAND_POWER } from './operatorPrecedence.js';
import { SetParser } from './SetParser.js';
import { CHART_FUNCTIONS } from './chartFunctions.js';
import { FIELD_NAME_FUNCTIONS } from './fieldNameFunctions.js';

const QUALIFIERS = new Set(['DISTINCT', 'NODISTINCT', 'ALL', 'TOTAL']);

/**
 * A Pratt parser over a `Lexer`. It stops, without error, before the first
 * token that cannot continue the expression.
 */
export class Parser {
  constructor(private readonly lexer: Lexer) {}

  /** Parses one expression whose infix operators bind tighter than `minPower`. */
  parseExpression(minPower = 0): Expr {
    let left = this.parsePrefix();
    for (;;) {
      const infix = this.infixOf(this.lexer.peek());
      if (infix === undefined || infix.power <= minPower) return left;
      this.lexer.next();
      const right = this.parseExpression(infix.power);
      left = { kind: 'binary', op: infix.op, left, right, start: left.start };
    }
  }

  /** Offset where the next unconsumed token starts. */
  get stopOffset(): number {
    return this.lexer.peek().start;
  }

  private infixOf(token: Token): { op: BinaryOperator; power: number } | undefined {
    if (token.type === 'punct') return INFIX_PRECEDENCE.get(token.text);
    if (token.type === 'word') return INFIX_PRECEDENCE.get(token.upper);
    return undefined;
  }

  private parsePrefix(): Expr {
    const token = this.lexer.next();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value, text: token.text, start: token.start };
      case 'string':
        return { kind: 'string', value: token.value, start: token.start };
      case 'quoted':
        return { kind: 'field', name: token.text, quoting: token.quoting, start: token.start };
      case 'word':
        return this.parseWord(token);
      case 'punct':
        return this.parsePunctPrefix(token);
      default:
        throw this.unexpected(token, 'an expression');
    }
  }

  private parseWord(token: Extract<Token, { type: 'word' }>): Expr {
    if (token.upper === 'NOT') {
      return {
        kind: 'unary',
        op: 'not',
        operand: this.parseExpression(NOT_OPERAND_POWER),
        start: token.start,
      };
    }
    if (token.upper === 'BITNOT') {
      return {
        kind: 'unary',
        op: 'bitnot',
        operand: this.parseExpression(UNARY_OPERAND_POWER),
        start: token.start,
      };
    }
    const next = this.lexer.peek();
    if (next.type === 'punct' && next.text === '(') {
      this.lexer.next();
      return this.parseCall(token);
    }
    return { kind: 'field', name: token.text, quoting: 'bare', start: token.start };
  }

  private parsePunctPrefix(token: Extract<Token, { type: 'punct' }>): Expr {
    if (token.text === '(') {
      const inner = this.parseExpression();
      this.expectPunct(')');
      return inner;
    }
    if (token.text === '-' || token.text === '+') {
      const operand = this.parseExpression(UNARY_OPERAND_POWER);
      return { kind: 'unary', op: token.text, operand, start: token.start };
    }
    throw this.unexpected(token, 'an expression');
  }

  private parseCall(nameToken: Extract<Token, { type: 'word' }>): CallExpr {
    const key = nameToken.upper;
    let call: { -readonly [K in keyof CallExpr]: CallExpr[K] } = {
      kind: 'call',
      name: nameToken.text,
      key,
      args: [],
      aggregation: isAggregationFunction(key),
      start: nameToken.start,
    };
    if (isPunct(this.lexer.peek(), '{')) {
      call.set = new SetParser(this.lexer, parseSearchExpression).parseBraced();
    }
    call = { ...call, ...this.parseQualifiers(key) };
    const args: Expr[] = [];
    const star = this.lexer.peek();
    if (call.aggregation && isPunct(star, '*') && isPunct(this.lexer.peekSecond(), ')')) {
      // `Count(*)`: the records themselves, read as the field reference `*`.
      this.lexer.next();
      args.push({ kind: 'field', name: '*', quoting: 'bare', start: star.start });
    } else if (!isPunct(this.lexer.peek(), ')')) {
      args.push(this.parseArgument());
      while (isPunct(this.lexer.peek(), ',')) {
        this.lexer.next();
        args.push(this.parseArgument());
      }
    }
    this.expectPunct(')');
    // The field functions name their field: GetSelectedCount(Customer) is about the field Customer.
    const first = args[0];
    if (FIELD_NAME_FUNCTIONS.has(key) && first?.kind === 'field')
      args[0] = { kind: 'string', value: first.name, start: first.start };
    call.args = args;
    return call;
  }

  /** One argument; an empty one (`f(a, , b)`, `f(a, )`) is omitted, as Qlik reads it: null. */
  private parseArgument(): Expr {
    const next = this.lexer.peek();
    if (isPunct(next, ',') || isPunct(next, ')'))
      return {
        kind: 'call',
        name: 'Null',
        key: 'NULL',
        args: [],
        aggregation: false,
        start: next.start,
      };
    return this.parseExpression();
  }

  /** `DISTINCT`, `NODISTINCT`, `ALL` and `TOTAL [<F1, F2>]` before the first argument. */
  private parseQualifiers(key: string): Pick<CallExpr, 'distinct' | 'all' | 'total'> {
    const found: { distinct?: 'distinct' | 'nodistinct'; all?: boolean; total?: TotalQualifier } =
      {};
    for (;;) {
      const token = this.lexer.peek();
      if (
        token.type !== 'word' ||
        !QUALIFIERS.has(token.upper) ||
        !(this.qualifierFollows(token) || this.bareTotal(token, key))
      )
        return found;
      this.lexer.next();
      if (token.upper === 'DISTINCT') found.distinct = 'distinct';
      else if (token.upper === 'NODISTINCT') found.distinct = 'nodistinct';
      else if (token.upper === 'ALL') found.all = true;
      else found.total = this.parseTotalFields();
    }
  }

  /**
   * Whether the qualifier word just peeked starts the argument's qualifiers
   * or is a field of that name: it is a field when the argument ends after
   * it (`Sum(Total)`) or an infix operator follows (`Sum(Total * 2)`);
   * `TOTAL <` always opens a dimension list.
   */
  private qualifierFollows(word: Extract<Token, { type: 'word' }>): boolean {
    const after = this.lexer.peekSecond();
    if (after.type === 'eof') return false;
    if (after.type === 'punct') {
      if (after.text === '<') return word.upper === 'TOTAL';
      return (
        after.text === '(' ||
        after.text === '{' ||
        !(INFIX_PRECEDENCE.has(after.text) || after.text === ')' || after.text === ',')
      );
    }
    return after.type !== 'word' || !INFIX_PRECEDENCE.has(after.upper);
  }

  /** `RowNo(TOTAL)`: the chart functions without arguments take TOTAL alone. */
  private bareTotal(word: Extract<Token, { type: 'word' }>, key: string): boolean {
    return (
      word.upper === 'TOTAL' &&
      CHART_FUNCTIONS.get(key)?.max === 0 &&
      isPunct(this.lexer.peekSecond(), ')')
    );
  }

  private parseTotalFields(): TotalQualifier {
    if (!isPunct(this.lexer.peek(), '<')) return {};
    this.lexer.next();
    const fields: string[] = [];
    for (;;) {
      const token = this.lexer.next();
      if (token.type === 'word' || token.type === 'quoted') fields.push(token.text);
      else throw this.unexpected(token, 'a field name in TOTAL <...>');
      const sep = this.lexer.next();
      if (isPunct(sep, '>')) return { fields };
      if (!isPunct(sep, ',')) throw this.unexpected(sep, "',' or '>'");
    }
  }

  private expectPunct(text: string): void {
    const token = this.lexer.next();
    if (!isPunct(token, text)) throw this.unexpected(token, `'${text}'`);
  }

  private unexpected(token: Token, expected: string): Error {
    const found = this.lexer.describe(token);
    return this.lexer.error(`Expected ${expected} but found ${found}`, token.start);
  }
}

/** Parses the expression of an expression search; it must fill the whole search text. */
function parseSearchExpression(text: string): Expr {
  const lexer = new Lexer(text, 0);
  const expr = new Parser(lexer).parseExpression();
  const rest = lexer.peek();
  if (rest.type !== 'eof') throw lexer.error(`Unexpected '${text.slice(rest.start)}'`, rest.start);
  return expr;
}
