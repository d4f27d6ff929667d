// Descriptive statistics over plain numbers, shared by the aggregation
// functions (Stdev, Skew, Correl, ...) and the range functions (RangeStdev,
// RangeSkew, RangeCorrel, ...). NaN means "no result" (Qlik's NULL).

/** The arithmetic mean; NaN when there are no numbers. */
export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

/** Sum of squared deviations from the mean. */
function squaredDeviations(xs: ArrayLike<number>, m: number): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i]! - m) * (xs[i]! - m);
  return sum;
}

/** The sample standard deviation (n - 1 in the denominator); NaN below two numbers. */
export function sampleStdev(xs: ArrayLike<number>): number {
  if (xs.length < 2) return NaN;
  return Math.sqrt(squaredDeviations(xs, mean(xs)) / (xs.length - 1));
}

/** The standard error of the mean: the sample standard deviation over √n. */
export function standardError(xs: ArrayLike<number>): number {
  return sampleStdev(xs) / Math.sqrt(xs.length);
}

/** The sample skewness, as Excel's SKEW; NaN below three numbers or without spread. */
export function skewness(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 3) return NaN;
  const m = mean(xs);
  const s = sampleStdev(xs);
  if (!(s > 0)) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((xs[i]! - m) / s) ** 3;
  return (n / ((n - 1) * (n - 2))) * sum;
}

/** The sample excess kurtosis, as Excel's KURT; NaN below four numbers or without spread. */
export function kurtosis(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 4) return NaN;
  const m = mean(xs);
  const s = sampleStdev(xs);
  if (!(s > 0)) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((xs[i]! - m) / s) ** 4;
  return (
    ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * sum -
    (3 * (n - 1) * (n - 1)) / ((n - 2) * (n - 3))
  );
}

/** The Pearson correlation coefficient of paired numbers. */
export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Sorted copy of numbers, ascending. */
export function sortedNumbers(xs: ArrayLike<number>): Float64Array {
  return Float64Array.from(xs).sort();
}

/** The inclusive fractile (Excel's PERCENTILE.INC) of sorted numbers. */
export function fractileInclusive(sorted: ArrayLike<number>, fraction: number): number {
  const n = sorted.length;
  if (n === 0 || !(fraction >= 0 && fraction <= 1)) return NaN;
  return interpolate(sorted, fraction * (n - 1));
}

/**
 * The exclusive fractile (Excel's PERCENTILE.EXC) of sorted numbers: rank
 * fraction·(n+1), NaN when that rank falls outside 1..n.
 */
export function fractileExclusive(sorted: ArrayLike<number>, fraction: number): number {
  const n = sorted.length;
  const rank = fraction * (n + 1);
  if (n === 0 || !(fraction > 0 && fraction < 1) || rank < 1 || rank > n) return NaN;
  return interpolate(sorted, rank - 1);
}

function interpolate(sorted: ArrayLike<number>, position: number): number {
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** The result of a least-squares line y = m·x + b, with Excel LINEST's statistics. */
export interface LinearFit {
  readonly m: number;
  readonly b: number;
  readonly r2: number;
  readonly df: number;
  readonly f: number;
  readonly sem: number;
  readonly seb: number;
  readonly sey: number;
  readonly ssreg: number;
  readonly ssresid: number;
}

/**
 * Fits y = m·x + b by least squares. With `y0` the line is forced through
 * (0, y0), with `y0` and `x0` through (x0, y0), as Qlik's LINEST_* functions
 * allow; then b is fixed and its standard error is undefined (NaN).
 */
export function linearFit(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  y0?: number,
  x0 = 0,
): LinearFit | undefined {
  const n = xs.length;
  if (y0 === undefined) {
    if (n < 2) return undefined;
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (xs[i]! - mx) * (ys[i]! - my);
      sxx += (xs[i]! - mx) ** 2;
      syy += (ys[i]! - my) ** 2;
    }
    if (sxx === 0) return undefined;
    const m = sxy / sxx;
    const b = my - m * mx;
    const ssreg = m * sxy;
    const ssresid = Math.max(0, syy - ssreg);
    const df = n - 2;
    const sey = df > 0 ? Math.sqrt(ssresid / df) : NaN;
    return {
      m,
      b,
      r2: syy === 0 ? NaN : ssreg / syy,
      df,
      f: df > 0 ? ssreg / (ssresid / df) : NaN,
      sem: sey / Math.sqrt(sxx),
      seb: sey * Math.sqrt(1 / n + (mx * mx) / sxx),
      sey,
      ssreg,
      ssresid,
    };
  }
  // Through a fixed point: regress (y - y0) on (x - x0) without an intercept.
  if (n < 1) return undefined;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - x0;
    const dy = ys[i]! - y0;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0) return undefined;
  const m = sxy / sxx;
  const ssreg = m * sxy;
  const ssresid = Math.max(0, syy - ssreg);
  const df = n - 1;
  const sey = df > 0 ? Math.sqrt(ssresid / df) : NaN;
  return {
    m,
    b: y0 - m * x0,
    r2: syy === 0 ? NaN : ssreg / syy,
    df,
    f: df > 0 ? ssreg / (ssresid / df) : NaN,
    sem: sey / Math.sqrt(sxx),
    seb: NaN,
    sey,
    ssreg,
    ssresid,
  };
}
