import { formatNumberPattern } from '../../value/formatNumberPattern.js';
import { toNumber } from '../../value/toNumber.js';
import { toText } from '../../value/toText.js';
import { Dual, type Value } from '../../value/Value.js';
import { normalCdf } from '../math/distributions.js';
import { futureValue, payment, periods, presentValue, rateOf } from '../math/financialMath.js';
import type { EvalContext } from '../EvalContext.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';
import { optionalNumber } from './argumentReaders.js';

/** How a financial result is shown by default: as money, as a percentage, or as a plain number. */
type Display = 'money' | 'percent' | 'plain';

function display(n: number, how: Display, ctx: EvalContext): Value {
  if (!Number.isFinite(n)) return null;
  if (how === 'plain') return n;
  const separators = {
    decimalSep: ctx.format.moneyDecimalSep,
    thousandSep: ctx.format.moneyThousandSep,
  };
  if (how === 'money')
    return new Dual(formatNumberPattern(n, ctx.format.moneyFormat, separators), n);
  return new Dual(formatNumberPattern(n, '0.00%', ctx.format), n);
}

/** A function of three required and two optional numbers (fv/pv and type default to 0). */
function annuity(
  params: string,
  compute: (a: number, b: number, c: number, d: number, type: number) => number,
  how: Display,
): FunctionEntry {
  return fn(
    3,
    5,
    (args, ctx) => {
      const xs = [0, 1, 2].map((i) => toNumber(args[i] ?? null));
      const last = optionalNumber(args, 3, 0);
      const type = optionalNumber(args, 4, 0);
      if ([...xs, last, type].some(Number.isNaN)) return null;
      return display(compute(xs[0]!, xs[1]!, xs[2]!, last, type === 0 ? 0 : 1), how, ctx);
    },
    params,
  );
}

/** The Black-Scholes value of a European option; `type` 'call' (or non-zero) or 'put' (or 0). */
function blackAndScholes(args: readonly Value[]): Value {
  const [strike, time, price, vol, rate] = args.slice(0, 5).map((v) => toNumber(v ?? null));
  const type = args[5] ?? null;
  if ([strike, time, price, vol, rate].some((x) => Number.isNaN(x!)) || type === null) return null;
  if (!(time! > 0 && vol! > 0 && strike! > 0 && price! > 0)) return null;
  const typeNumber = toNumber(type);
  const text = toText(type).toLowerCase();
  const call = Number.isNaN(typeNumber) ? text === 'call' : typeNumber !== 0;
  if (Number.isNaN(typeNumber) && text !== 'call' && text !== 'put') return null;
  const d1 =
    (Math.log(price! / strike!) + (rate! + (vol! * vol!) / 2) * time!) / (vol! * Math.sqrt(time!));
  const d2 = d1 - vol! * Math.sqrt(time!);
  const discounted = strike! * Math.exp(-rate! * time!);
  return call
    ? price! * normalCdf(d1) - discounted * normalCdf(d2)
    : discounted * normalCdf(-d2) - price! * normalCdf(-d1);
}

/** Financial functions: FV, PV, Pmt, nPer, Rate and BlackAndSchole. */
export const FINANCIAL_FUNCTIONS = functionFamily('FIN', {
  FV: annuity('rate, nper, pmt [, pv [, type]]', futureValue, 'money'),
  PV: annuity('rate, nper, pmt [, fv [, type]]', presentValue, 'money'),
  Pmt: annuity('rate, nper, pv [, fv [, type]]', payment, 'money'),
  nPer: annuity('rate, pmt, pv [, fv [, type]]', periods, 'plain'),
  Rate: annuity('nper, pmt, pv [, fv [, type]]', rateOf, 'percent'),
  BlackAndSchole: fn(
    6,
    6,
    blackAndScholes,
    'strike, time_left, underlying_price, vol, risk_free_rate, type',
  ),
});
