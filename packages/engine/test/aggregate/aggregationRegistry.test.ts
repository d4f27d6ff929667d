import { beforeAll, describe, expect, test } from 'vitest';
import { bnfGrammar } from '../../src/app/bnfGrammar.js';
import { functionsOfGroup } from '../../src/app/functionCatalog.js';
import type { AggregationSpec } from '../../src/expression/aggregations/AggregationSpec.js';
import { AGGREGATIONS } from '../../src/expression/aggregations/aggregationRegistry.js';
import { reduceRecords } from '../../src/expression/aggregations/reduceRecords.js';
import { BUILTIN_FUNCTIONS } from '../../src/expression/functions/builtinFunctions.js';
import { parseExpression } from '../../src/expression/parseExpression.js';
import { DataModel } from '../../src/model/DataModel.js';
import { runScript } from '../../src/script/runScript.js';
import type { ScriptResult } from '../../src/script/ScriptOptions.js';
import type { Value } from '../../src/value/Value.js';
import { Dual } from '../../src/value/Value.js';
import { tableOf } from '../script/scriptTestKit.js';
import { chartOf, selectValues } from './chartOf.js';

// Three groups of records with numbers, nulls, texts, weights, dates, two
// t-test groups and a contingency table: every aggregation has data to chew.
const DATA = `Data: LOAD G, If(Len(V) > 0, V) as V, X, W, T, D, Grp, C, R INLINE [
G, V, X, W, T, D, Grp, C, R
a, 1, 2, 3, pear, 2021-01-01, g1, c1, r1
a, 4, 3, 1, fig, 2021-03-01, g1, c2, r1
a, 2, 7, 2, apple, 2021-06-15, g2, c1, r2
a, , 5, 5, kiwi, 2021-09-01, g2, c2, r2
a, -9, 1, 4, pear, 2022-01-01, g2, c1, r1
a, 6, 8, 6, plum, 2022-02-01, g1, c2, r2
a, n/a, 4, 7, fig, 2022-03-01, g1, c1, r2
b, 5, 1, 1, 10, 2021-01-01, g1, c1, r1
b, 3, 4, 2, fig, 2021-07-01, g2, c2, r1
b, 5, 2, 3, fig, 2021-12-31, g1, c1, r2
b, -2, 9, 5, 7, 2022-04-01, g2, c2, r2
b, 8, 6, 4, date, 2022-05-01, g1, c1, r1
c, -100, 5, 1, x, 2021-01-01, g1, c1, r1
c, 30, 2, 3, y, 2021-02-01, g2, c2, r2
c, 40, 4, 2, z, 2021-11-01, g1, c1, r2
c, 50, 8, 4, x, 2022-01-01, g2, c2, r1
];
`;
// The argument each parameter name gets in the generated calls.
const ROW_ARGUMENTS: Record<string, string> = {
  expr: 'V',
  value: 'V',
  value1: 'V',
  y_value: 'V',
  pmt: 'V',
  actual_value: 'V',
  string: 'T',
  value2: 'X',
  x_value: 'X',
  expected_value: 'X',
  sort_weight: 'W',
  weight: 'W',
  grp: 'Grp',
  col: 'C',
  row: 'R',
  date: 'D',
};
const CONSTANT_ARGUMENTS: Record<string, string> = {
  rank: '2',
  fraction: '0.3',
  delimiter: "'|'",
  discount_rate: '0.1',
  sig: '0.05',
  eq_var: '0',
  sigma: '3',
};

/** A call of the aggregation with every parameter a sample argument has. */
function sampleCall(spec: AggregationSpec): { text: string; args: string[] } {
  const args: string[] = [];
  for (const param of spec.params) {
    const arg = param.role === 'row' ? ROW_ARGUMENTS[param.name] : CONSTANT_ARGUMENTS[param.name];
    if (arg === undefined) break;
    args.push(arg);
  }
  if (spec.family === 'string') args[0] = 'T';
  return { text: `${spec.name}(${args.join(', ')})`, args };
}

const testable = [...AGGREGATIONS.values()].filter((spec) => spec.family !== 'nested');
const inBoth = testable.filter((spec) => spec.contexts.length === 2);

let data: ScriptResult;
let model: DataModel;
let records: Record<string, Value>[];

beforeAll(async () => {
  data = await runScript(DATA, { dataDir: '.' });
  model = DataModel.fromTables(data.tables);
  const table = tableOf(data, 'Data');
  records = table.rows.map((row) => Object.fromEntries(table.fields.map((f, i) => [f, row[i]!])));
});

/** The registry's own kernel over a group's records: what every consumer must answer. */
function expected(spec: AggregationSpec, group: string, args: readonly string[]): Value {
  const rows = records.filter((record) => record.G === group);
  const columns: Value[][] = [];
  const constants: (Value | undefined)[] = [];
  spec.params.forEach((param, i) => {
    const arg = args[i];
    if (param.role === 'row') {
      if (arg !== undefined) columns.push(rows.map((record) => record[arg] ?? null));
    } else constants.push(arg === undefined ? undefined : parseConstant(arg));
  });
  return reduceRecords(spec, columns, constants, false);
}

function parseConstant(text: string): Value {
  return text.startsWith("'") ? text.slice(1, -1) : Number(text);
}

/** A value as charts and tables are compared: numbers rounded to 9 digits, duals by number. */
function comparable(value: Value | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  const num = value instanceof Dual ? value.num : typeof value === 'number' ? value : NaN;
  return num === num ? Number(num.toPrecision(9)) : String(value);
}

describe('the aggregation registry', () => {
  test('the parser marks exactly the registry names as aggregations', () => {
    for (const spec of AGGREGATIONS.values()) {
      expect(parseExpression(`${spec.name}(x)`)).toMatchObject({
        aggregation: true,
        key: spec.key,
      });
      expect(parseExpression(`${spec.name.toLowerCase()}(x)`)).toMatchObject({ aggregation: true });
    }
    for (const key of BUILTIN_FUNCTIONS.keys()) {
      expect(AGGREGATIONS.has(key), `${key} is a scalar function`).toBe(false);
      expect(parseExpression(`${key}(x)`)).toMatchObject({ aggregation: false });
    }
  });

  test('GetBNF flags exactly the registry names as aggregations, per context', () => {
    for (const [type, context] of [
      ['E', 'chart'],
      ['S', 'script'],
    ] as const) {
      const flagged = bnfGrammar(type)
        .defs.filter((def) => def.qAggrFunc && !def.qIsBnfRule)
        .map((def) => def.qName)
        .sort();
      const registered = [...AGGREGATIONS.values()]
        .filter((spec) => spec.contexts.includes(context))
        .map((spec) => spec.name)
        .sort();
      expect(flagged).toEqual(registered);
    }
  });

  test('GetFunctions lists the registry as the AGGR group, with its signatures', () => {
    expect(functionsOfGroup('AGGR')).toEqual(
      [...AGGREGATIONS.values()].map((spec) => ({
        qName: spec.name,
        qGroup: 'AGGR',
        qSignature: spec.signature,
      })),
    );
    expect(functionsOfGroup('FUNC_GROUP_AGGR')).toEqual(functionsOfGroup('AGGR'));
  });

  test.each(inBoth.map((spec) => [spec.name, spec] as const))(
    '%s gives the same per group in a chart and in LOAD ... GROUP BY',
    async (_name, spec) => {
      const { text, args } = sampleCall(spec);
      const script = `${DATA}Agg: LOAD G, ${text} as Result RESIDENT Data GROUP BY G;`;
      const grouped = tableOf(await runScript(script, { dataDir: '.' }), 'Agg').rows;
      const chart = chartOf(model, selectValues(model), ['G'], [text]).rows;
      for (const group of ['a', 'b', 'c']) {
        const want = comparable(expected(spec, group, args));
        expect(
          comparable(grouped.find((row) => row[0] === group)?.[1]),
          `GROUP BY ${group}`,
        ).toEqual(want);
        expect(comparable(chart.find((row) => row[0] === group)?.[1]), `chart ${group}`).toEqual(
          want,
        );
      }
    },
  );

  test.each(inBoth.filter((spec) => spec.distinct).map((spec) => [spec.name, spec] as const))(
    '%s(DISTINCT ...) drops repeated records alike in both places',
    async (_name, spec) => {
      const { args } = sampleCall(spec);
      const text = `${spec.name}(DISTINCT ${args.join(', ')})`;
      const script = `${DATA}Agg: LOAD G, ${text} as Result RESIDENT Data GROUP BY G;`;
      const grouped = tableOf(await runScript(script, { dataDir: '.' }), 'Agg').rows;
      const chart = chartOf(model, selectValues(model), ['G'], [text]).rows;
      for (const group of ['a', 'b', 'c']) {
        expect(comparable(chart.find((row) => row[0] === group)?.[1])).toEqual(
          comparable(grouped.find((row) => row[0] === group)?.[1]),
        );
      }
    },
  );

  test('script-only aggregations are refused in charts, chart-only ones in a LOAD', async () => {
    for (const spec of AGGREGATIONS.values()) {
      const { text } = sampleCall(spec);
      if (!spec.contexts.includes('chart'))
        expect(() => chartOf(model, selectValues(model), ['G'], [text])).toThrow(/cannot be used/);
      if (!spec.contexts.includes('script')) {
        const script = `${DATA}Agg: LOAD G, ${spec.name}(Sum(V), G) as Result RESIDENT Data GROUP BY G;`;
        await expect(runScript(script, { dataDir: '.' })).rejects.toThrow(/cannot be used/);
      }
    }
  });

  test('the script-only load-order aggregations read records in load order', async () => {
    const script = `${DATA}Agg: LOAD G, FirstValue(T) as F, LastValue(V) as L RESIDENT Data GROUP BY G;`;
    expect(tableOf(await runScript(script, { dataDir: '.' }), 'Agg').rows).toEqual([
      ['a', 'pear', 'n/a'],
      ['b', 10, 8],
      ['c', 'x', 50],
    ]);
  });

  test('a call with the wrong number of arguments is refused in both places', async () => {
    expect(() => chartOf(model, selectValues(model), ['G'], ['Fractile(V)'])).toThrow(
      /takes 2 arguments, not 1/,
    );
    await expect(
      runScript(`${DATA}Agg: LOAD G, Sum(V, X) as S RESIDENT Data GROUP BY G;`, { dataDir: '.' }),
    ).rejects.toThrow(/takes 1 argument, not 2/);
  });
});
