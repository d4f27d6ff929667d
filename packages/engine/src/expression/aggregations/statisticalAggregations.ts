import type { Value } from '../../value/Value.js';
import {
  correlation,
  fractileExclusive,
  fractileInclusive,
  kurtosis,
  linearFit,
  type LinearFit,
  mean,
  sampleStdev,
  skewness,
  sortedNumbers,
  standardError,
} from '../math/descriptiveStatistics.js';
import type { AggregationGroup, AggregationSpec } from './AggregationSpec.js';
import { constant, defineAggregation, row } from './defineAggregation.js';
import { constantNumber, numberResult, numbersOf, numericRows } from './groupReaders.js';

/** An aggregation of the numbers of its one argument. */
function ofNumbers(
  name: string,
  compute: (nums: Float64Array) => number,
  options: { distinct?: boolean } = {},
): AggregationSpec {
  return defineAggregation(
    name,
    'statistical',
    [row('expr')],
    ({ columns }) => numberResult(compute(numbersOf(columns[0]!))),
    options,
  );
}

/** An aggregation of a fraction of the sorted numbers. */
function ofFraction(name: string, compute: (sorted: Float64Array, f: number) => number) {
  return defineAggregation(
    name,
    'statistical',
    [row('expr'), constant('fraction', false)],
    ({ columns, constants }) =>
      numberResult(
        compute(sortedNumbers(numbersOf(columns[0]!)), constantNumber(constants[0], NaN)),
      ),
  );
}

/** The y and x series of a paired aggregation, over the records where both are numbers. */
function pairs(group: AggregationGroup): { ys: Float64Array; xs: Float64Array } {
  const [ys, xs] = numericRows([group.columns[0]!, group.columns[1]!]);
  return { ys: ys!, xs: xs! };
}

/** STEYX: the standard error of the y estimated from x in a linear regression. */
function steyx(group: AggregationGroup): Value {
  const { ys, xs } = pairs(group);
  return numberResult(linearFit(xs, ys)?.sey ?? NaN);
}

const LINEST_RESULTS: readonly [suffix: string, read: (fit: LinearFit) => number][] = [
  ['B', (fit) => fit.b],
  ['DF', (fit) => fit.df],
  ['F', (fit) => fit.f],
  ['M', (fit) => fit.m],
  ['R2', (fit) => fit.r2],
  ['SEB', (fit) => fit.seb],
  ['SEM', (fit) => fit.sem],
  ['SEY', (fit) => fit.sey],
  ['SSREG', (fit) => fit.ssreg],
  ['SSRESID', (fit) => fit.ssresid],
];

/** LINEST_*(y, x [, y0 [, x0]]): one statistic of the least-squares line. */
function linest(suffix: string, read: (fit: LinearFit) => number): AggregationSpec {
  const name = `LINEST_${suffix === 'DF' || suffix === 'F' ? suffix.toLowerCase() : suffix}`;
  return defineAggregation(
    name,
    'statistical',
    [row('y_value'), row('x_value'), constant('y0_const'), constant('x0_const')],
    (group) => {
      const { ys, xs } = pairs(group);
      const y0 = group.constants[0];
      const x0 = group.constants[1];
      const fit = linearFit(
        xs,
        ys,
        y0 === undefined || y0 === null ? undefined : constantNumber(y0, 0),
        constantNumber(x0, 0),
      );
      return numberResult(fit ? read(fit) : NaN);
    },
  );
}

/** Statistical aggregation functions: Avg, Median, Fractile, Stdev, Skew, Correl, LINEST_*, ... */
export const STATISTICAL_AGGREGATIONS: readonly AggregationSpec[] = [
  defineAggregation(
    'Avg',
    'statistical',
    [row('expr')],
    ({ columns }) => numberResult(mean(numbersOf(columns[0]!))),
    { columnar: 'avg' },
  ),
  ofNumbers('Median', (nums) => fractileInclusive(sortedNumbers(nums), 0.5), { distinct: false }),
  ofFraction('Fractile', fractileInclusive),
  ofFraction('FractileExc', fractileExclusive),
  ofNumbers('Stdev', sampleStdev),
  ofNumbers('Sterr', standardError),
  ofNumbers('Skew', skewness),
  ofNumbers('Kurtosis', kurtosis),
  defineAggregation('Correl', 'statistical', [row('value1'), row('value2')], (group) => {
    const { ys, xs } = pairs(group);
    return numberResult(correlation(ys, xs));
  }),
  defineAggregation('STEYX', 'statistical', [row('y_value'), row('x_value')], steyx),
  ...LINEST_RESULTS.map(([suffix, read]) => linest(suffix, read)),
];
