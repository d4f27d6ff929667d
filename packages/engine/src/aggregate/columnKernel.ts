import { compileExpression } from '../expression/compileExpression.js';
import type { EvalContext, ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import { CLOCK_FUNCTIONS } from '../expression/functions/clockFunctions.js';
import { toNumber } from '../value/toNumber.js';
import { isTrue } from '../value/truth.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import type { ChartScope, FrameField } from './ChartScope.js';
import type { Field } from '../model/Field.js';
import type { Frame } from './Frame.js';
import { symbolValues } from './symbolValues.js';
import { numberOf } from './valueParts.js';
import { type GroupedOp, type KernelBody, fillRows, reduceRows } from './kernelLoops.js';
import type { RowGroups } from './rowGroups.js';

/**
 * How a node's value is read: as the aggregation reads it (`output`: a
 * number or a dual's number, text and null NaN), as an arithmetic operand
 * (`number`: text read as a number where it is one), or as a condition
 * (`truth`: 1 or 0).
 */
type Mode = 'output' | 'number' | 'truth';

/** A compiled node: JavaScript over the row's codes, and whether its numbers are its exact values. */
interface Node {
  readonly code: string;
  /** The node's value is a plain number or null (NaN) on every row: nothing is lost as a number. */
  readonly exact: boolean;
  /** For arithmetic: temporary `t` gets `value`, and the node is t where t is finite, else null. */
  readonly arithmetic?: { readonly t: string; readonly value: string };
}

/** An aggregation argument compiled to one pass over a frame's rows. */
export interface ColumnKernel {
  /** The argument's number on every frame row (NaN for null). */
  run(): Float64Array;
  /**
   * `op` of those numbers per group in one pass without the vector; with
   * `withTotal`, slot `groups.count` holds the total.
   */
  reduce(op: GroupedOp, groups: RowGroups, withTotal?: boolean): Float64Array;
  /** Whether those numbers are the values themselves (no text or dual was read as a number). */
  readonly exact: boolean;
}

// Functions whose value is not a function of their arguments: evaluated per row, never per symbol.
const VOLATILE = new Set(['RAND', ...Object.keys(CLOCK_FUNCTIONS)]);

/**
 * Compiles an aggregation's argument into a column kernel: every part that
 * reads one field only (`C = 'x'`, `Year(Date)`, `Num#(Text)`) is evaluated
 * once per symbol of that field into a lookup table, and what combines
 * several fields (arithmetic, comparisons, `If`, `and`/`or`/`not`) becomes
 * generated code over the rows' codes. Undefined when some part cannot
 * (functions of several fields, text results the combination depends on):
 * the row evaluator then runs it.
 */
export function compileColumnKernel(
  expr: Expr,
  frame: Frame,
  scope: ChartScope,
  format: FormatSettings,
  functions?: ReadonlyMap<string, ScalarFunction>,
): ColumnKernel | undefined {
  // The app's functions (GetSelectedCount, ReloadTime ...) read the app's state, not their arguments.
  if (functions && functions.size > 0 && callsAny(expr, functions)) return undefined;
  const compiler = new KernelCompiler(frame, scope, format);
  const node = compiler.compile(expr, 'output');
  if (!node) return undefined;
  return compiler.finish(node);
}

class KernelCompiler {
  private readonly inputs: unknown[] = [];
  private readonly names: string[] = [];
  private readonly rowSources = new Map<Int32Array, string>();
  private readonly fieldCodes = new Map<FrameField['codes'], string>();
  private temps = 0;

  constructor(
    private readonly frame: Frame,
    private readonly scope: ChartScope,
    private readonly format: FormatSettings,
  ) {}

  compile(expr: Expr, mode: Mode): Node | undefined {
    if (volatile(expr)) return undefined;
    const fields = this.fieldsOf(expr);
    if (!fields) return undefined;
    if (fields.size <= 1) return this.lookup(expr, [...fields][0], mode);
    switch (expr.kind) {
      case 'unary':
        return this.unary(expr.op, expr.operand, mode);
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right, mode);
      case 'call':
        if (expr.key === 'IF' && !expr.aggregation) return this.conditional(expr.args, mode);
        return undefined;
      default:
        return undefined;
    }
  }

  /** The kernel over the frame's rows, its loops generated from the node's code. */
  finish(node: Node): ColumnKernel {
    const body: KernelBody = {
      names: this.names,
      inputs: this.inputs,
      loads: [...this.rowSources.values()].map((name) => `const ${name}_ = ${name}[i];`).join(' '),
      temps: this.temps,
      code: node.code,
      finite: node.arithmetic && {
        set: `${node.arithmetic.t} = ${node.arithmetic.value};`,
        test: `${node.arithmetic.t} - ${node.arithmetic.t} === 0`,
        value: node.arithmetic.t,
      },
    };
    const length = this.frame.length;
    return {
      exact: node.exact,
      run: () => fillRows(body, length),
      reduce: (op, groups, withTotal) => reduceRows(body, length, op, groups, withTotal),
    };
  }

  // The model fields an expression reads; undefined when it reads something else (a variable, an aggregation).
  private fieldsOf(expr: Expr, into = new Set<string>()): Set<string> | undefined {
    switch (expr.kind) {
      case 'number':
      case 'string':
        return into;
      case 'field':
        if (!this.scope.model.findField(expr.name)) return undefined;
        into.add(expr.name);
        return into;
      case 'unary':
        return this.fieldsOf(expr.operand, into);
      case 'binary':
        return this.fieldsOf(expr.left, into) && this.fieldsOf(expr.right, into);
      case 'call':
        if (expr.aggregation) return undefined;
        for (const arg of expr.args) if (!this.fieldsOf(arg, into)) return undefined;
        return into;
    }
  }

  // A part reading at most one field: its value per symbol (per chart, for a constant).
  private lookup(expr: Expr, fieldName: string | undefined, mode: Mode): Node | undefined {
    if (fieldName === undefined) {
      const value = compileExpression(expr)({ format: this.format, field: () => undefined });
      return { code: numberLiteral(read(value, mode)), exact: exactIn(value, mode) };
    }
    const source = this.scope.fieldIn(this.frame, fieldName);
    const { table, exact } = symbolTable(source.field, expr, mode, this.format);
    const rows = this.rowsName(source.rows);
    const codes = this.codesName(source.codes);
    return { code: `${this.input(table)}[${codes}[${rows}_]]`, exact };
  }

  private unary(op: string, operand: Expr, mode: Mode): Node | undefined {
    if (op === 'not') {
      const inner = this.compile(operand, 'truth');
      return inner && this.as(`(${inner.code} === 1 ? 0 : -1)`, mode);
    }
    if (op !== '-' && op !== '+') return undefined;
    const inner = this.compile(operand, 'number');
    return inner && this.as(op === '-' ? `(-${inner.code})` : inner.code, mode);
  }

  private binary(op: string, left: Expr, right: Expr, mode: Mode): Node | undefined {
    if (op === 'and' || op === 'or') {
      const a = this.compile(left, 'truth');
      const b = a && this.compile(right, 'truth');
      const joined = op === 'and' ? '&&' : '||';
      return b && this.as(`((${a.code} === 1 ${joined} ${b.code} === 1) ? -1 : 0)`, mode);
    }
    if (op === '+' || op === '-' || op === '*' || op === '/') {
      const a = this.compile(left, 'number');
      const b = a && this.compile(right, 'number');
      if (!b) return undefined;
      const t = this.temp();
      const value = `${a.code} ${op} ${b.code}`;
      const node = this.as(`(${t} = ${value}, ${t} - ${t} === 0 ? ${t} : NaN)`, mode);
      return mode === 'truth' ? node : { ...node, arithmetic: { t, value } };
    }
    const test = RELATIONAL[op];
    if (!test) return undefined;
    // Numbers only: both sides must be numbers or null on every row (a text compares as text).
    const a = this.compile(left, 'number');
    const b = a && this.compile(right, 'number');
    if (!a?.exact || !b?.exact) return undefined;
    const ifNull = op === '<>' ? '-1' : '0';
    const [x, y] = [this.temp(), this.temp()];
    const nulls = `${x} !== ${x} || ${y} !== ${y}`;
    const compared = test.replaceAll('x', x).replaceAll('y', y);
    const code = `(${x} = ${a.code}, ${y} = ${b.code}, ${nulls} ? (${x} !== ${x} && ${y} !== ${y} ? NaN : ${ifNull}) : (${compared} ? -1 : 0))`;
    return this.as(code, mode);
  }

  private conditional(args: readonly Expr[], mode: Mode): Node | undefined {
    if (args.length < 2 || args.length > 3) return undefined;
    const condition = this.compile(args[0]!, 'truth');
    const then = condition && this.compile(args[1]!, mode);
    const otherwise =
      then &&
      (args[2]
        ? this.compile(args[2], mode)
        : { code: mode === 'truth' ? '0' : 'NaN', exact: true });
    if (!otherwise) return undefined;
    return {
      code: `(${condition!.code} === 1 ? ${then!.code} : ${otherwise.code})`,
      exact: then!.exact && otherwise.exact,
    };
  }

  // A number-valued code (null as NaN) read in `mode`.
  private as(code: string, mode: Mode): Node {
    if (mode !== 'truth') return { code, exact: true };
    const t = this.temp();
    return { code: `(${t} = ${code}, ${t} !== 0 && ${t} === ${t} ? 1 : 0)`, exact: true };
  }

  private temp(): string {
    return `t${this.temps++}`;
  }

  private input(value: unknown): string {
    const name = `k${this.inputs.length}`;
    this.inputs.push(value);
    this.names.push(name);
    return name;
  }

  private rowsName(rows: Int32Array): string {
    let name = this.rowSources.get(rows);
    if (!name) this.rowSources.set(rows, (name = this.input(rows)));
    return name;
  }

  private codesName(codes: FrameField['codes']): string {
    let name = this.fieldCodes.get(codes);
    if (!name) this.fieldCodes.set(codes, (name = this.input(codes)));
    return name;
  }
}

// The code each relational operator tests (x, y numbers, neither NaN).
const RELATIONAL: Readonly<Record<string, string>> = {
  '=': 'x === y',
  '<>': 'x !== y',
  '<': 'x < y',
  '>': 'x > y',
  '<=': 'x <= y',
  '>=': 'x >= y',
};

function callsAny(expr: Expr, functions: ReadonlyMap<string, ScalarFunction>): boolean {
  switch (expr.kind) {
    case 'unary':
      return callsAny(expr.operand, functions);
    case 'binary':
      return callsAny(expr.left, functions) || callsAny(expr.right, functions);
    case 'call':
      return functions.has(expr.key) || expr.args.some((arg) => callsAny(arg, functions));
    default:
      return false;
  }
}

function volatile(expr: Expr): boolean {
  switch (expr.kind) {
    case 'unary':
      return volatile(expr.operand);
    case 'binary':
      return volatile(expr.left) || volatile(expr.right);
    case 'call':
      return VOLATILE.has(expr.key) || expr.args.some(volatile);
    default:
      return false;
  }
}

function read(value: Value, mode: Mode): number {
  if (mode === 'truth') return isTrue(value) ? 1 : 0;
  return mode === 'number' ? toNumber(value) : numberOf(value);
}

/**
 * Whether reading `value` in `mode` loses nothing a consumer tells apart:
 * as output, a plain number or null; as an operand, null or a value that
 * reads as a number (so NaN means null); a truth is always exact.
 */
function exactIn(value: Value, mode: Mode): boolean {
  if (value === null || mode === 'truth') return true;
  if (mode === 'number') return toNumber(value) === toNumber(value);
  return typeof value === 'number' && value === value;
}

const tables = new WeakMap<
  Field,
  Map<string, { format: FormatSettings; table: Float64Array; exact: boolean }>
>();

/** An expression of one field evaluated for each of its symbols (and null at the null code), kept per field. */
function symbolTable(
  field: Field,
  expr: Expr,
  mode: Mode,
  format: FormatSettings,
): { table: Float64Array; exact: boolean } {
  const key = `${mode}|${JSON.stringify(expr, (name, value: unknown) => (name === 'start' ? undefined : value))}`;
  let byExpr = tables.get(field);
  if (!byExpr) tables.set(field, (byExpr = new Map()));
  const known = byExpr.get(key);
  if (known && known.format === format) return known;
  const symbols = symbolValues(field);
  const table = new Float64Array(symbols.length);
  let exact = true;
  let current: Value = null;
  const compiled = expr.kind === 'field' ? () => current : compileExpression(expr);
  const ctx: EvalContext = { format, field: () => current };
  for (let s = 0; s < symbols.length; s++) {
    current = symbols[s]!;
    const value = compiled(ctx);
    table[s] = read(value, mode);
    exact &&= exactIn(value, mode);
  }
  const entry = { format, table, exact };
  byExpr.set(key, entry);
  return entry;
}

function numberLiteral(num: number): string {
  if (num !== num) return 'NaN';
  if (num === Infinity) return 'Infinity';
  if (num === -Infinity) return '-Infinity';
  return Object.is(num, -0) ? '-0' : String(num);
}
