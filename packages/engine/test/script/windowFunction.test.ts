import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { tableOf } from './scriptTestKit.js';

const run = (script: string) => runScript(script, { dataDir: tmpdir() });

const EMPLOYEES = `Employees: LOAD * INLINE [
  EmployeeID, Department, Salary
  1, Sales, 100
  2, Sales, 300
  3, IT, 200
  4, IT, 400
  5, HR, 150
];
`;

// The Window page: "Window() performs calculations from multiple rows of a
// section (or "window") of a complete table, and produces a single value for
// each row", e.g. Window(avg(Salary), Department) as AvgDepSalary.
describe('Window() in a LOAD', () => {
  test('an aggregation over the rows of the same partition, one value per row, row count unchanged', async () => {
    const result = await run(`${EMPLOYEES}
      AvgSalary: NOCONCATENATE LOAD EmployeeID, Salary,
        Window(Avg(Salary), Department) as AvgDepSalary,
        Round(Window(Sum(Salary), Department)) as SumDepSalary,
        Window(Sum(Salary), Department) + 5 as Plus5,
        Window(Max(Salary)) as MaxSalary
      RESIDENT Employees;`);
    expect(tableOf(result, 'AvgSalary').rows).toEqual([
      [1, 100, 200, 400, 405, 400],
      [2, 300, 200, 400, 405, 400],
      [3, 200, 300, 600, 605, 400],
      [4, 400, 300, 600, 605, 400],
      [5, 150, 150, 150, 155, 400],
    ]);
  });

  test('a field without aggregation is read as Only(); several partition fields combine', async () => {
    const result = await run(`T: LOAD Id, Window(Region, Country) as OnlyRegion,
        Window(Count(Id), Country, Region) as N INLINE [
        Id, Country, Region
        1, SE, North
        2, SE, North
        3, DE, South
        4, DE, West
      ];`);
    expect(tableOf(result, 'T').rows).toEqual([
      [1, 'North', 2],
      [2, 'North', 2],
      [3, null, 1],
      [4, null, 1],
    ]);
  });

  test('a Window inside a Window is refused, as the page says', async () => {
    await expect(
      run(
        `${EMPLOYEES} T: NOCONCATENATE LOAD Window(Sum(Window(Salary))) as S RESIDENT Employees;`,
      ),
    ).rejects.toMatchObject({ message: expect.stringMatching(/may not contain another Window/) });
  });

  test('sorting, filtering and frames answer not supported, naming what is missing', async () => {
    await expect(
      run(
        `${EMPLOYEES} T: NOCONCATENATE LOAD Window(Sum(Salary), Department, 'ASC', EmployeeID) as S RESIDENT Employees;`,
      ),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/Window\(\): only partition fields/),
    });
  });
});
