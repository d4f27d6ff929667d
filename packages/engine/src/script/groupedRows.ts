import type { CompiledExpression } from '../expression/CompiledExpression.js';
import { compileExpression } from '../expression/compileExpression.js';
import type { CallExpr } from '../expression/Expr.js';
import type { Value } from '../value/Value.js';
import { aggregateValues } from './aggregateValues.js';
import { keyOf } from './ColumnBuilder.js';
import type { LoadContext } from './LoadContext.js';
import { rowValuesKey } from './rowValuesKey.js';
import { ScriptFault } from './ScriptFault.js';
import { computeWindows } from './windowCalls.js';

// The LOADs that write their rows only after reading the whole source:
// GROUP BY (a row per group) and Window() (a value per row from its partition).

/** Collects the rows of each GROUP BY group, groups in first-seen order. */
export class GroupCollector {
  readonly groups = new Map<string | number, (readonly Value[])[]>();
  private readonly keyPositions: number[];

  constructor(fields: readonly string[], positions: ReadonlyMap<string, number>) {
    this.keyPositions = fields.map((name) => {
      const at = positions.get(name);
      if (at === undefined)
        throw new ScriptFault(
          'SCRIPT_FIELD_NOT_FOUND',
          `GROUP BY field '${name}' is not in the source`,
        );
      return at;
    });
  }

  add(row: readonly Value[]): void {
    const key = this.keyOf(row);
    const rows = this.groups.get(key);
    if (rows) rows.push(row);
    else this.groups.set(key, [row]);
  }

  private keyOf(row: readonly Value[]): string | number {
    if (this.keyPositions.length === 1) {
      const value = row[this.keyPositions[0]] ?? null;
      return value === null ? '\u0000null' : typeof value === 'object' ? keyOf(value) : value;
    }
    return rowValuesKey(row, this.keyPositions);
  }
}

/** Computes the LOAD's windows over its rows, then writes the rows in their order. */
export function writeWindowed(
  rows: readonly (readonly Value[])[],
  recNos: readonly number[],
  ctx: LoadContext,
  write: (row: readonly Value[]) => void,
): void {
  ctx.aggregate = groupAggregator(ctx);
  computeWindows(ctx.windows, rows, ctx);
  ctx.aggregate = undefined;
  rows.forEach((row, i) => {
    ctx.row = row;
    ctx.recNo = recNos[i]!;
    ctx.windowRow = i;
    write(row);
  });
}

/** Aggregates a call over `ctx.groupRows`, each call's arguments compiled once. */
function groupAggregator(ctx: LoadContext): (call: CallExpr) => Value {
  const argumentCache = new Map<CallExpr, CompiledExpression[]>();
  return (call) => {
    let compiled = argumentCache.get(call);
    if (!compiled) {
      compiled = call.args.map((arg) => compileExpression(arg));
      argumentCache.set(call, compiled);
    }
    return aggregateOverGroup(call, compiled, ctx);
  };
}

/** Writes a row per GROUP BY group, its aggregations over the group's rows. */
export function writeGroups(
  groups: GroupCollector,
  ctx: LoadContext,
  write: (row: readonly Value[]) => void,
): void {
  ctx.aggregate = groupAggregator(ctx);
  for (const rows of groups.groups.values()) {
    ctx.groupRows = rows;
    ctx.row = rows[0];
    write(rows[0]);
  }
  ctx.groupRows = undefined;
  ctx.aggregate = undefined;
}

function aggregateOverGroup(
  call: CallExpr,
  args: readonly CompiledExpression[],
  ctx: LoadContext,
): Value {
  const rows = ctx.groupRows ?? [ctx.row];
  const saved = ctx.row;
  const values = args.map((arg) =>
    rows.map((row) => {
      ctx.row = row;
      return arg(ctx);
    }),
  );
  ctx.row = saved;
  return aggregateValues(call, values);
}
