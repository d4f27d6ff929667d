import { beforeAll, describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { runScript } from '../../src/script/runScript.js';
import type { Value } from '../../src/value/Value.js';
import { tableOf } from '../script/scriptTestKit.js';
import { chartOf, selectValues } from './chartOf.js';

// The data of Qlik's statistical aggregation examples (Skew, Kurtosis, Stdev,
// Sterr, Median, ...): two columns, Observation and Comparison, read as Type
// and Value (the help pages load them with a Crosstable prefix).
const OBSERVATION = [
  35, 40, 12, 15, 21, 14, 46, 10, 28, 48, 16, 30, 32, 48, 31, 22, 12, 39, 19, 25,
];
const COMPARISON = [2, 27, 38, 31, 1, 19, 1, 34, 3, 1, 2, 3, 2, 1, 2, 1, 3, 29, 37, 2];
const TABLE1 = `Table1: LOAD * INLINE [
Type, Value
${[...OBSERVATION.map((v) => `Observation, ${v}`), ...COMPARISON.map((v) => `Comparison, ${v}`)].join('\n')}
];
`;

// IRR's and NPV's example cash flows (a payment of 5000 then three returns).
const CASH_FLOWS = `Cashflow: LOAD * INLINE [
Year, Payments
2013, -5000
2014, 1000
2015, 2000
2016, 3000
];
`;

let statistics: DataModel;

beforeAll(async () => {
  statistics = DataModel.fromTables((await runScript(TABLE1, { dataDir: '.' })).tables);
});

/** Per Type, a measure in a chart (with its total) and the same aggregation in a GROUP BY. */
async function byType(measure: string) {
  const chart = chartOf(statistics, selectValues(statistics), ['Type'], [measure]);
  const script = `${TABLE1}R: LOAD Type, ${measure} as M RESIDENT Table1 GROUP BY Type;`;
  const rows = tableOf(await runScript(script, { dataDir: '.' }), 'R').rows;
  const pick = (table: readonly (readonly Value[])[], type: string) =>
    table.find((row) => row[0] === type)?.[1] as number;
  return {
    chart: {
      Observation: pick(chart.rows, 'Observation'),
      Comparison: pick(chart.rows, 'Comparison'),
    },
    script: { Observation: pick(rows, 'Observation'), Comparison: pick(rows, 'Comparison') },
    total: chart.totals[0] as number,
  };
}

describe('statistical aggregations (results stated on Qlik help pages)', () => {
  test.each([
    ['Skew(Value)', 0.32625351, 0.86414768, 0.23522195],
    ['Kurtosis(Value)', -1.1148768, -1.1612957, undefined],
    ['Stdev(Value)', 12.507997, 14.61245, undefined],
    ['Sterr(Value)', 2.7968733, 3.2674431, undefined],
    ['Median(Value)', 26.5, 2.5, 19],
  ])('%s per Type, in charts and in GROUP BY', async (measure, observation, comparison, total) => {
    const { chart, script, total: chartTotal } = await byType(measure);
    for (const result of [chart, script]) {
      expect(result.Observation).toBeCloseTo(observation, 5);
      expect(result.Comparison).toBeCloseTo(comparison, 5);
    }
    if (total !== undefined) expect(chartTotal).toBeCloseTo(total, 7);
  });

  test('FractileExc ranks at fraction·(N+1), interpolating between neighbours', async () => {
    // Comparison sorted: 1 1 1 1 1 2 2 2 2 2 3 3 3 19 27 29 31 34 37 38; rank 0.75·21 = 15.75.
    const { chart, script } = await byType('FractileExc(Value, 0.75)');
    expect(chart.Comparison).toBeCloseTo(27 + 0.75 * (29 - 27), 12);
    expect(script.Comparison).toBeCloseTo(28.5, 12);
    // Fractile (inclusive) ranks at fraction·(N-1): position 14.25.
    const inclusive = await byType('Fractile(Value, 0.75)');
    expect(inclusive.chart.Comparison).toBeCloseTo(27.5, 12);
  });
});

describe('financial aggregations', () => {
  test('IRR and NPV of the example cash flows', async () => {
    const model = DataModel.fromTables((await runScript(CASH_FLOWS, { dataDir: '.' })).tables);
    const [irr, npv] = chartOf(
      model,
      selectValues(model),
      [],
      ['IRR(Payments)', 'NPV(0.1, Payments)'],
    ).rows[0]! as number[];
    // The rate that brings the discounted payments to zero.
    expect(-5000 + 1000 / (1 + irr) + 2000 / (1 + irr) ** 2 + 3000 / (1 + irr) ** 3).toBeCloseTo(
      0,
      8,
    );
    expect(irr).toBeCloseTo(0.0820826, 7);
    expect(npv).toBeCloseTo(-5000 / 1.1 + 1000 / 1.1 ** 2 + 2000 / 1.1 ** 3 + 3000 / 1.1 ** 4, 9);
  });

  test('XIRR and XNPV of dated payments (the classic spreadsheet example)', async () => {
    const script = `SET DateFormat='YYYY-MM-DD';
      P: LOAD * INLINE [
      Date, Payment
      2008-01-01, -10000
      2008-03-01, 2750
      2008-10-30, 4250
      2009-02-15, 3250
      2009-04-01, 2750
      ];
      R: LOAD XIRR(Payment, Date) as Rate, XNPV(0.09, Payment, Date) as Value RESIDENT P;`;
    const [rate, value] = tableOf(await runScript(script, { dataDir: '.' }), 'R')
      .rows[0]! as number[];
    expect(rate).toBeCloseTo(0.373362535, 8);
    expect(value).toBeCloseTo(2086.647602, 5);
  });
});

describe('linest functions (the "Examples of how to use linest functions" page)', () => {
  const Y = [0, 1, 3, 8, 14, 20, 0, 50, 25, 60, 38, 19, 26, 143, 98, 27, 59, 78, 158, 279];
  const T1 = `T1: LOAD *, 1 as Grp;
    LOAD * INLINE [
    X|Y
    ${Y.map((y, i) => `${i + 1}|${y}`).join('\n')}
    ] (delimiter is '|');
`;
  const NAMES = ['B', 'DF', 'F', 'M', 'R2', 'SEM', 'SEY', 'SSREG', 'SSRESID'];

  test('the script example per Grp and the same measures in a chart agree with the stated results', async () => {
    const script = `${T1}R1: LOAD Grp, ${NAMES.map((n) => `linest_${n}(Y,X) as L_${n}`).join(', ')}
      RESIDENT T1 GROUP BY Grp;`;
    const result = await runScript(script, { dataDir: '.' });
    const [row] = tableOf(result, 'R1').rows;
    const fromScript = Object.fromEntries(NAMES.map((n, i) => [n, row![i + 1] as number]));
    const model = DataModel.fromTables(result.tables.filter((t) => t.name === 'T1'));
    const chart = chartOf(
      model,
      selectValues(model),
      [],
      NAMES.map((n) => `LINEST_${n}(Y, X)`),
    ).rows[0]! as number[];
    NAMES.forEach((n, i) => expect(chart[i]).toBeCloseTo(fromScript[n]!, 9));
    // The page's table: -35.047, 18, 20.788, 8.605 and 0.5...
    expect(fromScript.B).toBeCloseTo(-35.047, 3);
    expect(fromScript.DF).toBe(18);
    expect(fromScript.F).toBeCloseTo(20.788, 3);
    expect(fromScript.M).toBeCloseTo(8.605, 3);
    expect(Math.floor(fromScript.R2! * 10)).toBe(5);
    // What defines the rest: R² and F from the sums of squares, SEY from the residuals.
    const { SSREG, SSRESID, DF } = fromScript as Record<string, number>;
    expect(fromScript.R2).toBeCloseTo(SSREG! / (SSREG! + SSRESID!), 12);
    expect(fromScript.F).toBeCloseTo(SSREG! / (SSRESID! / DF!), 9);
    expect(fromScript.SEY).toBeCloseTo(Math.sqrt(SSRESID! / DF!), 12);
    // Correl is R's square root for one x, and STEYX is LINEST_SEY.
    const [correl, steyx] = chartOf(model, selectValues(model), [], ['Correl(X, Y)', 'STEYX(Y, X)'])
      .rows[0]! as number[];
    expect(correl! ** 2).toBeCloseTo(fromScript.R2!, 12);
    expect(steyx).toBeCloseTo(fromScript.SEY!, 12);
  });
});

describe('the t-test report page (two independent samples, Observation and Comparison)', () => {
  // The page loads its samples with a bare CROSSTABLE (fields Type and Value).
  const SCRIPT = `Table1: CROSSTABLE LOAD recno() as ID, * INLINE [
    Observation|Comparison
    ${OBSERVATION.map((o, i) => `${o}|${COMPARISON[i]}`).join('\n')}
    ] (delimiter is '|');
`;
  // Equal variance not assumed, then assumed: t, df, Sig. (2-tailed), mean
  // difference, standard error of the difference, 95% interval lower and upper.
  const STATED = {
    unequal: [3.534, 37.116717335823, 0.001, 15.2, 4.30101, 6.48625, 23.9137],
    equal: [3.534, 38, 0.001, 15.2, 4.30101, 6.49306, 23.9069],
  };
  const measures = (eq: 0 | 1) => [
    `TTest_t(Type, Value, ${eq})`,
    `TTest_df(Type, Value, ${eq})`,
    `TTest_sig(Type, Value, ${eq})`,
    `TTest_dif(Type, Value, ${eq})`,
    `TTest_sterr(Type, Value, ${eq})`,
    `TTest_lower(Type, Value, 0.025, ${eq})`,
    `TTest_upper(Type, Value, 0.025, ${eq})`,
  ];
  /** A stated figure matches to the digits the page shows. */
  const matches = (actual: number, stated: number) => {
    const decimals = String(stated).split('.')[1]?.length ?? 0;
    expect(actual).toBeCloseTo(stated, Math.min(decimals, 9));
  };

  test.each([
    ['unequal', 0],
    ['equal', 1],
  ] as const)('variances %s: in a chart and in the script', async (name, eq) => {
    const result = await runScript(
      `${SCRIPT}R: LOAD ${measures(eq)
        .map((m, i) => `${m} as M${i}`)
        .join(', ')} RESIDENT Table1;`,
      { dataDir: '.' },
    );
    const fromScript = tableOf(result, 'R').rows[0] as number[];
    const model = DataModel.fromTables(result.tables.filter((t) => t.name === 'Table1'));
    const fromChart = chartOf(model, selectValues(model), [], measures(eq)).rows[0] as number[];
    STATED[name].forEach((stated, i) => {
      matches(fromScript[i]!, stated);
      matches(fromChart[i]!, stated);
    });
  });
});

describe('the z-test example page (the t-test samples, per Type)', () => {
  test('ZTest_conf, ZTest_dif, ZTest_sterr and ZTest_z as stated', async () => {
    // Conf, Dif, Sterr, Z. (The page's Sig column, 0.000123 and 0.001, fits
    // neither a one- nor a two-tailed p of its own Z values, so it is not used.)
    const stated = { Comparison: [6.4, 11.95, 3.27, 3.66], Observation: [5.48, 27.15, 2.8, 9.71] };
    const measures = [
      'ZTest_conf(Value)',
      'ZTest_dif(Value)',
      'ZTest_sterr(Value)',
      'ZTest_z(Value)',
    ];
    const chart = chartOf(statistics, selectValues(statistics), ['Type'], measures);
    for (const row of chart.rows) {
      const expected = stated[row[0] as keyof typeof stated];
      expected.forEach((value, i) => expect(row[i + 1] as number).toBeCloseTo(value, 2));
    }
    expect(chart.rows).toHaveLength(2);
  });
});
