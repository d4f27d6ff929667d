import { describe, expect, test } from 'vitest';
import { run } from '../expression/evaluateSource.js';

// Statistical distribution functions. Their pages state the spreadsheet
// conventions (ChiDist and FDist are upper tails, TDist one- or two-tailed,
// TInv two-tailed); the values below are the classic reference values of
// those conventions, and each Inv undoes its Dist.

describe('statistical distribution functions', () => {
  test.each([
    ['ChiDist(18.307, 10)', 0.050001],
    ['FDist(15.2068649, 6, 4)', 0.01],
    ['TDist(1.959999998, 60, 2)', 0.05464493],
    ['TDist(1.959999998, 60, 1)', 0.027322465],
    ['BinomDist(6, 10, 0.5)', 0.828125],
    ['BinomFrequency(6, 10, 0.5)', 0.205078125],
    ['PoissonDist(2, 5)', 0.124652],
    ['PoissonFrequency(2, 5)', 0.084224],
    ['GammaDist(10.00001131, 9, 2)', 0.068094],
    ['BetaDist(0.5, 8, 10)', 0.6854706],
    ['NormDist(42, 40, 1.5)', 0.9087888],
    ['NormDist(42, 40, 1.5, 0)', 0.10934005],
    ['NormInv(0.908789, 40, 1.5)', 42.000002],
    ['NormInv(0.975)', 1.959963985],
    ['TInv(0.05464493, 60)', 1.96],
    ['ChiInv(0.050001, 10)', 18.307],
    ['FInv(0.01, 6, 4)', 15.20686],
  ])('%s is about %s', (source, result) => {
    const digits = String(result).split('.')[1]!.length;
    expect(run(source)).toBeCloseTo(result, digits - 1);
  });

  test('each Inv undoes its Dist', () => {
    const cases: [string, string][] = [
      ['BetaInv(BetaDist(0.3, 2, 5), 2, 5)', '0.3'],
      ['GammaInv(GammaDist(3, 2, 1.5), 2, 1.5)', '3'],
      ['ChiInv(ChiDist(8, 15), 15)', '8'],
      ['TInv(TDist(2.5, 7, 2), 7)', '2.5'],
      ['FInv(FDist(3, 4, 9), 4, 9)', '3'],
    ];
    for (const [source, value] of cases) expect(run(source)).toBeCloseTo(Number(value), 8);
    expect(run('BinomInv(0.828125, 10, 0.5)')).toBe(6);
    expect(run('PoissonInv(0.124652, 5)')).toBe(2);
  });

  test('densities integrate to the distributions', () => {
    let area = 0;
    for (let x = 0.0005; x < 6; x += 0.001) area += (run(`ChiDensity(${x}, 4)`) as number) * 0.001;
    expect(area).toBeCloseTo(1 - (run('ChiDist(6, 4)') as number), 5);
    expect(run('TDensity(0, 1)')).toBeCloseTo(1 / Math.PI, 12);
    expect(run('FDensity(1, 2, 2)')).toBeCloseTo(0.25, 12);
    expect(run('GammaDensity(1, 1, 1)')).toBeCloseTo(Math.exp(-1), 12);
    expect(run('BetaDensity(0.5, 2, 2)')).toBeCloseTo(1.5, 12);
  });

  test('outside their domain they give NULL', () => {
    expect(run('NormDist(1, 0, 0)')).toBeNull();
    expect(run('ChiDist(-1, 3)')).toBeNull();
    expect(run('BetaInv(1.5, 2, 3)')).toBeNull();
    expect(run('TDist(1, 10, 3)')).toBeNull();
  });
});
