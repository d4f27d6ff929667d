import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { Dual } from '../../src/value/Value.js';
import { makeDataDir, tableOf } from '../script/scriptTestKit.js';

let dataDir: string;
let dispose: () => Promise<void>;
const JAN31 = 45322;

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir());
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['just a sheet before the data']);
  const sales = workbook.addWorksheet('Sales 2024');
  sales.addRow(['Exported by a tool']);
  sales.addRow(['Region', 'Day', 'Amount', 'Paid', '', 'Total']);
  sales.addRow([
    'North',
    new Date(Date.UTC(2024, 0, 31)),
    10.5,
    true,
    'x',
    { formula: 'C3*2', result: 21 },
  ]);
  sales.addRow([]);
  sales.addRow([
    'South',
    new Date(Date.UTC(2024, 1, 1, 12)),
    4,
    false,
    null,
    { formula: 'C5*2', result: 8 },
  ]);
  await workbook.xlsx.writeFile(path.join(dataDir, 'sales.xlsx'));
});
afterAll(() => dispose());

const run = (script: string) => runScript(script, { dataDir });

describe('Excel (ooxml)', () => {
  it('reads a named sheet with embedded labels after header lines', async () => {
    const result = await run(
      `S: LOAD * FROM [lib://DataFiles/sales.xlsx] (ooxml, embedded labels, header is 1 lines, table is [Sales 2024]);`,
    );
    expect(tableOf(result, 'S')).toEqual({
      fields: ['Region', 'Day', 'Amount', 'Paid', 'E', 'Total'],
      rows: [
        ['North', new Dual('2024-01-31', JAN31), 10.5, new Dual('TRUE', -1), 'x', 21],
        ['South', new Dual('2024-02-01 12:00:00', JAN31 + 1.5), 4, new Dual('FALSE', 0), null, 8],
      ],
    });
  });

  it('names the fields A, B, C with no labels and reads the first sheet by default', async () => {
    const first = await run(`F: LOAD * FROM [sales.xlsx] (ooxml, no labels);`);
    expect(tableOf(first, 'F')).toEqual({
      fields: ['A'],
      rows: [['just a sheet before the data']],
    });
    const noLabels = await run(
      `N: LOAD A, C FROM [sales.xlsx] (ooxml, no labels, table is [Sales 2024$], header is 2 lines);`,
    );
    expect(tableOf(noLabels, 'N').rows).toEqual([
      ['North', 10.5],
      ['South', 4],
    ]);
  });

  it('fails clearly for a missing sheet, a file that is no workbook, and .xls (biff)', async () => {
    await expect(run(`T: LOAD * FROM [sales.xlsx] (ooxml, table is Nope);`)).rejects.toMatchObject({
      code: 'SCRIPT_FILE_FORMAT',
      message: expect.stringContaining("has no sheet 'Nope'"),
    });
    await writeFile(path.join(dataDir, 'fake.xlsx'), 'a,b\n');
    await expect(run(`T: LOAD * FROM [fake.xlsx] (ooxml);`)).rejects.toMatchObject({
      code: 'SCRIPT_FILE_FORMAT',
    });
    await writeFile(path.join(dataDir, 'old.xls'), 'x');
    await expect(
      run(`T: LOAD * FROM [old.xls] (biff, embedded labels, table is Sheet1$);`),
    ).rejects.toMatchObject({
      code: 'SCRIPT_NOT_SUPPORTED',
    });
  });
});
