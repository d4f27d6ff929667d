import type { ChartFunctionSpec } from '../expression/chartFunctions.js';
import type { CallExpr, Expr } from '../expression/Expr.js';
import { describeArity } from '../expression/aggregations/checkAggregationCall.js';
import { ExpressionError } from '../expression/ExpressionError.js';
import { Dual, type Value } from '../value/Value.js';
import type { ChartRows, RowAxis } from './ChartRows.js';
import { numberOf } from './valueParts.js';

/** Per group: the function's value, or the values of its range when it was given a count. */
export type ChartFunctionResult = Value | readonly Value[];

/**
 * Computes a chart inter-record or ranking function for every group of a
 * chart: `evaluate` gives an argument's value per group; `rows` says how
 * the groups are laid out (undefined for the totals row, where these
 * functions have no rows to read and answer NULL).
 */
export function chartFunctionValues(
  call: CallExpr,
  spec: ChartFunctionSpec,
  groupCount: number,
  rows: ChartRows | undefined,
  evaluate: (expr: Expr) => readonly Value[],
): ChartFunctionResult[] {
  if (call.args.length < spec.min || call.args.length > spec.max) {
    throw new ExpressionError(
      'EXPRESSION_BAD_ARGUMENTS',
      `${spec.name}() takes ${describeArity(spec.min, spec.max)}, not ${call.args.length}`,
    );
  }
  if (spec.kind === 'dimensionality' || spec.kind === 'secondaryDimensionality') {
    const n = !rows
      ? 0
      : spec.kind === 'dimensionality'
        ? rows.dimensionality
        : rows.secondaryDimensionality;
    return new Array<Value>(groupCount).fill(n);
  }
  const axis = rows && axisOf(rows, spec, call.total !== undefined);
  if (!rows || (!axis && spec.kind !== 'column')) return new Array<Value>(groupCount).fill(null);
  switch (spec.kind) {
    case 'position':
      return perGroup(groupCount, (g) => {
        const at = axis!.locate(g);
        return at ? at.index - at.start + 1 : null;
      });
    case 'count':
      return perGroup(groupCount, (g) => {
        const at = axis!.locate(g);
        return at ? at.end - at.start : null;
      });
    case 'column': {
      const numbers = evaluate(call.args[0]!);
      return perGroup(
        groupCount,
        (g) => rows.measure(Math.trunc(numberOf(numbers[g]!)))?.[g] ?? null,
      );
    }
    case 'rank':
      return ranks(call, axis!, groupCount, evaluate);
    default:
      return offsets(call, spec, axis!, groupCount, evaluate);
  }
}

function axisOf(rows: ChartRows, spec: ChartFunctionSpec, total: boolean): RowAxis | undefined {
  if (spec.axis === 'vertical') return total ? rows.verticalTotal : rows.vertical;
  if (spec.axis === 'horizontal') return total ? rows.horizontalTotal : rows.horizontal;
  return undefined;
}

function perGroup(
  count: number,
  value: (group: number) => ChartFunctionResult,
): ChartFunctionResult[] {
  const out: ChartFunctionResult[] = new Array(count);
  for (let g = 0; g < count; g++) out[g] = value(g);
  return out;
}

/**
 * Above/Below/Before/After (offset from the row), Top/First (from the
 * segment's first row) and Bottom/Last (from its last): the expression at
 * that row, or with a count the values of `count` rows from there on,
 * counting away from the starting row (up for Above and Bottom).
 */
function offsets(
  call: CallExpr,
  spec: ChartFunctionSpec,
  axis: RowAxis,
  groupCount: number,
  evaluate: (expr: Expr) => readonly Value[],
): ChartFunctionResult[] {
  const [exprArg, offsetArg, countArg] = call.args;
  const inner = evaluate(exprArg!);
  const offsets = offsetArg ? evaluate(offsetArg) : undefined;
  const counts = countArg ? evaluate(countArg) : undefined;
  const defaultOffset = spec.kind === 'offset' ? 1 : 0;
  return perGroup(groupCount, (g) => {
    const at = axis.locate(g);
    const offset = offsets ? Math.trunc(numberOf(offsets[g]!)) : defaultOffset;
    const count = counts ? Math.trunc(numberOf(counts[g]!)) : 1;
    if (!at || Number.isNaN(offset) || Number.isNaN(count)) return counts ? [] : null;
    let row: number;
    let step: number;
    if (spec.kind === 'offset') {
      row = at.index - spec.direction! * offset;
      step = -spec.direction! * Math.sign(offset || 1);
    } else if (spec.kind === 'top') {
      row = at.start + offset;
      step = 1;
    } else {
      row = at.end - 1 - offset;
      step = -1;
    }
    // A place outside the segment, or an empty pivot cell, has no value.
    const valueAt = (r: number): Value | undefined => {
      const member = r >= at.start && r < at.end ? axis.members[r]! : -1;
      return member < 0 ? undefined : inner[member]!;
    };
    if (!counts) return valueAt(row) ?? null;
    const range: Value[] = [];
    for (let k = 0; k < count; k++, row += step) {
      const value = valueAt(row);
      if (value !== undefined) range.push(value);
    }
    return range;
  });
}

/**
 * Rank(expr [, mode [, fmt]]): the row's rank by descending value within
 * its segment (1 for the highest), with Qlik's modes for rows that share a
 * value (0 low/high/middle by where the group falls, 1 lowest, 2 average,
 * 3 highest, 4 lowest then counting) and formats for the text (0 'low -
 * high', 1 low, 2 low on the group's first row and blank after).
 */
function ranks(
  call: CallExpr,
  axis: RowAxis,
  groupCount: number,
  evaluate: (expr: Expr) => readonly Value[],
): ChartFunctionResult[] {
  const [exprArg, modeArg, formatArg] = call.args;
  const values = evaluate(exprArg!);
  const modes = modeArg ? evaluate(modeArg) : undefined;
  const formats = formatArg ? evaluate(formatArg) : undefined;
  const out: Value[] = new Array<Value>(groupCount).fill(null);
  const done = new Uint8Array(axis.members.length);
  for (let i = 0; i < axis.members.length; i++) {
    if (done[i]) continue;
    const start = axis.segmentStart[i]!;
    const end = axis.segmentEnd[i]!;
    for (let m = start; m < end; m++) done[m] = 1;
    rankSegment(axis.members.subarray(start, end), values, modes, formats, out);
  }
  return out;
}

function rankSegment(
  members: Int32Array,
  values: readonly Value[],
  modes: readonly Value[] | undefined,
  formats: readonly Value[] | undefined,
  out: Value[],
): void {
  // Highest first; a stable sort keeps rows sharing a value in display order.
  const ranked = Array.from(members)
    .filter((g) => g >= 0)
    .map((g) => ({ g, v: numberOf(values[g]!) }))
    .filter((entry) => entry.v === entry.v)
    .sort((a, b) => b.v - a.v);
  const n = ranked.length;
  const middle = (n + 1) / 2;
  for (let runStart = 0; runStart < n;) {
    let runEnd = runStart + 1;
    while (runEnd < n && ranked[runEnd]!.v === ranked[runStart]!.v) runEnd++;
    const low = runStart + 1;
    const high = runEnd;
    for (let k = runStart; k < runEnd; k++) {
      const g = ranked[k]!.g;
      const mode = modes ? numberOf(modes[g]!) : 0;
      const format = formats ? numberOf(formats[g]!) : 0;
      const num = rankNumber(mode, low, high, k - runStart, middle, n);
      const text = low === high ? String(low) : rankText(format, low, high, k === runStart);
      out[g] = text === String(num) ? num : new Dual(text, num);
    }
    runStart = runEnd;
  }
}

function rankNumber(
  mode: number,
  low: number,
  high: number,
  order: number,
  middle: number,
  n: number,
): number {
  if (mode === 1) return low;
  if (mode === 2) return (low + high) / 2;
  if (mode === 3) return high;
  if (mode === 4) return low + order;
  if (high < middle) return low;
  if (low > middle) return high;
  return (1 + n) / 2;
}

function rankText(format: number, low: number, high: number, first: boolean): string {
  if (format === 1) return String(low);
  if (format === 2) return first ? String(low) : '';
  return `${low} - ${high}`;
}
