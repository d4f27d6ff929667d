// Time-value-of-money formulas shared by the financial aggregations (IRR,
// NPV, XIRR, XNPV), the range functions (RangeIRR, RangeNPV, RangeXIRR,
// RangeXNPV) and the scalar financial functions (FV, PV, Pmt, nPer, Rate).
// NaN means "no result" (Qlik's NULL).

/** Net present value of payments at the end of periods 1, 2, ... */
export function npv(rate: number, payments: ArrayLike<number>): number {
  if (payments.length === 0 || rate <= -1) return NaN;
  let total = 0;
  let factor = 1;
  for (let i = 0; i < payments.length; i++) {
    factor *= 1 + rate;
    total += payments[i]! / factor;
  }
  return total;
}

/** Net present value of dated payments, discounted to the first date on a 365-day year. */
export function xnpv(rate: number, payments: ArrayLike<number>, dates: ArrayLike<number>): number {
  if (payments.length === 0 || rate <= -1) return NaN;
  const first = dates[0]!;
  let total = 0;
  for (let i = 0; i < payments.length; i++)
    total += payments[i]! / (1 + rate) ** ((dates[i]! - first) / 365);
  return total;
}

/** Internal rate of return of payments at regular periods (the first at period 0). */
export function irr(payments: ArrayLike<number>): number {
  if (!hasBothSigns(payments)) return NaN;
  // NPV with the first payment undiscounted: sum of p_i / (1 + r)^i.
  return findRate((rate) => {
    let value = 0;
    let slope = 0;
    for (let i = 0; i < payments.length; i++) {
      value += payments[i]! / (1 + rate) ** i;
      slope -= (i * payments[i]!) / (1 + rate) ** (i + 1);
    }
    return [value, slope];
  }, 0.1);
}

/** Internal rate of return of dated payments (Excel's XIRR). */
export function xirr(payments: ArrayLike<number>, dates: ArrayLike<number>): number {
  if (!hasBothSigns(payments)) return NaN;
  const first = dates[0]!;
  return findRate((rate) => {
    let value = 0;
    let slope = 0;
    for (let i = 0; i < payments.length; i++) {
      const years = (dates[i]! - first) / 365;
      value += payments[i]! / (1 + rate) ** years;
      slope -= (years * payments[i]!) / (1 + rate) ** (years + 1);
    }
    return [value, slope];
  }, 0.1);
}

function hasBothSigns(payments: ArrayLike<number>): boolean {
  let positive = false;
  let negative = false;
  for (let i = 0; i < payments.length; i++) {
    if (payments[i]! > 0) positive = true;
    if (payments[i]! < 0) negative = true;
  }
  return positive && negative;
}

/**
 * The rate where `valueAndSlope` is zero: Newton's method from `guess`,
 * falling back to bisection over (-1, 10^6) when Newton does not settle.
 */
function findRate(valueAndSlope: (rate: number) => [number, number], guess: number): number {
  let rate = guess;
  for (let i = 0; i < 100; i++) {
    const [value, slope] = valueAndSlope(rate);
    if (!Number.isFinite(value) || !Number.isFinite(slope) || slope === 0) break;
    const next = rate - value / slope;
    if (!(next > -1)) break;
    if (Math.abs(next - rate) < 1e-12 * Math.max(1, Math.abs(rate))) return next;
    rate = next;
  }
  let low = -1 + 1e-12;
  let high = 1e6;
  const atLow = valueAndSlope(low)[0];
  if (Math.sign(atLow) === Math.sign(valueAndSlope(high)[0])) return NaN;
  for (let i = 0; i < 300; i++) {
    const mid = (low + high) / 2;
    if (Math.sign(valueAndSlope(mid)[0]) === Math.sign(atLow)) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Future value of an annuity (Excel's FV): `type` 1 pays at the start of each period. */
export function futureValue(rate: number, nper: number, pmt: number, pv = 0, type = 0): number {
  if (rate === 0) return -(pv + pmt * nper);
  const growth = (1 + rate) ** nper;
  return -(pv * growth + (pmt * (1 + rate * type) * (growth - 1)) / rate);
}

/** Present value of an annuity (Excel's PV). */
export function presentValue(rate: number, nper: number, pmt: number, fv = 0, type = 0): number {
  if (rate === 0) return -(fv + pmt * nper);
  const growth = (1 + rate) ** nper;
  return -(fv + (pmt * (1 + rate * type) * (growth - 1)) / rate) / growth;
}

/** The payment per period of a loan (Excel's PMT). */
export function payment(rate: number, nper: number, pv: number, fv = 0, type = 0): number {
  if (nper === 0) return NaN;
  if (rate === 0) return -(pv + fv) / nper;
  const growth = (1 + rate) ** nper;
  return -(rate * (fv + pv * growth)) / ((1 + rate * type) * (growth - 1));
}

/** The number of periods of an annuity (Excel's NPER). */
export function periods(rate: number, pmt: number, pv: number, fv = 0, type = 0): number {
  if (rate === 0) return pmt === 0 ? NaN : -(pv + fv) / pmt;
  const adjusted = pmt * (1 + rate * type);
  return Math.log((adjusted - fv * rate) / (adjusted + pv * rate)) / Math.log(1 + rate);
}

/** The interest rate per period of an annuity (Excel's RATE). */
export function rateOf(nper: number, pmt: number, pv: number, fv = 0, type = 0): number {
  if (!(nper > 0)) return NaN;
  const balance = (rate: number) =>
    rate === 0
      ? pv + pmt * nper + fv
      : pv * (1 + rate) ** nper + (pmt * (1 + rate * type) * ((1 + rate) ** nper - 1)) / rate + fv;
  return findRate((rate) => {
    const h = 1e-7 * Math.max(1, Math.abs(rate));
    return [balance(rate), (balance(rate + h) - balance(rate - h)) / (2 * h)];
  }, 0.1);
}
