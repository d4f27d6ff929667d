import { toNumber } from '../../value/toNumber.js';
import type { Value } from '../../value/Value.js';
import {
  betaDensity,
  betaDist,
  betaInv,
  binomDist,
  binomFrequency,
  binomInv,
  chiDensity,
  chiDist,
  chiInv,
  fDensity,
  fDist,
  fInv,
  gammaDensity,
  gammaDist,
  gammaInv,
  normalCdf,
  normalDensity,
  normalInv,
  poissonDist,
  poissonFrequency,
  poissonInv,
  tDensity,
  tDist,
  tInvTwoTailed,
} from '../math/distributions.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';
import { numberOrNull } from './argumentReaders.js';

/** A distribution function of `arity` numbers (optional ones default as given); NULL for NULL or out-of-domain input. */
function distribution(
  params: string,
  compute: (...xs: number[]) => number,
  required: number,
  defaults: readonly number[] = [],
): FunctionEntry {
  return fn(
    required,
    required + defaults.length,
    (args: readonly Value[]) => {
      const xs: number[] = [];
      for (let i = 0; i < required + defaults.length; i++) {
        const v = args[i];
        xs.push(
          v === undefined || v === null
            ? i < required
              ? NaN
              : defaults[i - required]!
            : toNumber(v),
        );
      }
      return xs.some(Number.isNaN) ? null : numberOrNull(compute(...xs));
    },
    params,
  );
}

/** Statistical distribution functions: the Density/Frequency, Dist and Inv functions of the beta, binomial, chi², F, gamma, normal, Poisson and t distributions. */
export const DISTRIBUTION_FUNCTIONS = functionFamily('PROB', {
  BetaDensity: distribution('value, alpha, beta', betaDensity, 3),
  BetaDist: distribution('value, alpha, beta', betaDist, 3),
  BetaInv: distribution('prob, alpha, beta', betaInv, 3),
  BinomDist: distribution('value, trials, trial_probability', binomDist, 3),
  BinomFrequency: distribution('value, trials, trial_probability', binomFrequency, 3),
  BinomInv: distribution('prob, trials, trial_probability', binomInv, 3),
  ChiDensity: distribution('value, degrees_freedom', chiDensity, 2),
  ChiDist: distribution('value, degrees_freedom', chiDist, 2),
  ChiInv: distribution('prob, degrees_freedom', chiInv, 2),
  FDensity: distribution('value, degrees_freedom1, degrees_freedom2', fDensity, 3),
  FDist: distribution('value, degrees_freedom1, degrees_freedom2', fDist, 3),
  FInv: distribution('prob, degrees_freedom1, degrees_freedom2', fInv, 3),
  GammaDensity: distribution('value, k, θ', gammaDensity, 3),
  GammaDist: distribution('value, k, θ', gammaDist, 3),
  GammaInv: distribution('prob, k, θ', gammaInv, 3),
  // NormDist is cumulative unless its fourth argument is 0 (then the density).
  NormDist: distribution(
    'value [, mean [, standard_dev [, cumulative]]]',
    (x, mean, sd, cumulative) => (cumulative === 0 ? normalDensity : normalCdf)(x, mean, sd),
    1,
    [0, 1, 1],
  ),
  NormInv: distribution('prob [, mean [, standard_dev]]', normalInv, 1, [0, 1]),
  PoissonDist: distribution('value, mean', poissonDist, 2),
  PoissonFrequency: distribution('value, mean', poissonFrequency, 2),
  PoissonInv: distribution('prob, mean', poissonInv, 2),
  TDensity: distribution('value, degrees_freedom [, tails]', (t, df) => tDensity(t, df), 2, [2]),
  TDist: distribution('value, degrees_freedom, tails', tDist, 3),
  TInv: distribution('prob, degrees_freedom', tInvTwoTailed, 2),
});
