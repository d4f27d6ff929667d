import type { CompiledExpression } from '../expression/CompiledExpression.js';
import { compileExpression } from '../expression/compileExpression.js';
import type { CallExpr, Expr } from '../expression/Expr.js';
import type { Value } from '../value/Value.js';
import { keyOf } from './ColumnBuilder.js';
import type { LoadContext } from './LoadContext.js';
import { ScriptFault } from './ScriptFault.js';

/** One Window() call of a LOAD: what it computes, over which partitions, and its value per row. */
export interface WindowSlot {
  readonly main: CompiledExpression;
  /** Whether the main expression aggregates; if not, it is read as Only() of it. */
  readonly aggregates: boolean;
  /** Source positions of the partition fields. */
  readonly partitions: readonly number[];
  /** The value of each buffered row, set once the whole table is read. */
  values: Value[];
}

function aggregates(expr: Expr): boolean {
  switch (expr.kind) {
    case 'call':
      return expr.aggregation || expr.args.some(aggregates);
    case 'unary':
      return aggregates(expr.operand);
    case 'binary':
      return aggregates(expr.left) || aggregates(expr.right);
    default:
      return false;
  }
}

/**
 * Window(main_expr [, partition1, partition2, ...]) as the Window page
 * describes it: main_expr computed over the rows that share the current
 * row's partition fields (the whole table without any), one value per row.
 * The sort, filter and frame arguments are refused as not implemented.
 */
export function windowSlotOf(call: CallExpr, positions: ReadonlyMap<string, number>): WindowSlot {
  const [main, ...rest] = call.args;
  if (!main) throw new ScriptFault('SCRIPT_SYNTAX', 'Window() needs an expression', call.start);
  // The Window page: "nested window functions ... are not allowed".
  if (containsWindow(main))
    throw new ScriptFault('SCRIPT_SYNTAX', 'Window() may not contain another Window()', call.start);
  const partitions = rest.map((arg) => {
    if (arg.kind !== 'field')
      throw new ScriptFault(
        'SCRIPT_NOT_SUPPORTED',
        'Window(): only partition fields are implemented; sort_type, sort_expr, filter_expr and start_expr/end_expr are not',
        arg.start,
      );
    const at = positions.get(arg.name);
    if (at === undefined)
      throw new ScriptFault(
        'SCRIPT_FIELD_NOT_FOUND',
        `Window() partition field '${arg.name}' is not in the source`,
        arg.start,
      );
    return at;
  });
  return { main: compileExpression(main), aggregates: aggregates(main), partitions, values: [] };
}

function containsWindow(expr: Expr): boolean {
  switch (expr.kind) {
    case 'call':
      return expr.key === 'WINDOW' || expr.args.some(containsWindow);
    case 'unary':
      return containsWindow(expr.operand);
    case 'binary':
      return containsWindow(expr.left) || containsWindow(expr.right);
    default:
      return false;
  }
}

/** The key of a row's partition. */
function partitionKey(row: readonly Value[], partitions: readonly number[]): string {
  return partitions
    .map((at) => {
      const value = row[at] ?? null;
      if (value === null) return '\u0000';
      const key = keyOf(value);
      return typeof key === 'number' ? `n${key}` : `s${key}`;
    })
    .join('\u0001');
}

/**
 * Computes every window of a LOAD over its buffered rows. `ctx.aggregate`
 * must aggregate over `ctx.groupRows`, as under GROUP BY.
 */
export function computeWindows(
  slots: readonly WindowSlot[],
  rows: readonly (readonly Value[])[],
  ctx: LoadContext,
): void {
  for (const slot of slots) {
    const byPartition = new Map<string, number[]>();
    rows.forEach((row, i) => {
      const key = partitionKey(row, slot.partitions);
      const members = byPartition.get(key);
      if (members) members.push(i);
      else byPartition.set(key, [i]);
    });
    slot.values = new Array<Value>(rows.length).fill(null);
    for (const members of byPartition.values()) {
      const value = slot.aggregates
        ? aggregateOver(slot, members, rows, ctx)
        : onlyOver(slot, members, rows, ctx);
      for (const i of members) slot.values[i] = value;
    }
  }
  ctx.groupRows = undefined;
}

function aggregateOver(
  slot: WindowSlot,
  members: readonly number[],
  rows: readonly (readonly Value[])[],
  ctx: LoadContext,
): Value {
  ctx.groupRows = members.map((i) => rows[i]!);
  ctx.row = ctx.groupRows[0]!;
  return slot.main(ctx);
}

/** Only() of a plain expression: its value when every row of the partition has the same, else NULL. */
function onlyOver(
  slot: WindowSlot,
  members: readonly number[],
  rows: readonly (readonly Value[])[],
  ctx: LoadContext,
): Value {
  let only: Value = null;
  let onlyKey: unknown;
  for (const i of members) {
    ctx.row = rows[i]!;
    const value = slot.main(ctx);
    if (value === null) continue;
    const key = keyOf(value);
    if (onlyKey === undefined) {
      only = value;
      onlyKey = key;
    } else if (key !== onlyKey) return null;
  }
  return only;
}
