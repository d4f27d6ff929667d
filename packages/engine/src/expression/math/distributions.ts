import {
  betaRegularized,
  bracketAbove,
  erfc,
  gammaP,
  gammaQ,
  logBeta,
  logGamma,
  solveMonotone,
} from './specialFunctions.js';

// Probability distributions as Qlik's statistical distribution functions
// define them. Every function answers NaN for arguments outside its domain.

const SQRT2 = Math.SQRT2;

/** Rounding slack when a discrete inverse compares a cumulative probability with its target. */
const CDF_SLACK = 1e-12;

function isProbability(p: number): boolean {
  return p >= 0 && p <= 1;
}

/** The cumulative normal distribution at x. */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  if (!(sd > 0)) return NaN;
  return 0.5 * erfc(-(x - mean) / (sd * SQRT2));
}

/** The normal density at x. */
export function normalDensity(x: number, mean = 0, sd = 1): number {
  if (!(sd > 0)) return NaN;
  const z = (x - mean) / sd;
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
}

// Acklam's rational approximation of the standard normal quantile.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** The inverse of the cumulative normal distribution. */
export function normalInv(p: number, mean = 0, sd = 1): number {
  if (!(p > 0 && p < 1) || !(sd > 0)) return NaN;
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - 0.02425) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  // One Halley step brings the approximation to full double precision.
  const e = 0.5 * erfc(-x / SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  x -= u / (1 + (x * u) / 2);
  return mean + sd * x;
}

/** P(T > t) for Student's t with `df` degrees of freedom. */
export function tUpperTail(t: number, df: number): number {
  if (!(df > 0)) return NaN;
  const tail = 0.5 * betaRegularized(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** Student's t distribution: the probability beyond t, one- or two-tailed (Qlik's TDist). */
export function tDist(t: number, df: number, tails: number): number {
  if (tails === 1) return tUpperTail(t, df);
  if (tails === 2) return 2 * tUpperTail(Math.abs(t), df);
  return NaN;
}

/** Student's t density. */
export function tDensity(t: number, df: number): number {
  if (!(df > 0)) return NaN;
  return Math.exp(
    logGamma((df + 1) / 2) -
      logGamma(df / 2) -
      0.5 * Math.log(df * Math.PI) -
      ((df + 1) / 2) * Math.log(1 + (t * t) / df),
  );
}

/** The t (>= 0) whose two-tailed probability is p (Qlik's TInv). */
export function tInvTwoTailed(p: number, df: number): number {
  if (!(p > 0 && p <= 1) || !(df > 0)) return NaN;
  const f = (t: number) => 2 * tUpperTail(t, df);
  return solveMonotone(
    f,
    p,
    0,
    bracketAbove((t) => -f(t), -p),
    false,
  );
}

/** The t whose one-tailed upper probability is p. */
export function tInvUpper(p: number, df: number): number {
  if (p === 0.5) return 0;
  return p < 0.5 ? tInvTwoTailed(2 * p, df) : -tInvTwoTailed(2 * (1 - p), df);
}

/** P(X > x) for the chi-squared distribution (Qlik's ChiDist). */
export function chiDist(x: number, df: number): number {
  if (!(df > 0) || x < 0) return NaN;
  return gammaQ(df / 2, x / 2);
}

/** The chi-squared density. */
export function chiDensity(x: number, df: number): number {
  if (!(df > 0) || x < 0) return NaN;
  if (x === 0) return df === 2 ? 0.5 : df < 2 ? Infinity : 0;
  const k = df / 2;
  return Math.exp((k - 1) * Math.log(x) - x / 2 - k * Math.LN2 - logGamma(k));
}

/** The x whose upper chi-squared probability is p (Qlik's ChiInv). */
export function chiInv(p: number, df: number): number {
  if (!(p > 0 && p <= 1) || !(df > 0)) return NaN;
  const f = (x: number) => chiDist(x, df);
  return solveMonotone(
    f,
    p,
    0,
    bracketAbove((x) => -f(x), -p, df + 1),
    false,
  );
}

/** P(X > x) for the F distribution (Qlik's FDist). */
export function fDist(x: number, df1: number, df2: number): number {
  if (!(df1 > 0 && df2 > 0) || x < 0) return NaN;
  return betaRegularized(df2 / (df2 + df1 * x), df2 / 2, df1 / 2);
}

/** The F density. */
export function fDensity(x: number, df1: number, df2: number): number {
  if (!(df1 > 0 && df2 > 0) || x < 0) return NaN;
  if (x === 0) return df1 === 2 ? 1 : df1 < 2 ? Infinity : 0;
  return Math.exp(
    (df1 / 2) * Math.log(df1 / df2) +
      (df1 / 2 - 1) * Math.log(x) -
      ((df1 + df2) / 2) * Math.log(1 + (df1 * x) / df2) -
      logBeta(df1 / 2, df2 / 2),
  );
}

/** The x whose upper F probability is p (Qlik's FInv). */
export function fInv(p: number, df1: number, df2: number): number {
  if (!(p > 0 && p <= 1) || !(df1 > 0 && df2 > 0)) return NaN;
  const f = (x: number) => fDist(x, df1, df2);
  return solveMonotone(
    f,
    p,
    0,
    bracketAbove((x) => -f(x), -p),
    false,
  );
}

/** The cumulative beta distribution. */
export function betaDist(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !isProbability(x)) return NaN;
  return betaRegularized(x, a, b);
}

/** The beta density. */
export function betaDensity(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !isProbability(x)) return NaN;
  if (x === 0 || x === 1) {
    const edge = x === 0 ? a : b;
    return edge === 1 ? Math.exp(-logBeta(a, b)) : edge < 1 ? Infinity : 0;
  }
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - logBeta(a, b));
}

/** The inverse of the cumulative beta distribution. */
export function betaInv(p: number, a: number, b: number): number {
  if (!isProbability(p) || !(a > 0 && b > 0)) return NaN;
  return solveMonotone((x) => betaRegularized(x, a, b), p, 0, 1);
}

/** The cumulative gamma distribution with shape k and scale theta. */
export function gammaDist(x: number, k: number, theta: number): number {
  if (!(k > 0 && theta > 0) || x < 0) return NaN;
  return gammaP(k, x / theta);
}

/** The gamma density. */
export function gammaDensity(x: number, k: number, theta: number): number {
  if (!(k > 0 && theta > 0) || x < 0) return NaN;
  if (x === 0) return k === 1 ? 1 / theta : k < 1 ? Infinity : 0;
  return Math.exp((k - 1) * Math.log(x) - x / theta - logGamma(k) - k * Math.log(theta));
}

/** The inverse of the cumulative gamma distribution. */
export function gammaInv(p: number, k: number, theta: number): number {
  if (!(p >= 0 && p < 1) || !(k > 0 && theta > 0)) return NaN;
  const f = (x: number) => gammaP(k, x / theta);
  return solveMonotone(f, p, 0, bracketAbove(f, p, k * theta + theta));
}

/** The binomial probability of exactly k successes in n trials. */
export function binomFrequency(k: number, n: number, p: number): number {
  if (!validBinomial(n, p) || !Number.isInteger(k)) return NaN;
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(
    logGamma(n + 1) -
      logGamma(k + 1) -
      logGamma(n - k + 1) +
      k * Math.log(p) +
      (n - k) * Math.log(1 - p),
  );
}

/** The cumulative binomial probability of at most k successes. */
export function binomDist(k: number, n: number, p: number): number {
  if (!validBinomial(n, p)) return NaN;
  const whole = Math.floor(k);
  if (whole < 0) return 0;
  if (whole >= n) return 1;
  return betaRegularized(1 - p, n - whole, whole + 1);
}

/** The smallest number of successes whose cumulative binomial probability reaches prob. */
export function binomInv(prob: number, n: number, p: number): number {
  if (!validBinomial(n, p) || !isProbability(prob)) return NaN;
  for (let k = 0; k < n; k++) if (binomDist(k, n, p) >= prob - CDF_SLACK) return k;
  return n;
}

function validBinomial(n: number, p: number): boolean {
  return Number.isInteger(n) && n >= 0 && isProbability(p);
}

/** The Poisson probability of exactly k events. */
export function poissonFrequency(k: number, mean: number): number {
  if (!(mean > 0) || !Number.isInteger(k)) return NaN;
  if (k < 0) return 0;
  return Math.exp(k * Math.log(mean) - mean - logGamma(k + 1));
}

/** The cumulative Poisson probability of at most k events. */
export function poissonDist(k: number, mean: number): number {
  if (!(mean > 0)) return NaN;
  const whole = Math.floor(k);
  return whole < 0 ? 0 : gammaQ(whole + 1, mean);
}

/** The smallest number of events whose cumulative Poisson probability reaches prob. */
export function poissonInv(prob: number, mean: number): number {
  if (!(mean > 0) || !(prob >= 0 && prob < 1)) return NaN;
  let k = 0;
  while (poissonDist(k, mean) < prob - CDF_SLACK) k++;
  return k;
}
