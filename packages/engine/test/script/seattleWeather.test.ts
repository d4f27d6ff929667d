import { DuckDBInstance } from '@duckdb/node-api';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import type { ScriptResult } from '../../src/script/ScriptOptions.js';
import { toNumber } from '../../src/value/toNumber.js';
import { makeDataDir, tableOf } from './scriptTestKit.js';

const vegaData = path.resolve(import.meta.dirname, '../../../../node_modules/vega-datasets/data');

// A script in the shape the Qlik data load editor writes: interpretation
// variables first, then loads with a full format spec, a calendar and a summary.
const SCRIPT = `
SET ThousandSep=',';
SET DecimalSep='.';
SET MoneyFormat='$#,##0.00;-$#,##0.00';
SET TimeFormat='h:mm:ss TT';
SET DateFormat='YYYY-MM-DD';
SET TimestampFormat='M/D/YYYY h:mm:ss[.fff] TT';
SET FirstWeekDay=0;
SET MonthNames='Jan;Feb;Mar;Apr;May;Jun;Jul;Aug;Sep;Oct;Nov;Dec';
SET NumericalAbbreviation='3:k;6:M;9:G;12:T;-3:m;-6:μ';

Weather:
LOAD
    "date",
    precipitation,
    temp_max,
    weather,
    Year("date") as Year
FROM [lib://DataFiles/seattle-weather.csv]
(txt, codepage is 28591, embedded labels, delimiter is ',', msq);

MinMax:
LOAD Min("date") as minDate, Max("date") as maxDate RESIDENT Weather;
LET vMin = Peek('minDate', 0, 'MinMax');
LET vMax = Peek('maxDate', 0, 'MinMax');
DROP TABLE MinMax;

Calendar:
LOAD Date($(vMin) + IterNo() - 1) as "date"
AUTOGENERATE 1 WHILE $(vMin) + IterNo() - 1 <= $(vMax);

YearSummary:
LOAD Year, Avg(temp_max) as avgMax, Sum(precipitation) as rain, Count(weather) as days
RESIDENT Weather GROUP BY Year ORDER BY Year;
`;

let result: ScriptResult;
let dispose: () => Promise<void>;
let instance: DuckDBInstance;
let duck: Awaited<ReturnType<DuckDBInstance['connect']>>;

beforeAll(async () => {
  const made = await makeDataDir();
  dispose = made.dispose;
  const file = path.join(made.dir, 'seattle-weather.csv');
  await copyFile(path.join(vegaData, 'seattle-weather.csv'), file);
  result = await runScript(SCRIPT, { dataDir: made.dir });
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  await duck.run(`CREATE TABLE w AS SELECT * FROM read_csv('${file}')`);
});

afterAll(async () => {
  duck?.closeSync();
  instance?.closeSync();
  await dispose();
});

describe('seattle-weather.csv through a data-load-editor style script', () => {
  it('reads dates as dates and builds a gap-free calendar over the same span', async () => {
    const reader = await duck.runAndReadAll(
      'SELECT count(*) AS n, date_diff(\'day\', min("date"), max("date")) + 1 AS span FROM w',
    );
    const [{ n, span }] = reader.getRowObjectsJS() as { n: bigint; span: bigint }[];
    const weather = tableOf(result, 'Weather');
    expect(weather.rows).toHaveLength(Number(n));
    expect(toNumber(weather.rows[0][0])).toBe(40909); // 2012-01-01 as a Qlik date serial
    expect(tableOf(result, 'Calendar').rows).toHaveLength(Number(span));
    expect(result.tables.map((t) => t.name)).toEqual(['Weather', 'Calendar', 'YearSummary']);
  });

  it('summarises each year like DuckDB', async () => {
    const reader = await duck.runAndReadAll(`
      SELECT year("date") AS y, avg(temp_max) AS avgMax, sum(precipitation) AS rain, count(weather) AS days
      FROM w GROUP BY y ORDER BY y`);
    const expected = (reader.getRowObjectsJS() as Record<string, unknown>[]).map((row) => [
      Number(row.y),
      Number(row.avgMax),
      Number(row.rain),
      Number(row.days),
    ]);
    const ours = tableOf(result, 'YearSummary').rows.map((row) => row.map(toNumber));
    expect(ours).toHaveLength(expected.length);
    ours.forEach((row, i) => {
      expect(row[0]).toBe(expected[i][0]);
      expect(row[1]).toBeCloseTo(expected[i][1], 9);
      expect(row[2]).toBeCloseTo(expected[i][2], 6);
      expect(row[3]).toBe(expected[i][3]);
    });
  });
});
