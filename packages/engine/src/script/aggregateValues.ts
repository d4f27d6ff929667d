import type { CallExpr } from '../expression/Expr.js';
import { compareTexts } from '../value/compareValues.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import { keyOf } from './ColumnBuilder.js';
import { ScriptFault } from './ScriptFault.js';

/** The per-row argument values of one aggregation call over a group: `args[i][row]`. */
export type AggregateArguments = readonly (readonly Value[])[];

/**
 * Computes an aggregation call (Sum, Count, Min, Max, Avg, Only, Concat, ...)
 * from its argument values over the rows of one group, in load order.
 */
export function aggregateValues(call: CallExpr, args: AggregateArguments): Value {
  const values = args[0] ?? [];
  const distinct = call.distinct === 'distinct';
  switch (call.key) {
    case 'SUM':
      return sum(numbersOf(distinct ? distinctOf(values) : values));
    case 'COUNT':
      return nonNull(distinct ? distinctOf(values) : values).length;
    case 'AVG': {
      const numbers = numbersOf(distinct ? distinctOf(values) : values);
      return numbers.length === 0 ? null : sum(numbers) / numbers.length;
    }
    case 'MIN':
      return extreme(numbersOf(values), (a, b) => a < b);
    case 'MAX':
      return extreme(numbersOf(values), (a, b) => a > b);
    case 'ONLY':
      return only(values);
    case 'CONCAT':
      return concat(values, args[1]?.[0], args[2], distinct);
    case 'MINSTRING':
      return extremeText(values, -1);
    case 'MAXSTRING':
      return extremeText(values, 1);
    case 'NUMERICCOUNT':
      return numbersOf(values).length;
    case 'TEXTCOUNT':
      return values.filter((v) => v !== null && Number.isNaN(toNumber(v))).length;
    case 'NULLCOUNT':
      return values.filter((v) => v === null).length;
    case 'FIRSTVALUE':
      return nonNull(values)[0] ?? null;
    case 'LASTVALUE':
      return nonNull(values).at(-1) ?? null;
    case 'MEDIAN':
      return median(numbersOf(values));
    case 'FIRSTSORTEDVALUE':
      return firstSorted(values, args[1] ?? []);
    default:
      throw new ScriptFault(
        'SCRIPT_RUNTIME',
        `${call.name}() is not supported in a script GROUP BY`,
      );
  }
}

function nonNull(values: readonly Value[]): Value[] {
  return values.filter((v) => v !== null);
}

function distinctOf(values: readonly Value[]): Value[] {
  const seen = new Set<number | string>();
  const out: Value[] = [];
  for (const v of values) {
    if (v === null) continue;
    const key = keyOf(v);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

function numbersOf(values: readonly Value[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    const n = toNumber(v);
    if (!Number.isNaN(n)) out.push(n);
  }
  return out;
}

function sum(numbers: readonly number[]): number {
  let total = 0;
  for (const n of numbers) total += n;
  return total;
}

function extreme(numbers: readonly number[], better: (a: number, b: number) => boolean): Value {
  if (numbers.length === 0) return null;
  let best = numbers[0];
  for (const n of numbers) if (better(n, best)) best = n;
  return best;
}

function only(values: readonly Value[]): Value {
  const present = distinctOf(values);
  return present.length === 1 ? present[0] : null;
}

/**
 * Concat(): texts joined by the delimiter, in alphanumeric order, or by
 * ascending sort weight when one is given (all-equal weights such as 0
 * keep load order). DISTINCT keeps each text's first occurrence.
 */
function concat(
  values: readonly Value[],
  delimiter: Value | undefined,
  weights: readonly Value[] | undefined,
  distinct: boolean,
): Value {
  const seen = new Set<string>();
  const present: { text: string; weight: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) return;
    const text = toText(v);
    if (distinct && seen.has(text)) return;
    seen.add(text);
    present.push({ text, weight: toNumber(weights?.[i] ?? null) });
  });
  if (weights) present.sort((a, b) => a.weight - b.weight);
  else present.sort((a, b) => compareTexts(a.text, b.text));
  const separator = delimiter === undefined || delimiter === null ? '' : toText(delimiter);
  return present.length === 0 ? null : present.map((e) => e.text).join(separator);
}

function extremeText(values: readonly Value[], direction: 1 | -1): Value {
  let best: Value = null;
  for (const v of values) {
    if (v === null) continue;
    if (best === null || compareTexts(toText(v), toText(best)) * direction > 0) best = v;
  }
  return best;
}

function median(numbers: number[]): Value {
  if (numbers.length === 0) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value whose weight is lowest; null when that lowest weight is shared. */
function firstSorted(values: readonly Value[], weights: readonly Value[]): Value {
  let best: Value = null;
  let bestWeight = Infinity;
  let tie = false;
  values.forEach((v, i) => {
    const w = toNumber(weights[i] ?? null);
    if (Number.isNaN(w) || v === null) return;
    if (w < bestWeight) {
      best = v;
      bestWeight = w;
      tie = false;
    } else if (w === bestWeight && keyOf(v) !== keyOf(best ?? v)) tie = true;
  });
  return tie ? null : best;
}
