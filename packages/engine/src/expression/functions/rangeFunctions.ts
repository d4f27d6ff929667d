import { compareValues } from '../../value/compareValues.js';
import { toDateSerial } from '../../value/toDateSerial.js';
import { toNumber } from '../../value/toNumber.js';
import type { Value } from '../../value/Value.js';
import {
  correlation,
  fractileExclusive,
  fractileInclusive,
  kurtosis,
  mean,
  sampleStdev,
  skewness,
  sortedNumbers,
} from '../math/descriptiveStatistics.js';
import { irr, npv, xirr, xnpv } from '../math/financialMath.js';
import { valueKey } from '../aggregations/groupReaders.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';
import { numberOrNull } from './argumentReaders.js';

/** The numbers among the arguments; texts that read as numbers count, other texts and NULL do not. */
function numbersIn(args: readonly Value[]): number[] {
  const out: number[] = [];
  for (const v of args) {
    const n = toNumber(v);
    if (!Number.isNaN(n)) out.push(n);
  }
  return out;
}

const isNumber = (v: Value) => !Number.isNaN(toNumber(v));

/** A range function of the numbers among its arguments; NULL when there are none. */
function ofNumbers(compute: (nums: number[]) => number, params = 'first_expr [, Expression]') {
  return fn(
    1,
    Infinity,
    (args) => {
      const nums = numbersIn(args);
      return nums.length === 0 ? null : numberOrNull(compute(nums));
    },
    params,
  );
}

function count(test: (v: Value) => boolean): FunctionEntry {
  return fn(1, Infinity, (args) => args.filter(test).length, 'first_expr [, Expression]');
}

/** The most frequent non-null value; NULL on a tie. */
function mode(args: readonly Value[]): Value {
  const counts = new Map<string | number, { value: Value; n: number }>();
  for (const v of args) {
    if (v === null) continue;
    const key = valueKey(v);
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { value: v, n: 1 });
  }
  let best: Value = null;
  let bestCount = 0;
  let tie = false;
  for (const { value, n } of counts.values()) {
    if (n > bestCount) [best, bestCount, tie] = [value, n, false];
    else if (n === bestCount) tie = true;
  }
  return tie ? null : best;
}

function extremeString(args: readonly Value[], sign: 1 | -1): Value {
  let best: Value = null;
  for (const v of args) {
    if (v === null) continue;
    if (best === null || sign * compareValues(v, best) < 0) best = v;
  }
  return best;
}

/** Pairs (a, b, a, b, ...) where both parts are numbers; `readSecond` reads the second part (a date). */
function pairsIn(
  args: readonly Value[],
  readSecond: (v: Value) => number = toNumber,
): [number[], number[]] {
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const a = toNumber(args[i]!);
    const b = readSecond(args[i + 1]!);
    if (!Number.isNaN(a) && !Number.isNaN(b)) {
      first.push(a);
      second.push(b);
    }
  }
  return [first, second];
}

function fractile(compute: (sorted: Float64Array, f: number) => number): FunctionEntry {
  return fn(
    2,
    Infinity,
    (args) => {
      const nums = numbersIn(args.slice(1));
      return numberOrNull(compute(sortedNumbers(nums), toNumber(args[0]!)));
    },
    'fraction, first_expr [, Expression]',
  );
}

/**
 * Range functions over their arguments: RangeSum, RangeAvg, RangeStdev,
 * RangeFractile, RangeIRR, ... Inside a chart, an inter-record function
 * with a count (`Above(Sum(X), 0, 3)`) passed to them stands for all its values.
 */
export const RANGE_FUNCTIONS = functionFamily('RNG', {
  RangeSum: fn(
    1,
    Infinity,
    (args) => numbersIn(args).reduce((s, n) => s + n, 0),
    'first_expr [, Expression]',
  ),
  RangeAvg: ofNumbers(mean),
  RangeMin: ofNumbers((nums) => Math.min(...nums)),
  RangeMax: ofNumbers((nums) => Math.max(...nums)),
  RangeProduct: ofNumbers((nums) => nums.reduce((p, n) => p * n, 1)),
  RangeStdev: ofNumbers(sampleStdev, 'first_expr [, Expression]'),
  RangeSkew: ofNumbers(skewness),
  RangeKurtosis: ofNumbers(kurtosis),
  RangeCount: count((v) => v !== null),
  RangeNumericCount: count(isNumber),
  RangeTextCount: count((v) => v !== null && !isNumber(v)),
  RangeNullCount: count((v) => v === null),
  RangeMissingCount: count((v) => !isNumber(v)),
  RangeMinString: fn(1, Infinity, (args) => extremeString(args, 1), 'first_expr [, Expression]'),
  RangeMaxString: fn(1, Infinity, (args) => extremeString(args, -1), 'first_expr [, Expression]'),
  RangeMode: fn(1, Infinity, mode, 'first_expr [, Expression]'),
  RangeOnly: fn(
    1,
    Infinity,
    (args) => {
      let found: Value = null;
      for (const v of args) {
        if (v === null) continue;
        if (found !== null && valueKey(found) !== valueKey(v)) return null;
        found = v;
      }
      return found;
    },
    'first_expr [, Expression]',
  ),
  RangeFractile: fractile(fractileInclusive),
  RangeFractileExc: fractile(fractileExclusive),
  RangeCorrel: fn(
    2,
    Infinity,
    (args) => numberOrNull(correlation(...pairsIn(args))),
    'x_value, y_value {, x_value, y_value}',
  ),
  RangeIRR: fn(1, Infinity, (args) => numberOrNull(irr(numbersIn(args))), 'value {, value}'),
  RangeNPV: fn(
    2,
    Infinity,
    (args) => numberOrNull(npv(toNumber(args[0]!), numbersIn(args.slice(1)))),
    'discount_rate, value {, value}',
  ),
  RangeXIRR: fn(
    2,
    Infinity,
    (args, ctx) => {
      const [payments, dates] = pairsIn(args, (v) => toDateSerial(v, ctx.format));
      return numberOrNull(xirr(payments, dates));
    },
    'value, date {, value, date}',
  ),
  RangeXNPV: fn(
    3,
    Infinity,
    (args, ctx) => {
      const [payments, dates] = pairsIn(args.slice(1), (v) => toDateSerial(v, ctx.format));
      return numberOrNull(xnpv(toNumber(args[0]!), payments, dates));
    },
    'discount_rate, value, date {, value, date}',
  ),
});
