import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { Dual } from '../../src/value/Value.js';
import { makeDataDir, tableNames, tableOf } from './scriptTestKit.js';

let dataDir: string;
let outside: { dir: string; dispose: () => Promise<void> };
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir({
    'sales.csv':
      '\uFEFFRegion,Amount,Note\r\nNorth,10,"quoted, with comma"\r\nSouth,007,"two\r\nlines"\r\nNorth,5,\r\n',
    'semi.txt': 'a;b\n1;x\n2;y\n',
    'tabbed.tab': 'a\tb\n1\tx\n',
    'raw.csv': 'skip me\n1,x\n2,y\n',
    'sub/part1.csv': 'k,v\n1,a\n',
    'sub/part2.csv': 'k,v\n2,b\n',
    'records.json': JSON.stringify([
      { date: '2001/01/01 06:55', delay: -19, origin: 'LAX' },
      { date: '2001/01/02 08:47', delay: 0, origin: 'SJC' },
    ]),
  }));
  outside = await makeDataDir({ 'secret.csv': 'x\n1\n' });
  await symlink(outside.dir, path.join(dataDir, 'link'));
});

afterAll(async () => {
  await dispose();
  await outside.dispose();
});

const load = (script: string) => runScript(script, { dataDir });

describe('FROM files', () => {
  it('reads CSV with embedded labels, quotes, CRLF, BOM and number interpretation', async () => {
    const result = await load(
      `Sales: LOAD * FROM [lib://DataFiles/sales.csv] (txt, utf8, embedded labels, delimiter is ',', msq);`,
    );
    expect(tableOf(result, 'Sales')).toEqual({
      fields: ['Region', 'Amount', 'Note'],
      rows: [
        ['North', 10, 'quoted, with comma'],
        ['South', new Dual('007', 7), 'two\r\nlines'],
        ['North', 5, ''],
      ],
    });
    expect(result.log).toContain('Sales << sales.csv  3 Lines fetched');
  });

  it('names an unlabelled table after its file and reads other delimiters', async () => {
    const result = await load(`
      LOAD * FROM 'semi.txt' (txt, delimiter is ';');
      LOAD a as ta, b as tb FROM [lib://Other/tabbed.tab] (txt, delimiter is '\\t', embedded labels);
      R: LOAD @1 as n, @2 as t FROM [raw.csv] (txt, no labels, header is 1 lines);`);
    expect(tableNames(result)).toEqual(['semi', 'tabbed', 'R']);
    expect(tableOf(result, 'semi').rows).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(tableOf(result, 'tabbed').rows).toEqual([[1, 'x']]);
    expect(tableOf(result, 'R').rows).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
  });

  it('reads JSON records: numbers stay numbers, dates stay text', async () => {
    const result = await load(
      `F: LOAD origin, delay, date FROM [lib://DataFiles/records.json] (json);`,
    );
    expect(tableOf(result, 'F').rows).toEqual([
      ['LAX', -19, '2001/01/01 06:55'],
      ['SJC', 0, '2001/01/02 08:47'],
    ]);
  });

  it('loops over FileList() and tells the file name', async () => {
    const result = await load(`
      FOR EACH f IN FileList('lib://DataFiles/sub/*.csv')
        Parts: LOAD *, FileBaseName() as src FROM [$(f)] (txt);
      NEXT f`);
    expect(tableOf(result, 'Parts').rows).toEqual([
      [1, 'a', 'part1'],
      [2, 'b', 'part2'],
    ]);
  });

  it('loads every file a wildcard FROM matches into one table', async () => {
    const result = await load(
      `Parts: LOAD k, v, FileName() as f FROM [lib://DataFiles/sub/part*.csv] (txt);`,
    );
    expect(tableNames(result)).toEqual(['Parts']);
    expect(tableOf(result, 'Parts').rows).toEqual([
      [1, 'a', 'part1.csv'],
      [2, 'b', 'part2.csv'],
    ]);
    await expect(
      load(`T: LOAD * FROM [lib://DataFiles/nothing*.csv] (txt);`),
    ).rejects.toMatchObject({
      code: 'SCRIPT_FILE_NOT_FOUND',
    });
  });

  it('fails with SCRIPT_FILE_NOT_FOUND for a missing file', async () => {
    await expect(load(`\nT: LOAD * FROM [lib://DataFiles/none.csv] (txt);`)).rejects.toMatchObject({
      code: 'SCRIPT_FILE_NOT_FOUND',
      line: 2,
      column: 1,
    });
  });

  it.each([
    ['lib://DataFiles/../secret.csv'],
    ['../secret.csv'],
    ['/etc/passwd'],
    ['lib://DataFiles/link/secret.csv'],
  ])('refuses %s with SCRIPT_PATH_OUTSIDE_DATA_DIR', async (bad) => {
    await expect(load(`T: LOAD * FROM [${bad}] (txt);`)).rejects.toMatchObject({
      code: 'SCRIPT_PATH_OUTSIDE_DATA_DIR',
    });
  });
});

describe('STORE', () => {
  it('writes a table as CSV that loads back the same', async () => {
    const result = await load(`
      T: LOAD * INLINE [
        id, text
        1, "a, b"
        2, 'say "hi"'
      ];
      STORE T INTO [lib://DataFiles/out/t.csv] (txt);
      STORE id FROM T INTO [lib://DataFiles/out/ids.csv] (txt);
      Back: NOCONCATENATE LOAD * FROM [lib://DataFiles/out/t.csv] (txt, embedded labels);`).catch(
      async (error) => {
        throw error;
      },
    );
    expect(tableOf(result, 'Back').rows).toEqual(tableOf(result, 'T').rows);
    // With Qlik's byte order mark first, which the load above read past: the first label is 'id'.
    expect(await readFile(path.join(dataDir, 'out/ids.csv'), 'utf8')).toBe('\ufeffid\n1\n2\n');
    expect(tableOf(result, 'Back').fields).toEqual(['id', 'text']);
  });

  it('refuses to store outside the data dir', async () => {
    await expect(
      load(`T: LOAD 1 as x AUTOGENERATE 1;\nSTORE T INTO [lib://DataFiles/../evil.csv] (txt);`),
    ).rejects.toMatchObject({
      code: 'SCRIPT_PATH_OUTSIDE_DATA_DIR',
      line: 2,
    });
  });
});

describe('big files', () => {
  it('streams a file larger than one read chunk', async () => {
    const lines = ['k,v'];
    for (let i = 0; i < 60_000; i++) lines.push(`${i % 97},"v ""${i}"""`);
    await writeFile(path.join(dataDir, 'big.csv'), lines.join('\n'));
    const result = await load(`B: LOAD * FROM [big.csv] (txt);`);
    const table = result.tables[0];
    expect(table.rowCount).toBe(60_000);
    expect(table.columns[0].values).toHaveLength(97);
    const last = table.columns[1];
    expect(last.values[last.indexes[59_999]]).toBe('v "59999"');
  });
});
