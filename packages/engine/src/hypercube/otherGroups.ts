import { numberOf } from '../aggregate/valueParts.js';
import type { Value } from '../value/Value.js';
import type { NxDimension } from './QixShapes.js';

/** The dimension key of an Others row (its cells have qElemNumber -3). */
export const OTHER_KEY = -3;

/** What grouping into Others needs from the hypercube being computed. */
export interface OtherSource {
  readonly dimensions: readonly NxDimension[];
  /** Whether dimension d is a model field (Others needs one: its values are selected to compute them). */
  isField(d: number): boolean;
  /** Dimension d's symbol in group g (-1 null). */
  key(g: number, d: number): number;
  /** Per measure, the value of each group. */
  readonly measureValues: readonly (readonly Value[])[];
  /** Measure m aggregated per combination of the first `depth` dimensions, looked up by their symbols. */
  levelValues(depth: number, m: number): (symbols: ArrayLike<number>) => Value;
  /** An expression (a ValueExpr, an `=` label) over the chart's records. */
  evaluate(expression: string): Value;
  /** The measures over the chart's records restricted to these symbols per dimension (absent: no restriction). */
  restrictedMeasures(restrictions: ReadonlyMap<number, readonly number[]>): Value[];
  /** Whether a row with these measure values is suppressed (qSuppressZero, qSuppressMissing). */
  suppressed(values: readonly Value[]): boolean;
}

/** The rows of a hypercube after grouping into Others, in display order. */
export interface GroupedRows {
  /** Per dimension, the key of each row: a symbol, -1 null, OTHER_KEY. */
  readonly keys: Int32Array[];
  /** Per measure, the value of each row. */
  readonly values: Value[][];
  /** Per dimension, the symbols that some Others row stands for (what selecting it selects). */
  readonly otherSymbols: Set<number>[];
  /** Per dimension, the label of its Others cells. */
  readonly otherLabels: string[];
}

interface Row {
  readonly keys: number[];
  /** The group the row is, or -1 for a merged Others row. */
  readonly group: number;
  /** Per dimension, the values an OTHER_KEY stands for in this row (restricting its measures). */
  readonly otherSets: (readonly number[] | undefined)[];
}

type Spec = NonNullable<NxDimension['qOtherTotalSpec']>;

/**
 * Applies each dimension's limits (`qOtherTotalSpec`): within the rows that
 * share the outer dimensions' values (all rows with qGlobalOtherGrouping),
 * the values that the mode leaves out become one Others row, its measures
 * aggregated over all their records, placed after the rows it sits beside.
 * Modes: OTHER_COUNTED keeps the first qOtherCounted values ranked by
 * qOtherSortMode; OTHER_ABS_LIMITED and OTHER_REL_LIMITED keep values whose
 * measure (or share of the total) passes qOtherLimit by qOtherLimitMode;
 * OTHER_ABS_ACC_TARGET and OTHER_REL_ACC_TARGET keep values until their
 * accumulated sum (or share) reaches the limit. The ranking measure is the
 * one qReferencedExpression names (its index or label), else the first.
 */
export function groupOthers(order: readonly number[], source: OtherSource): GroupedRows {
  const dims = source.dimensions.length;
  let rows: Row[] = order.map((group) => ({
    keys: Array.from({ length: dims }, (_, d) => source.key(group, d)),
    group,
    otherSets: new Array(dims).fill(undefined),
  }));
  const otherSymbols = Array.from({ length: dims }, () => new Set<number>());
  for (let d = 0; d < dims; d++) {
    const spec = source.dimensions[d]!.qOtherTotalSpec;
    if (!spec || (spec.qOtherMode ?? 'OTHER_OFF') === 'OTHER_OFF' || !source.isField(d)) continue;
    rows = limitDimension(rows, d, spec, source, otherSymbols[d]!);
  }
  const values = source.measureValues.map(() => [] as Value[]);
  const kept = rows.filter((row) => {
    const rowValues =
      row.group >= 0
        ? source.measureValues.map((column) => column[row.group]!)
        : source.restrictedMeasures(restrictionsOf(row));
    if (row.group < 0 && source.suppressed(rowValues)) return false;
    rowValues.forEach((value, m) => values[m]!.push(value));
    return true;
  });
  return {
    keys: Array.from({ length: dims }, (_, d) => Int32Array.from(kept, (row) => row.keys[d]!)),
    values,
    otherSymbols,
    otherLabels: source.dimensions.map((dimension) => otherLabel(dimension, source)),
  };
}

function limitDimension(
  rows: readonly Row[],
  d: number,
  spec: Spec,
  source: OtherSource,
  otherSymbols: Set<number>,
): Row[] {
  const global = spec.qGlobalOtherGrouping === true;
  const rank = rankOf(d, spec, source);
  // The values of dimension d in each partition, in row order, with their ranking value.
  const partitions = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const symbol = row.keys[d]!;
    if (symbol < 0) continue;
    const key = global ? '' : prefixKey(row.keys, d);
    let values = partitions.get(key);
    if (!values) partitions.set(key, (values = new Map()));
    if (!values.has(symbol)) values.set(symbol, rank(row));
  }
  const othersOf = new Map<string, number[]>();
  for (const [key, values] of partitions) {
    const kept = keptValues([...values], spec, source);
    const others = [...values.keys()].filter((symbol) => !kept.has(symbol));
    if (others.length === 0) continue;
    othersOf.set(key, others);
    for (const symbol of others) otherSymbols.add(symbol);
  }
  if (othersOf.size === 0) return [...rows];
  const collapse = spec.qOtherCollapseInnerDimensions === true;
  const out: Row[] = [];
  const merged = new Map<string, Row>();
  const lastOfPrefix = new Map<string, number>();
  const pending: { row: Row; prefix: string }[] = [];
  for (const row of rows) {
    const partition = global ? '' : prefixKey(row.keys, d);
    const others = othersOf.get(partition);
    if (!others || row.keys[d]! < 0 || !others.includes(row.keys[d]!)) {
      lastOfPrefix.set(prefixKey(row.keys, d), out.length);
      out.push(row);
      continue;
    }
    const keys = row.keys.map((key, j) => (j === d || (collapse && j > d) ? OTHER_KEY : key));
    const id = keys.join(',');
    if (spec.qSuppressOther === true || merged.has(id)) continue;
    const otherSets = row.otherSets.map((set, j) =>
      j === d ? others : collapse && j > d ? undefined : set,
    );
    const mergedRow: Row = { keys, group: -1, otherSets };
    merged.set(id, mergedRow);
    pending.push({ row: mergedRow, prefix: prefixKey(keys, d) });
  }
  // Each Others row goes after the last row it shares the outer values with (at the end when none).
  const inserts = new Map<number, Row[]>();
  for (const { row, prefix } of pending) {
    const at = lastOfPrefix.get(prefix) ?? out.length - 1;
    const list = inserts.get(at) ?? [];
    list.push(row);
    inserts.set(at, list);
  }
  const result: Row[] = inserts.get(-1) ?? [];
  out.forEach((row, index) => {
    result.push(row);
    result.push(...(inserts.get(index) ?? []));
  });
  return result;
}

/** The ranking value of a row's dimension-d value: its referenced measure at the level of dimension d. */
function rankOf(d: number, spec: Spec, source: OtherSource): (row: Row) => number {
  const m = referencedMeasure(spec, source);
  if (m < 0) return () => NaN;
  const last = d === source.dimensions.length - 1;
  if (last) {
    const column = source.measureValues[m]!;
    return (row) => (row.group >= 0 ? numberOf(column[row.group]!) : NaN);
  }
  const lookup = source.levelValues(d + 1, m);
  return (row) => numberOf(lookup(row.keys.slice(0, d + 1)));
}

function referencedMeasure(spec: Spec, source: OtherSource): number {
  const count = source.measureValues.length;
  if (count === 0) return -1;
  const named = (spec.qReferencedExpression?.qv ?? '').trim();
  if (named === '') return 0;
  const index = Number(named);
  if (Number.isInteger(index) && index >= 0 && index < count) return index;
  return 0;
}

/** The values of one partition that the mode keeps. */
function keptValues(values: [number, number][], spec: Spec, source: OtherSource): Set<number> {
  const mode = spec.qOtherMode;
  if (mode === 'OTHER_COUNTED') {
    const count = Math.max(0, Math.floor(numberOf(source.evaluate(spec.qOtherCounted?.qv ?? '0'))));
    return new Set(ranked(values, spec).slice(0, Number.isNaN(count) ? values.length : count));
  }
  const limit = numberOf(source.evaluate(spec.qOtherLimit?.qv ?? '0'));
  const passes = comparison(spec.qOtherLimitMode ?? 'OTHER_GT_LIMIT', limit);
  const keepBad = spec.qForceBadValueKeeping !== false;
  const total = values.reduce((sum, [, value]) => (Number.isNaN(value) ? sum : sum + value), 0);
  const relative = mode === 'OTHER_REL_LIMITED' || mode === 'OTHER_REL_ACC_TARGET';
  const scaled = (value: number) => (relative ? (total === 0 ? NaN : value / total) : value);
  const kept = new Set<number>();
  if (mode === 'OTHER_ABS_LIMITED' || mode === 'OTHER_REL_LIMITED') {
    for (const [symbol, value] of values)
      if (Number.isNaN(value) ? keepBad : passes(scaled(value))) kept.add(symbol);
    return kept;
  }
  // Accumulated to a target: values in ranking order until the running sum meets the limit.
  let sum = 0;
  for (const symbol of ranked(values, spec)) {
    const value = values.find(([each]) => each === symbol)![1];
    if (Number.isNaN(value)) {
      if (keepBad) kept.add(symbol);
      continue;
    }
    if (passes(scaled(sum))) break;
    kept.add(symbol);
    sum += value;
  }
  return kept;
}

/** Symbols in ranking order: descending or ascending by value (non-numbers last), or as the rows come. */
function ranked(values: [number, number][], spec: Spec): number[] {
  const mode = spec.qOtherSortMode ?? 'OTHER_SORT_DESCENDING';
  if (mode === 'OTHER_SORT_DEFAULT') return values.map(([symbol]) => symbol);
  const direction = mode === 'OTHER_SORT_ASCENDING' ? 1 : -1;
  return [...values]
    .sort(([, a], [, b]) => {
      if (Number.isNaN(a) || Number.isNaN(b))
        return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
      return direction * (a - b);
    })
    .map(([symbol]) => symbol);
}

function comparison(mode: string, limit: number): (value: number) => boolean {
  switch (mode) {
    case 'OTHER_GE_LIMIT':
      return (value) => value >= limit;
    case 'OTHER_LE_LIMIT':
      return (value) => value <= limit;
    case 'OTHER_LT_LIMIT':
      return (value) => value < limit;
    default:
      return (value) => value > limit;
  }
}

function restrictionsOf(row: Row): Map<number, readonly number[]> {
  const restrictions = new Map<number, readonly number[]>();
  row.keys.forEach((key, d) => {
    if (key >= 0) restrictions.set(d, [key]);
    else if (key === OTHER_KEY && row.otherSets[d]) restrictions.set(d, row.otherSets[d]!);
  });
  return restrictions;
}

function prefixKey(keys: readonly number[], d: number): string {
  return keys.slice(0, d).join(',');
}

/** The label of a dimension's Others cells: qOtherLabel (a text, or an `=` expression), 'Others' by default. */
function otherLabel(dimension: NxDimension, source: OtherSource): string {
  const raw = dimension.qOtherLabel as unknown;
  const text = typeof raw === 'string' ? raw : ((raw as { qv?: unknown } | undefined)?.qv ?? '');
  if (typeof text !== 'string' || text.trim() === '') return 'Others';
  if (!text.trim().startsWith('=')) return text;
  const value = source.evaluate(text.trim().slice(1));
  return value === null ? '' : typeof value === 'object' ? value.text : String(value);
}
