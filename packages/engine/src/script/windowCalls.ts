import type { CompiledExpression } from '../expression/CompiledExpression.js';
import { compileExpression } from '../expression/compileExpression.js';
import type { CallExpr } from '../expression/Expr.js';
import type { Value } from '../value/Value.js';
import { keyOf } from './ColumnBuilder.js';
import type { LoadContext } from './LoadContext.js';
import { hasCall } from './hasCall.js';
import { rowValuesKey } from './rowValuesKey.js';
import { ScriptFault } from './ScriptFault.js';

const isWindow = (call: CallExpr): boolean => call.key === 'WINDOW';

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
  if (hasCall(main, isWindow))
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
  return {
    main: compileExpression(main),
    aggregates: hasCall(main, (c) => c.aggregation),
    partitions,
    values: [],
  };
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
      const key = rowValuesKey(row, slot.partitions);
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
