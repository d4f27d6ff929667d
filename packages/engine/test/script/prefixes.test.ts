import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Value } from '../../src/value/Value.js';
import { run, tableNames, tableOf } from './scriptTestKit.js';

let instance: DuckDBInstance;
let duck: Awaited<ReturnType<DuckDBInstance['connect']>>;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
});

afterAll(() => {
  duck?.closeSync();
});

async function sqlRows(sql: string): Promise<Value[][]> {
  const reader = await duck.runAndReadAll(sql);
  return reader
    .getRowsJS()
    .map((row) =>
      row.map((cell) =>
        cell === null ? null : typeof cell === 'bigint' ? Number(cell) : (cell as string | number),
      ),
    );
}

/** A value as plain JSON: a dual as its text, so rows compare with the text a user sees. */
function shown(rows: Value[][]): (string | number | null)[][] {
  return rows.map((row) => row.map((v) => (v !== null && typeof v === 'object' ? v.text : v)));
}

describe('CROSSTABLE', () => {
  it('turns the month columns into Month/Sales rows, as DuckDB UNPIVOT does', async () => {
    const data = `Salesman, Year, Jan, Feb, Mar
      A, 2008, 45, 65, 78
      A, 2009, 11, 23, 22
      B, 2008, 57, 77, 90`;
    const result = await run(`
      T: CrossTable(Month, Sales, 2) LOAD * INLINE [
      ${data}
      ];`);
    const table = tableOf(result, 'T');
    expect(table.fields).toEqual(['Salesman', 'Year', 'Month', 'Sales']);
    await duck.run(`CREATE OR REPLACE TABLE wide AS SELECT * FROM (VALUES
      ('A', 2008, 45, 65, 78), ('A', 2009, 11, 23, 22), ('B', 2008, 57, 77, 90))
      t(Salesman, Year, Jan, Feb, Mar)`);
    const oracle = await sqlRows(
      `SELECT Salesman, Year, Month, Sales FROM (UNPIVOT wide ON Jan, Feb, Mar INTO NAME Month VALUE Sales)
       ORDER BY Salesman, Year, array_position(['Jan','Feb','Mar'], Month)`,
    );
    expect(table.rows).toEqual(oracle);
  });
});

describe('GENERIC', () => {
  it('makes one table per attribute, named label.attribute, keyed like the input', async () => {
    const result = await run(`
      Objects: Generic LOAD * INLINE [
      Object, Attribute, Value
      ball, color, red
      ball, diameter, 25
      box, color, blue
      box, height, 16
      box, weight, 12
      ];`);
    expect(tableNames(result)).toEqual([
      'Objects.color',
      'Objects.diameter',
      'Objects.height',
      'Objects.weight',
    ]);
    expect(tableOf(result, 'Objects.color')).toEqual({
      fields: ['Object', 'color'],
      rows: [
        ['ball', 'red'],
        ['box', 'blue'],
      ],
    });
    expect(tableOf(result, 'Objects.weight').rows).toEqual([['box', 12]]);
  });
});

describe('HIERARCHY and HIERARCHYBELONGSTO (the help pages’ examples)', () => {
  const nodes = `NodeID, ParentID, NodeName
      1, 4, London
      2, 3, Munich
      3, 5, Germany
      4, 5, UK
      5, , Europe`;

  it('HIERARCHY expands levels, parent name, path and depth', async () => {
    const result = await run(`
      SET NullInterpret = '';
      T: Hierarchy(NodeID, ParentID, NodeName, ParentName, NodeName, PathName, '\\', Depth)
      LOAD * INLINE [
      ${nodes}
      ];`);
    const table = tableOf(result, 'T');
    expect(table.fields).toEqual([
      'NodeID',
      'ParentID',
      'NodeName',
      'NodeName1',
      'NodeName2',
      'NodeName3',
      'ParentName',
      'PathName',
      'Depth',
    ]);
    expect(table.rows).toEqual([
      [1, 4, 'London', 'Europe', 'UK', 'London', 'UK', 'Europe\\UK\\London', 3],
      [2, 3, 'Munich', 'Europe', 'Germany', 'Munich', 'Germany', 'Europe\\Germany\\Munich', 3],
      [3, 5, 'Germany', 'Europe', 'Germany', null, 'Europe', 'Europe\\Germany', 2],
      [4, 5, 'UK', 'Europe', 'UK', null, 'Europe', 'Europe\\UK', 2],
      [5, null, 'Europe', 'Europe', null, null, null, 'Europe', 1],
    ]);
  });

  it('HIERARCHYBELONGSTO pairs every node with itself and each ancestor', async () => {
    const result = await run(`
      T: HierarchyBelongsTo(NodeID, AncestorID, NodeName, AncestorID, AncestorName, DepthDiff)
      LOAD * INLINE [
      NodeID, AncestorID, NodeName
      1, 4, London
      2, 3, Munich
      3, 5, Germany
      4, 5, UK
      5, , Europe
      ];`);
    const table = tableOf(result, 'T');
    expect(table.fields).toEqual(['NodeID', 'AncestorID', 'NodeName', 'AncestorName', 'DepthDiff']);
    expect(table.rows).toEqual([
      [1, 1, 'London', 'London', 0],
      [1, 4, 'London', 'UK', 1],
      [1, 5, 'London', 'Europe', 2],
      [2, 2, 'Munich', 'Munich', 0],
      [2, 3, 'Munich', 'Germany', 1],
      [2, 5, 'Munich', 'Europe', 2],
      [3, 3, 'Germany', 'Germany', 0],
      [3, 5, 'Germany', 'Europe', 1],
      [4, 4, 'UK', 'UK', 0],
      [4, 5, 'UK', 'Europe', 1],
      [5, 5, 'Europe', 'Europe', 0],
    ]);
  });
});

describe('INTERVALMATCH', () => {
  it('matches each Time to the orders whose closed interval holds it (the help page’s example)', async () => {
    const result = await run(`
      EventLog: LOAD * INLINE [
      Time, Event, Comment
      00:00, 0, Start of shift 1
      01:18, 1, Line stop
      02:23, 2, Line restart 50%
      04:15, 3, Line speed 100%
      08:00, 4, Start of shift 2
      11:43, 5, End of production
      ];
      OrderLog: LOAD * INLINE [
      Start, End, Order
      01:00, 03:35, A
      02:30, 07:58, B
      03:04, 10:27, C
      07:23, 11:43, D
      ];
      Inner Join IntervalMatch(Time) LOAD Start, End RESIDENT OrderLog;`);
    const table = tableOf(result, 'OrderLog');
    expect(table.fields).toEqual(['Start', 'End', 'Order', 'Time']);
    const pairs = shown(table.rows)
      .map((row) => `${row[3]} ${row[2]}`)
      .sort();
    expect(pairs).toEqual([
      '01:18 A',
      '02:23 A',
      '04:15 B',
      '04:15 C',
      '08:00 C',
      '08:00 D',
      '11:43 D',
    ]);
  });

  it('the extended form matches within each key, as a DuckDB range join does', async () => {
    const result = await run(`
      Sales: LOAD * INLINE [
      Day, Shop, Amount
      1, X, 10
      5, X, 20
      5, Y, 30
      9, Y, 40
      ];
      Rates: LOAD * INLINE [
      From, To, Shop, Rate
      1, 4, X, 0.1
      5, 9, X, 0.2
      1, 6, Y, 0.3
      ];
      Links: IntervalMatch(Day, Shop) LOAD From, To, Shop RESIDENT Rates;`);
    await duck.run(
      `CREATE OR REPLACE TABLE sales AS SELECT * FROM (VALUES (1,'X'),(5,'X'),(5,'Y'),(9,'Y')) t(Day, Shop)`,
    );
    await duck.run(
      `CREATE OR REPLACE TABLE rates AS SELECT * FROM (VALUES (1,4,'X'),(5,9,'X'),(1,6,'Y')) t("From","To",Shop)`,
    );
    const oracle = await sqlRows(
      `SELECT DISTINCT s.Day, r."From", r."To", r.Shop FROM sales s JOIN rates r
       ON s.Shop = r.Shop AND s.Day BETWEEN r."From" AND r."To" ORDER BY 1, 4`,
    );
    const table = tableOf(result, 'Links');
    expect(table.fields).toEqual(['Day', 'From', 'To', 'Shop']);
    const sorted = [...table.rows].sort(
      (a, b) => Number(a[0]) - Number(b[0]) || String(a[3]).localeCompare(String(b[3])),
    );
    expect(sorted).toEqual(oracle);
  });
});

describe('field and table statements', () => {
  it('ALIAS renames fields as they are loaded; QUALIFY / UNQUALIFY prefix table names', async () => {
    const result = await run(`
      ALIAS ID AS CustomerID;
      QUALIFY *;
      UNQUALIFY CustomerID;
      Customers: LOAD * INLINE [
      ID, Name
      1, Ann
      ];
      UNQUALIFY *;
      Orders: LOAD * INLINE [
      ID, Total
      1, 9
      ];`);
    expect(tableOf(result, 'Customers').fields).toEqual(['CustomerID', 'Customers.Name']);
    expect(tableOf(result, 'Orders').fields).toEqual(['CustomerID', 'Total']);
  });

  it('MAP ... USING maps loaded values, UNMAP stops it; RENAME FIELDS USING renames', async () => {
    const result = await run(`
      CountryMap: MAPPING LOAD * INLINE [
      Code, Country
      SE, Sweden
      DE, Germany
      ];
      Names: MAPPING LOAD * INLINE [
      Old, New
      Code, CountryName
      ];
      MAP Code USING CountryMap;
      A: LOAD * INLINE [
      Code
      SE
      FR
      ];
      UNMAP Code;
      B: LOAD Code as Raw INLINE [
      Code
      DE
      ];
      RENAME FIELDS USING Names;`);
    expect(tableOf(result, 'A')).toEqual({ fields: ['CountryName'], rows: [['Sweden'], ['FR']] });
    expect(tableOf(result, 'B').rows).toEqual([['DE']]);
  });

  it("DROP FIELD 'Name' (quoted), DROP TABLE, RENAME TABLE and FIELD", async () => {
    const result = await run(`
      T: LOAD * INLINE [
      Name, Age, City
      Ann, 30, Oslo
      ];
      U: LOAD 1 as x AUTOGENERATE 1;
      Drop Field 'Name';
      Drop Fields [Age] From T;
      Rename Field City to Town;
      Rename Table T to People;
      Drop Table U;`);
    expect(tableNames(result)).toEqual(['People']);
    expect(tableOf(result, 'People')).toEqual({ fields: ['Town'], rows: [['Oslo']] });
  });

  it('TAG and UNTAG set field tags, COMMENT records comments', async () => {
    const result = await run(`
      T: LOAD 1 as a, 2 as b AUTOGENERATE 1;
      TAG FIELDS a, b WITH 'mine', '$dimension';
      UNTAG FIELD b WITH 'mine';
      COMMENT FIELD a WITH 'The a field';
      COMMENT TABLE T WITH 'The table';`);
    expect(result.fieldTags).toEqual({ a: ['mine', '$dimension'], b: ['$dimension'] });
    expect(result.comments).toEqual({ fields: { a: 'The a field' }, tables: { T: 'The table' } });
  });

  it('AUTONUMBER replaces values by 1, 2, 3 per field, shared across tables and namespaces', async () => {
    const result = await run(`
      A: LOAD * INLINE [
      Key, Other
      x|1, p
      y|2, q
      x|1, r
      ];
      B: LOAD * INLINE [
      Key, Budget
      y|2, 5
      z|3, 6
      ];
      AUTONUMBER Key;
      AUTONUMBER Other, Budget USING ns;`);
    expect(tableOf(result, 'A').rows).toEqual([
      [1, 1],
      [2, 2],
      [1, 3],
    ]);
    expect(tableOf(result, 'B').rows).toEqual([
      [2, 4],
      [3, 5],
    ]);
  });

  it('NullAsValue fills nulls with NullValue; NullInterpret reads a symbol as null', async () => {
    const result = await run(`
      SET NullInterpret = '-';
      SET NullValue = '<none>';
      NULLASVALUE B;
      T: LOAD * INLINE [
      A, B
      1, -
      -, x
      ];`);
    expect(tableOf(result, 'T').rows).toEqual([
      [1, '<none>'],
      [null, 'x'],
    ]);
  });
});

describe('INLINE data and number interpretation', () => {
  it("loads single-quoted INLINE values without their quotes ('a1b2c3', '123')", async () => {
    const result = await run(`
      T: LOAD * INLINE [
      Code, Number, Text
      'a1b2c3', '123', 'it''s, quoted'
      "x", 4, plain
      ];`);
    expect(tableOf(result, 'T').rows).toEqual([
      ['a1b2c3', 123, "it's, quoted"],
      ['x', 4, 'plain'],
    ]);
  });

  it('reads 6.522157623622897 as a number', async () => {
    const result = await run(`
      T: LOAD * INLINE [
      v
      6.522157623622897
      ];
      U: LOAD Sum(v) * 2 as s RESIDENT T;`);
    expect(tableOf(result, 'T').rows).toEqual([[6.522157623622897]]);
    expect(tableOf(result, 'U').rows).toEqual([[6.522157623622897 * 2]]);
  });
});

describe('SAMPLE', () => {
  it('samples the source records before the LOAD sees them: WHERE and RowNo() work on the sample', async () => {
    const result = await run(`
      T: SAMPLE 0.5 LOAD RowNo() as r, RecNo() as n
      AUTOGENERATE 2000 WHERE Even(RecNo());`);
    const rows = tableOf(result, 'T').rows as number[][];
    // About half of the 1000 even records (the odds of leaving 350..650 are below 1e-20).
    expect(rows.length).toBeGreaterThan(350);
    expect(rows.length).toBeLessThan(650);
    // RowNo counts the rows loaded, with no gaps where records were left out.
    expect(rows.map(([r]) => r)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.every(([, n]) => n % 2 === 0)).toBe(true);
  });

  it('SAMPLE 1 keeps every record, SAMPLE 0 none, from a file too', async () => {
    const result = await run(`
      All: SAMPLE 1 LOAD * INLINE [
      k
      1
      2
      3
      ];
      None: NOCONCATENATE SAMPLE 0 LOAD * RESIDENT All;`);
    expect(tableOf(result, 'All').rows).toEqual([[1], [2], [3]]);
    expect(result.tables.find((table) => table.name === 'None')?.rowCount ?? 0).toBe(0);
  });
});
