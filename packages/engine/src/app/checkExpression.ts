import type { NxRange } from '@qlikit/qix';
import type { CallExpr, ElementSet, Expr, FieldRef, SetExpression } from '../expression/Expr.js';
import { UNSUPPORTED_FUNCTIONS } from '../expression/functions/unsupportedFunctions.js';
import { parseExpression } from '../expression/parseExpression.js';
import { FUNCTION_CATALOG } from './functionCatalog.js';

/** What CheckExpression answers. */
export interface ExpressionCheck {
  qErrorMsg: string;
  qBadFieldNames: NxRange[];
  qDangerousFieldNames: NxRange[];
}

/** What checking an expression needs to know of the app. */
export interface ExpressionCheckScope {
  isField(name: string): boolean;
  isVariable(name: string): boolean;
  /** Labels of the object's other expressions, which may be referred to like fields. */
  readonly labels: readonly string[];
}

// The functions a chart expression may call.
const CHART_CALLABLE = new Set(
  FUNCTION_CATALOG.filter((info) => info.contexts.includes('chart')).map((info) =>
    info.name.toUpperCase(),
  ),
);

/**
 * CheckExpression: a syntax error or an unknown function as the message;
 * the names that are neither fields, variables nor labels as bad field
 * names; and names that are both a field and a variable as dangerous (which
 * one a reference means depends on where it is used). Ranges are positions
 * in `text`.
 */
export function checkExpression(text: string, scope: ExpressionCheckScope): ExpressionCheck {
  const check: ExpressionCheck = { qErrorMsg: '', qBadFieldNames: [], qDangerousFieldNames: [] };
  const lead = /^\s*=?/.exec(text)![0].length;
  let expr: Expr;
  try {
    expr = parseExpression(text.slice(lead));
  } catch (error) {
    check.qErrorMsg = error instanceof Error ? error.message : String(error);
    return check;
  }
  const labels = new Set(scope.labels);
  const judge = (name: string, range: NxRange | undefined) => {
    if (name === '*' || labels.has(name) || !range) return;
    const field = scope.isField(name);
    const variable = scope.isVariable(name);
    if (!field && !variable) check.qBadFieldNames.push(range);
    else if (field && variable) check.qDangerousFieldNames.push(range);
  };
  walk(expr, {
    field: (ref) => judge(ref.name, { qFrom: lead + ref.start, qCount: writtenLength(ref) }),
    namedField: (name, from) => judge(name, locate(text, name, lead + from)),
    call: (call) => {
      if (CHART_CALLABLE.has(call.key) || check.qErrorMsg !== '') return;
      const unsupported = UNSUPPORTED_FUNCTIONS.get(call.key);
      check.qErrorMsg = unsupported
        ? `${unsupported.name}() is not implemented: ${unsupported.reason}`
        : `Unknown function: ${call.name}()`;
    },
  });
  return check;
}

/** How many characters a field reference takes as written: its name, plus brackets or quotes. */
function writtenLength(ref: FieldRef): number {
  if (ref.quoting === 'bare') return ref.name.length;
  if (ref.quoting === 'bracket') return ref.name.replaceAll(']', ']]').length + 2;
  return ref.name.length + 2;
}

/** Where a name written in a set expression or TOTAL list occurs, searching from `from`. */
function locate(text: string, name: string, from: number): NxRange | undefined {
  const bracketed = text.indexOf(`[${name}]`, from);
  if (bracketed >= 0) return { qFrom: bracketed, qCount: name.length + 2 };
  const plain = text.indexOf(name, from);
  return plain >= 0 ? { qFrom: plain, qCount: name.length } : undefined;
}

interface Visitor {
  field(ref: FieldRef): void;
  /** A field named without a position of its own (set modifiers, TOTAL <...>), inside the call at `from`. */
  namedField(name: string, from: number): void;
  call(call: CallExpr): void;
}

function walk(expr: Expr, visit: Visitor): void {
  switch (expr.kind) {
    case 'field':
      visit.field(expr);
      return;
    case 'unary':
      walk(expr.operand, visit);
      return;
    case 'binary':
      walk(expr.left, visit);
      walk(expr.right, visit);
      return;
    case 'call':
      visit.call(expr);
      for (const name of expr.total?.fields ?? []) visit.namedField(name, expr.start);
      if (expr.set) walkSet(expr.set, expr.start, visit);
      for (const arg of expr.args) walk(arg, visit);
      return;
    default:
      return;
  }
}

function walkSet(set: SetExpression, from: number, visit: Visitor): void {
  if (set.kind === 'setOperation') {
    walkSet(set.left, from, visit);
    walkSet(set.right, from, visit);
    return;
  }
  for (const modifier of set.modifiers) {
    visit.namedField(modifier.field, from);
    if (modifier.elements) walkElements(modifier.elements, from, visit);
  }
}

function walkElements(elements: ElementSet, from: number, visit: Visitor): void {
  switch (elements.kind) {
    case 'elementField':
      visit.namedField(elements.field, from);
      return;
    case 'elementFunction':
      if (elements.field) visit.namedField(elements.field, from);
      if (elements.set) walkSet(elements.set, from, visit);
      return;
    case 'elementOperation':
      walkElements(elements.left, from, visit);
      walkElements(elements.right, from, visit);
      return;
    case 'elementList':
      for (const element of elements.elements)
        if (element.kind === 'search' && element.expression) walk(element.expression, visit);
      return;
  }
}
