/**
 * The abstract syntax tree of a Qlik expression, as a discriminated union on
 * `kind`. The parser produces it; the row evaluator, the script interpreter
 * and the chart engine walk it. Every node records where it started in the
 * source (`start`, a 0-based character offset) so later errors can point at it.
 */
export type Expr = NumberLiteral | StringLiteral | FieldRef | UnaryExpr | BinaryExpr | CallExpr;

/** A numeric literal such as `42`, `3.5` or `1e3`. */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  /** The literal as written, e.g. `1.50`. */
  readonly text: string;
  readonly start: number;
}

/** A single-quoted string literal; `value` has the `''` escapes resolved. */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly start: number;
}

/** How a field name was written: `Sales`, `[Sales]`, `"Sales"` or `` `Sales` ``. */
export type FieldQuoting = 'bare' | 'bracket' | 'double' | 'backtick';

/**
 * A reference to a field of the current row (or, when no field has the name,
 * a variable).
 */
export interface FieldRef {
  readonly kind: 'field';
  readonly name: string;
  readonly quoting: FieldQuoting;
  readonly start: number;
}

/** Prefix operators. */
export type UnaryOperator = '-' | '+' | 'not' | 'bitnot';

/** A prefix operator applied to one operand. */
export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: Expr;
  readonly start: number;
}

/** Infix operators; word operators are lower-case. */
export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '&'
  | '='
  | '<>'
  | '<'
  | '>'
  | '<='
  | '>='
  | 'like'
  | 'precedes'
  | 'follows'
  | 'and'
  | 'or'
  | 'xor'
  | 'bitand'
  | 'bitor'
  | 'bitxor'
  | '>>'
  | '<<';

/** An infix operator applied to two operands. */
export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly start: number;
}

/**
 * `TOTAL` qualifier of an aggregation: `fields` is undefined for a plain
 * `TOTAL` (disregard every chart dimension) and lists the dimensions kept for
 * `TOTAL <F1, F2>`.
 */
export interface TotalQualifier {
  readonly fields?: readonly string[];
}

/**
 * A function call. Aggregations (`Sum`, `Count`, `Aggr`, ...) are calls with
 * `aggregation: true`; they may carry a set expression, `DISTINCT`/`ALL`/
 * `NODISTINCT` and `TOTAL`, which the parser accepts only at the start of the
 * argument list (`Sum({<Year={2020}>} DISTINCT TOTAL <Region> Sales)`).
 */
export interface CallExpr {
  readonly kind: 'call';
  /** The name as written. */
  readonly name: string;
  /** Upper-cased name, for case-insensitive dispatch (`SUM`, `NUM#`). */
  readonly key: string;
  readonly args: readonly Expr[];
  /** True when `key` names an aggregation of the registry (`AGGREGATIONS`). */
  readonly aggregation: boolean;
  readonly set?: SetExpression;
  readonly distinct?: 'distinct' | 'nodistinct';
  /** `ALL`: disregard selections and dimensions (like `{1} TOTAL`). */
  readonly all?: boolean;
  readonly total?: TotalQualifier;
  readonly start: number;
}

/** Operators between set entities (and between element sets). */
export type SetOperator = '+' | '-' | '*' | '/';

/** A set expression, the part between `{` and `}` at the start of an aggregation. */
export type SetExpression = SetEntity | SetOperation;

/**
 * One set entity: an identifier (`1`, `$`, `$1`, `$_1`, a bookmark id or an
 * alternate state name), optionally narrowed by field modifiers
 * `<F1={...}, F2-={...}>`. `{<F={1}>}` has identifier `$` implied
 * (`explicitIdentifier: false`).
 */
export interface SetEntity {
  readonly kind: 'setEntity';
  readonly identifier: string;
  readonly explicitIdentifier: boolean;
  readonly modifiers: readonly SetFieldModifier[];
}

/** `left op right` between two set expressions, e.g. `1-$`. */
export interface SetOperation {
  readonly kind: 'setOperation';
  readonly op: SetOperator;
  readonly left: SetExpression;
  readonly right: SetExpression;
}

/** Assignment operators of a set modifier: `F={..}`, `F+={..}`, `F-={..}`, `F*={..}`, `F/={..}`. */
export type SetAssignOperator = '=' | '+=' | '-=' | '*=' | '/=';

/**
 * One field modifier. `elements` is undefined for `F=` (clear the selection
 * in F).
 */
export interface SetFieldModifier {
  readonly field: string;
  readonly op: SetAssignOperator;
  readonly elements?: ElementSet;
}

/** The right-hand side of a set field modifier. */
export type ElementSet = ElementList | ElementFieldRef | ElementFunction | ElementOperation;

/** `{2020, 'X', "A*", ">10"}` — explicit values and searches. `{}` is the empty set. */
export interface ElementList {
  readonly kind: 'elementList';
  readonly elements: readonly SetElement[];
}

/** `F=G`: the values selected (in the same state) in another field G. */
export interface ElementFieldRef {
  readonly kind: 'elementField';
  readonly field: string;
}

/**
 * `P({set} Field)` possible values or `E({set} Field)` excluded values. The
 * set defaults to `$` and the field to the modifier's field when omitted.
 */
export interface ElementFunction {
  readonly kind: 'elementFunction';
  readonly fn: 'P' | 'E';
  readonly set?: SetExpression;
  readonly field?: string;
}

/** `{1,2}+{3}` or `P(...)-{'x'}` between element sets. */
export interface ElementOperation {
  readonly kind: 'elementOperation';
  readonly op: SetOperator;
  readonly left: ElementSet;
  readonly right: ElementSet;
}

/** One member of an element list. */
export type SetElement = SetNumberElement | SetLiteralElement | SetSearchElement;

/** A bare number in an element list: matches values with that number. */
export interface SetNumberElement {
  readonly kind: 'number';
  readonly value: number;
  readonly text: string;
}

/** A single-quoted (or bare word) literal: matches values with exactly that text. */
export interface SetLiteralElement {
  readonly kind: 'literal';
  readonly text: string;
}

/**
 * A double-quoted search: a wildcard pattern (`"A*"`), a numeric comparison
 * (`">10"`, `">=1<5"`) or an expression search (`"=Sum(Sales)>100"`, whose
 * parsed expression is in `expression`).
 */
export interface SetSearchElement {
  readonly kind: 'search';
  readonly text: string;
  readonly expression?: Expr;
}
