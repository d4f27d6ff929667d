import type {
  ElementSet,
  Expr,
  SetAssignOperator,
  SetElement,
  SetEntity,
  SetExpression,
  SetFieldModifier,
  SetOperator,
} from './Expr.js';
import { ExpressionError } from './ExpressionError.js';
import type { Lexer } from './Lexer.js';
import { isPunct, type Token } from './Token.js';

const SET_OPERATORS = new Set(['+', '-', '*', '/']);

/**
 * Parses the set expression at the start of an aggregation:
 * `{$<Year={2020,2021}, Region-={'X'}>}`, `{1-$}`, `{BM01}`,
 * `{<F=P({1<G={'x'}>} F)>}`. Set operators associate left to right.
 */
export class SetParser {
  constructor(
    private readonly lexer: Lexer,
    /** Parses the expression of an expression search (`"=Sum(Sales)>10"`). */
    private readonly parseSearchExpression: (text: string) => Expr,
  ) {}

  /** Parses `{ set }`. */
  parseBraced(): SetExpression {
    this.expect('{');
    const set = this.parseSet();
    this.expect('}');
    return set;
  }

  private parseSet(): SetExpression {
    let left = this.parseSetTerm();
    for (;;) {
      const token = this.lexer.peek();
      if (token.type !== 'punct' || !SET_OPERATORS.has(token.text)) return left;
      this.lexer.next();
      left = {
        kind: 'setOperation',
        op: token.text as SetOperator,
        left,
        right: this.parseSetTerm(),
      };
    }
  }

  private parseSetTerm(): SetExpression {
    const token = this.lexer.peek();
    if (isPunct(token, '(')) {
      this.lexer.next();
      const inner = this.parseSet();
      this.expect(')');
      return inner;
    }
    if (isPunct(token, '<')) return this.entity('$', false);
    const identifier = this.readIdentifier(token);
    return this.entity(identifier, true);
  }

  private readIdentifier(token: Token): string {
    switch (token.type) {
      case 'number':
      case 'dollar':
      case 'word':
      case 'quoted':
        this.lexer.next();
        return token.text;
      default:
        throw this.unexpected(token, "a set identifier ('1', '$', a bookmark or a state) or '<'");
    }
  }

  private entity(identifier: string, explicitIdentifier: boolean): SetEntity {
    const modifiers = isPunct(this.lexer.peek(), '<') ? this.parseModifiers() : [];
    return { kind: 'setEntity', identifier, explicitIdentifier, modifiers };
  }

  private parseModifiers(): SetFieldModifier[] {
    this.expect('<');
    const modifiers: SetFieldModifier[] = [];
    if (isPunct(this.lexer.peek(), '>')) {
      this.lexer.next();
      return modifiers;
    }
    for (;;) {
      modifiers.push(this.parseFieldModifier());
      const sep = this.lexer.next();
      if (isPunct(sep, '>')) return modifiers;
      if (!isPunct(sep, ',')) throw this.unexpected(sep, "',' or '>'");
    }
  }

  private parseFieldModifier(): SetFieldModifier {
    const field = this.readFieldName();
    const op = this.readAssignOperator();
    const next = this.lexer.peek();
    if (isPunct(next, ',') || isPunct(next, '>')) return { field, op };
    return { field, op, elements: this.parseElementSet() };
  }

  private readFieldName(): string {
    const token = this.lexer.next();
    if (token.type !== 'word' && token.type !== 'quoted' && token.type !== 'dollar') {
      throw this.unexpected(token, 'a field name');
    }
    // 'State::Field' names a field in another state.
    if (isPunct(this.lexer.peek(), '::')) {
      this.lexer.next();
      return `${token.text}::${this.readFieldName()}`;
    }
    return token.text;
  }

  private readAssignOperator(): SetAssignOperator {
    const token = this.lexer.next();
    if (isPunct(token, '=')) return '=';
    if (token.type === 'punct' && SET_OPERATORS.has(token.text)) {
      const eq = this.lexer.next();
      if (isPunct(eq, '=')) return `${token.text}=` as SetAssignOperator;
      throw this.unexpected(eq, "'='");
    }
    throw this.unexpected(token, "'=', '+=', '-=', '*=' or '/='");
  }

  private parseElementSet(): ElementSet {
    let left = this.parseElementTerm();
    for (;;) {
      const token = this.lexer.peek();
      if (token.type !== 'punct' || !SET_OPERATORS.has(token.text)) return left;
      this.lexer.next();
      left = {
        kind: 'elementOperation',
        op: token.text as SetOperator,
        left,
        right: this.parseElementTerm(),
      };
    }
  }

  private parseElementTerm(): ElementSet {
    const token = this.lexer.peek();
    if (isPunct(token, '{')) return this.parseElementList();
    if (isPunct(token, '(')) {
      this.lexer.next();
      const inner = this.parseElementSet();
      this.expect(')');
      return inner;
    }
    if (token.type === 'word' && (token.upper === 'P' || token.upper === 'E')) {
      this.lexer.next();
      if (isPunct(this.lexer.peek(), '(')) return this.parseElementFunction(token.upper);
      return { kind: 'elementField', field: token.text };
    }
    return { kind: 'elementField', field: this.readFieldName() };
  }

  private parseElementFunction(fn: 'P' | 'E'): ElementSet {
    this.expect('(');
    const set = isPunct(this.lexer.peek(), '{') ? this.parseBraced() : undefined;
    const field = isPunct(this.lexer.peek(), ')') ? undefined : this.readFieldName();
    this.expect(')');
    return {
      kind: 'elementFunction',
      fn,
      ...(set && { set }),
      ...(field !== undefined && { field }),
    };
  }

  private parseElementList(): ElementSet {
    this.expect('{');
    const elements: SetElement[] = [];
    if (!isPunct(this.lexer.peek(), '}')) {
      elements.push(this.parseElement());
      while (isPunct(this.lexer.peek(), ',')) {
        this.lexer.next();
        elements.push(this.parseElement());
      }
    }
    this.expect('}');
    return { kind: 'elementList', elements };
  }

  private parseElement(): SetElement {
    const token = this.lexer.next();
    if (isPunct(token, '-') || isPunct(token, '+')) {
      const num = this.lexer.next();
      if (num.type !== 'number') throw this.unexpected(num, 'a number');
      const sign = token.type === 'punct' && token.text === '-' ? -1 : 1;
      return { kind: 'number', value: sign * num.value, text: `${sign < 0 ? '-' : ''}${num.text}` };
    }
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value, text: token.text };
      case 'string':
        return { kind: 'literal', text: token.value };
      case 'word':
        return { kind: 'literal', text: token.text };
      case 'quoted':
        return token.quoting === 'double'
          ? this.search(token.text, token.start)
          : { kind: 'literal', text: token.text };
      default:
        throw this.unexpected(token, 'a value, a quoted literal or a "search"');
    }
  }

  private search(text: string, start: number): SetElement {
    if (!text.startsWith('=')) return { kind: 'search', text };
    try {
      return { kind: 'search', text, expression: this.parseSearchExpression(text.slice(1)) };
    } catch (e) {
      if (!(e instanceof ExpressionError) || e.position === undefined) throw e;
      // Point into the whole source: past the opening quote and the '='.
      throw this.lexer.error(`${e.detail} in expression search`, start + 2 + e.position.offset);
    }
  }

  private expect(text: string): void {
    const token = this.lexer.next();
    if (!isPunct(token, text)) throw this.unexpected(token, `'${text}'`);
  }

  private unexpected(token: Token, expected: string): Error {
    const found = this.lexer.describe(token);
    return this.lexer.error(
      `Expected ${expected} in set expression but found ${found}`,
      token.start,
    );
  }
}
