import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { LoadedTable } from '../../src/model/LoadedTable.js';
import { runScript } from '../../src/script/runScript.js';
import { ScriptError } from '../../src/script/ScriptError.js';
import { tableNames, tableOf } from './scriptTestKit.js';

const SCRIPT = `
Sales: LOAD * INLINE [
  Id, Amount
  1, 10
  2, 20
];
ADD LOAD * INLINE [
  Id, Amount
  3, 30
];
Rates: REPLACE LOAD * INLINE [
  Currency, Rate
  EUR, 1.1
];
Late: ADD ONLY LOAD * INLINE [
  Note
  partial only
];
Other: LOAD * INLINE [
  Tag
  full only
];`;

const full = () => runScript(SCRIPT, { dataDir: tmpdir() });
const partial = (tables: readonly LoadedTable[], script = SCRIPT) =>
  runScript(script, { dataDir: tmpdir(), partialFrom: tables });

describe('partial reload', () => {
  it('IsPartialReload() is -1 in a partial reload and 0 in a full one (the logical functions page)', async () => {
    const script = 'LET vPartial = IsPartialReload();';
    expect((await runScript(script, { dataDir: tmpdir() })).variables.get('vPartial')).toBe('0');
    expect((await partial([], script)).variables.get('vPartial')).toBe('-1');
  });

  it('runs ADD and REPLACE loads as plain loads in a full reload, and skips the ONLY ones', async () => {
    const result = await full();
    expect(tableNames(result)).toEqual(['Sales', 'Rates', 'Other']);
    expect(tableOf(result, 'Sales').rows).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(result.log).toContain('Late skipped in a full reload (ADD ONLY or REPLACE ONLY)');
  });

  it('keeps the tables, appends ADD loads, replaces REPLACE loads and skips the rest', async () => {
    const first = await full();
    const second = await partial(first.tables);
    expect(tableNames(second)).toEqual(['Sales', 'Other', 'Rates', 'Late']);
    expect(tableOf(second, 'Sales').rows).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
      [3, 30],
    ]);
    expect(tableOf(second, 'Rates').rows).toEqual([['EUR', 1.1]]);
    expect(tableOf(second, 'Other').rows).toEqual([['full only']]);
    expect(tableOf(second, 'Late').rows).toEqual([['partial only']]);
    expect(second.log).toContain('Sales skipped in a partial reload (no ADD or REPLACE prefix)');
  });

  it('leaves the tables it started from untouched', async () => {
    const first = await full();
    const before = tableOf(first, 'Sales');
    await partial(first.tables);
    expect(tableOf(first, 'Sales')).toEqual(before);
    expect(first.tables.find((table) => table.name === 'Sales')?.rowCount).toBe(3);
  });

  it('appends an ADD load to the table of its label even when the fields differ', async () => {
    const first = await full();
    const second = await partial(
      first.tables,
      `Sales: ADD LOAD * INLINE [
        Id, Region
        9, North
      ];`,
    );
    expect(tableOf(second, 'Sales').rows).toEqual([
      [1, 10, null],
      [2, 20, null],
      [3, 30, null],
      [9, null, 'North'],
    ]);
  });

  it('replaces the CONCATENATE target of a REPLACE load', async () => {
    const first = await full();
    const second = await partial(
      first.tables,
      `REPLACE CONCATENATE (Sales) LOAD * INLINE [
        Id, Amount
        7, 70
      ];`,
    );
    expect(tableOf(second, 'Sales').rows).toEqual([[7, 70]]);
  });

  it('runs the rest of the script: variables, control flow, drops', async () => {
    const first = await full();
    const second = await partial(
      first.tables,
      `LET n = 2;
      FOR i = 1 TO $(n)
        Sales: ADD LOAD $(i) * 100 AS Id, 0 AS Amount AUTOGENERATE 1;
      NEXT
      DROP TABLE Other;`,
    );
    expect(second.variables.get('n')).toBe('2');
    expect(tableNames(second)).toEqual(['Sales', 'Rates']);
    expect(tableOf(second, 'Sales').rows.slice(3)).toEqual([
      [100, 0],
      [200, 0],
    ]);
  });

  it('parses MERGE and refuses to run it with "not supported" naming the line', async () => {
    const error = await runScript('\nMERGE (Seq) ON a LOAD * INLINE [a\n1];', {
      dataDir: tmpdir(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScriptError);
    expect(error).toMatchObject({ code: 'SCRIPT_NOT_SUPPORTED', line: 2, column: 1 });
    expect(String((error as Error).message)).toMatch(/not supported: the MERGE prefix/);
  });
});
