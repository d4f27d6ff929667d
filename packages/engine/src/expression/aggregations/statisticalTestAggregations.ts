import { isTrue } from '../../value/truth.js';
import { chiDist, normalInv, tDist, tInvUpper } from '../math/distributions.js';
import { erfc } from '../math/specialFunctions.js';
import type { AggregationGroup, AggregationParam, AggregationSpec } from './AggregationSpec.js';
import { constant, defineAggregation, row } from './defineAggregation.js';
import { constantNumber, numberOf, numberResult, valueKey } from './groupReaders.js';

/** A weighted sample's size, mean and sample variance. */
interface Sample {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

function sampleOf(values: readonly number[], weights: readonly number[]): Sample {
  let n = 0;
  let sum = 0;
  values.forEach((v, i) => {
    n += weights[i]!;
    sum += weights[i]! * v;
  });
  const mean = sum / n;
  let squares = 0;
  values.forEach((v, i) => (squares += weights[i]! * (v - mean) * (v - mean)));
  return { n, mean, variance: n > 1 ? squares / (n - 1) : NaN };
}

/** What every t- and z-test derives its results from. */
interface TestStatistic {
  readonly dif: number;
  readonly sterr: number;
  /** Degrees of freedom (t-tests only). */
  readonly df: number;
}

/** The numeric (weight, group, value) records of a group; weight 1 and one group when absent. */
function records(
  group: AggregationGroup,
  layout: { weight: boolean; grp: boolean },
): { weight: number; grp: string | number; value: number }[] {
  const { columns } = group;
  let c = 0;
  const weights = layout.weight ? columns[c++]! : undefined;
  const groups = layout.grp ? columns[c++]! : undefined;
  const values = columns[c]!;
  const out: { weight: number; grp: string | number; value: number }[] = [];
  values.forEach((v, i) => {
    const value = numberOf(v);
    const weight = weights ? numberOf(weights[i]) : 1;
    const grp = groups ? groups[i] : 0;
    if (value !== value || weight !== weight || grp === null || grp === undefined) return;
    out.push({ weight, grp: valueKey(grp), value });
  });
  return out;
}

/** One sample against 0 (TTest1, TTest1w, ZTest, ZTestw). */
function oneSample(
  group: AggregationGroup,
  weighted: boolean,
  sigma: number | undefined,
): TestStatistic {
  const rows = records(group, { weight: weighted, grp: false });
  const s = sampleOf(
    rows.map((r) => r.value),
    rows.map((r) => r.weight),
  );
  const sd = sigma ?? Math.sqrt(s.variance);
  return { dif: s.mean, sterr: sd / Math.sqrt(s.n), df: s.n - 1 };
}

/** Two independent samples, the first group met minus the second (TTest, TTestw). */
function twoSamples(group: AggregationGroup, weighted: boolean, equalVariance: boolean) {
  const rows = records(group, { weight: weighted, grp: true });
  const keys = [...new Set(rows.map((r) => r.grp))];
  if (keys.length !== 2) return undefined;
  const [a, b] = keys.map((key) => {
    const members = rows.filter((r) => r.grp === key);
    return sampleOf(
      members.map((r) => r.value),
      members.map((r) => r.weight),
    );
  }) as [Sample, Sample];
  const dif = a.mean - b.mean;
  if (equalVariance) {
    const df = a.n + b.n - 2;
    const pooled = ((a.n - 1) * a.variance + (b.n - 1) * b.variance) / df;
    return { dif, sterr: Math.sqrt(pooled * (1 / a.n + 1 / b.n)), df };
  }
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return { dif, sterr: Math.sqrt(va + vb), df };
}

type Output = 'conf' | 'df' | 'dif' | 'lower' | 'sig' | 'sterr' | 'stat' | 'upper';

/** One output of a test, with `sig` the one-tail significance for the confidence interval. */
function outputOf(stat: TestStatistic, output: Output, z: boolean, sig: number): number {
  const value = stat.dif / stat.sterr;
  const quantile = () => (z ? normalInv(1 - sig) : tInvUpper(sig, stat.df));
  switch (output) {
    case 'dif':
      return stat.dif;
    case 'sterr':
      return stat.sterr;
    case 'df':
      return stat.df;
    case 'stat':
      return value;
    case 'sig':
      return z ? erfc(Math.abs(value) / Math.SQRT2) : tDist(Math.abs(value), stat.df, 2);
    case 'conf':
      return quantile() * stat.sterr;
    case 'lower':
      return stat.dif - quantile() * stat.sterr;
    case 'upper':
      return stat.dif + quantile() * stat.sterr;
  }
}

const INTERVAL_OUTPUTS: ReadonlySet<Output> = new Set(['conf', 'lower', 'upper']);

/** The t-test variants: two samples (TTest, TTestw) or one (TTest1, TTest1w), weighted or not. */
function tTest(prefix: string, weighted: boolean, twoSample: boolean, output: Output) {
  const suffix = output === 'stat' ? 't' : output;
  const interval = INTERVAL_OUTPUTS.has(output);
  const params: AggregationParam[] = [
    ...(weighted ? [row('weight')] : []),
    ...(twoSample ? [row('grp')] : []),
    row('value'),
    ...(interval ? [constant('sig')] : []),
    ...(twoSample ? [constant('eq_var')] : []),
  ];
  return defineAggregation(
    `${prefix}_${suffix}`,
    'statisticalTest',
    params,
    (group) => {
      const sig = interval ? constantNumber(group.constants[0], 0.025) : 0.025;
      const eqVar = group.constants[interval ? 1 : 0];
      const stat = twoSample
        ? twoSamples(group, weighted, eqVar === undefined || eqVar === null || isTrue(eqVar))
        : oneSample(group, weighted, undefined);
      return numberResult(stat ? outputOf(stat, output, false, sig) : NaN);
    },
    { distinct: false },
  );
}

/** The z-test variants (ZTest, ZTestw): one sample against 0, sigma from the data unless given. */
function zTest(prefix: string, weighted: boolean, output: Output) {
  const suffix = output === 'stat' ? 'z' : output;
  const interval = INTERVAL_OUTPUTS.has(output);
  const params: AggregationParam[] = [
    ...(weighted ? [row('weight')] : []),
    row('value'),
    constant('sigma'),
    ...(interval ? [constant('sig')] : []),
  ];
  return defineAggregation(
    `${prefix}_${suffix}`,
    'statisticalTest',
    params,
    (group) => {
      const sigmaArg = group.constants[0];
      const sigma =
        sigmaArg === undefined || sigmaArg === null ? undefined : constantNumber(sigmaArg, NaN);
      const sig = interval ? constantNumber(group.constants[1], 0.025) : 0.025;
      return numberResult(outputOf(oneSample(group, weighted, sigma), output, true, sig));
    },
    { distinct: false },
  );
}

/** The chi-squared statistic and degrees of freedom of a contingency table. */
function chiSquared(group: AggregationGroup): { chi2: number; df: number } | undefined {
  const [cols, rows, actual, expected] = group.columns;
  const colKeys = new Map<string | number, number>();
  const rowKeys = new Map<string | number, number>();
  const cells = new Map<string, { observed: number; expected: number }>();
  rows!.forEach((r, i) => {
    const c = cols![i];
    const observed = numberOf(actual![i]);
    if (r === null || c === null || c === undefined || observed !== observed) return;
    const ck = valueKey(c);
    const rk = valueKey(r);
    if (!colKeys.has(ck)) colKeys.set(ck, colKeys.size);
    if (!rowKeys.has(rk)) rowKeys.set(rk, rowKeys.size);
    const key = `${colKeys.get(ck)},${rowKeys.get(rk)}`;
    const cell = cells.get(key) ?? { observed: 0, expected: 0 };
    cell.observed += observed;
    if (expected) cell.expected += numberOf(expected[i]);
    cells.set(key, cell);
  });
  const nc = colKeys.size;
  const nr = rowKeys.size;
  if (nc < 2 || nr < 2) return undefined;
  const colTotals = new Float64Array(nc);
  const rowTotals = new Float64Array(nr);
  let total = 0;
  for (const [key, cell] of cells) {
    const [c, r] = key.split(',').map(Number) as [number, number];
    colTotals[c]! += cell.observed;
    rowTotals[r]! += cell.observed;
    total += cell.observed;
  }
  let chi2 = 0;
  for (let c = 0; c < nc; c++) {
    for (let r = 0; r < nr; r++) {
      const cell = cells.get(`${c},${r}`);
      const observed = cell?.observed ?? 0;
      const e = expected ? (cell?.expected ?? NaN) : (rowTotals[r]! * colTotals[c]!) / total;
      chi2 += ((observed - e) * (observed - e)) / e;
    }
  }
  return { chi2, df: (nc - 1) * (nr - 1) };
}

function chi2Test(suffix: string, read: (r: { chi2: number; df: number }) => number) {
  return defineAggregation(
    `Chi2Test_${suffix}`,
    'statisticalTest',
    [row('col'), row('row'), row('actual_value'), row('expected_value', true)],
    (group) => {
      const result = chiSquared(group);
      return numberResult(result ? read(result) : NaN);
    },
    { distinct: false },
  );
}

const T_OUTPUTS: readonly Output[] = [
  'conf',
  'df',
  'dif',
  'lower',
  'sig',
  'sterr',
  'stat',
  'upper',
];
const Z_OUTPUTS: readonly Output[] = ['conf', 'dif', 'lower', 'sig', 'sterr', 'stat', 'upper'];

/** Statistical test functions: Chi2Test_*, TTest_*, TTestw_*, TTest1_*, TTest1w_*, ZTest_*, ZTestw_*. */
export const STATISTICAL_TEST_AGGREGATIONS: readonly AggregationSpec[] = [
  chi2Test('chi2', (r) => r.chi2),
  chi2Test('df', (r) => r.df),
  chi2Test('p', (r) => chiDist(r.chi2, r.df)),
  ...T_OUTPUTS.map((output) => tTest('TTest', false, true, output)),
  ...T_OUTPUTS.map((output) => tTest('TTestw', true, true, output)),
  ...T_OUTPUTS.map((output) => tTest('TTest1', false, false, output)),
  ...T_OUTPUTS.map((output) => tTest('TTest1w', true, false, output)),
  ...Z_OUTPUTS.map((output) => zTest('ZTest', false, output)),
  ...Z_OUTPUTS.map((output) => zTest('ZTestw', true, output)),
];
