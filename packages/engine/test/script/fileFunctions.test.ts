import { stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { Dual } from '../../src/value/Value.js';
import { makeDataDir, tableOf } from './scriptTestKit.js';

// Qlik's "File functions" page: they describe the table file being read, or
// the file their argument names, and answer NULL for anything else.

let dataDir: string;
let dispose: () => Promise<void>;
const CSV = 'Region,Amount\nNorth,10\nSouth,20\nEast,30\n';

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir({ 'data/sales.csv': CSV }));
  // 2020-02-03 04:05:06 UTC, so FileTime has a known answer.
  const when = new Date(Date.UTC(2020, 1, 3, 4, 5, 6));
  await utimes(path.join(dataDir, 'data/sales.csv'), when, when);
});

afterAll(() => dispose());

const script = (text: string) =>
  runScript(`SET TimestampFormat='YYYY-MM-DD hh:mm:ss';\n${text}`, { dataDir });

describe('of the file the LOAD reads', () => {
  test('name, base name, extension, path, directory, size and time', async () => {
    const result = await script(`T: LOAD Region, FileName() as Name, FileBaseName() as Base,
        FileExtension() as Ext, FilePath() as Path, FileDir() as Dir, FileSize() as Size,
        FileTime() as Time
      FROM [lib://DataFiles/data/sales.csv] (txt, embedded labels, delimiter is ',');`);
    const [row] = tableOf(result, 'T').rows;
    expect(row!.slice(0, 7)).toEqual([
      'North',
      'sales.csv',
      'sales',
      'csv',
      'lib://DataFiles/data/sales.csv',
      'lib://DataFiles/data',
      CSV.length,
    ]);
    expect(row![7]).toEqual(
      new Dual('2020-02-03 04:05:06', Date.UTC(2020, 1, 3, 4, 5, 6) / 86_400_000 + 25569),
    );
  });

  test('are NULL in a LOAD that reads no file', async () => {
    const result = await script(`T: LOAD FileName() as N, FileSize() as S INLINE [
      x
      1
    ];`);
    expect(tableOf(result, 'T').rows).toEqual([[null, null]]);
  });

  test('a path after DIRECTORY is the folder plus the name', async () => {
    const result = await script(`DIRECTORY lib://DataFiles/data;
      T: LOAD FilePath() as P FROM sales.csv (txt, embedded labels, delimiter is ',');`);
    expect(tableOf(result, 'T').rows[0]).toEqual(['lib://DataFiles/data/sales.csv']);
  });
});

describe('of a named file', () => {
  test('FileSize and FileTime of a path written in LET, also through $(variable); NULL when absent', async () => {
    const result = await script(`LET vFile = 'lib://DataFiles/data/sales.csv';
      LET vSize = FileSize('$(vFile)');
      LET vTime = FileTime('lib://DataFiles/data/sales.csv');
      LET vMissing = If(IsNull(FileSize('lib://DataFiles/none.csv')), 'none', 'some');
      LET vName = FileBaseName('lib://DataFiles/data/sales.csv');`);
    expect(result.variables.get('vSize')).toBe(String(CSV.length));
    expect(result.variables.get('vTime')).toBe('2020-02-03 04:05:06');
    expect(result.variables.get('vMissing')).toBe('none');
    expect(result.variables.get('vName')).toBe('sales');
  });

  test('the Qvd functions read a stored QVD header; IF conditions see the file the statement names', async () => {
    const before = Date.now();
    const result = await script(`Sales: LOAD * FROM [lib://DataFiles/data/sales.csv]
        (txt, embedded labels, delimiter is ',');
      STORE Sales INTO [lib://DataFiles/sales.qvd] (qvd);
      LET vRecords = QvdNoOfRecords('lib://DataFiles/sales.qvd');
      LET vFields = QvdNoOfFields('lib://DataFiles/sales.qvd');
      LET vSecond = QvdFieldName('lib://DataFiles/sales.qvd', 2);
      LET vTable = QvdTableName('lib://DataFiles/sales.qvd');
      LET vCreated = Num(QvdCreateTime('lib://DataFiles/sales.qvd'));
      LET vNotQvd = IsNull(QvdNoOfRecords('lib://DataFiles/data/sales.csv'));
      IF IsNull(QvdCreateTime('lib://DataFiles/nothing.qvd')) THEN
        LET vIncremental = 'full';
      END IF`);
    const v = (name: string) => result.variables.get(name);
    expect([v('vRecords'), v('vFields'), v('vSecond'), v('vTable')]).toEqual([
      '3',
      '2',
      'Amount',
      'Sales',
    ]);
    // CreateUtcTime has whole seconds: the serial is within a second of the STORE.
    const created = (Number(v('vCreated')) - 25569) * 86_400_000;
    expect(created).toBeGreaterThan(before - 1000);
    expect(created).toBeLessThan(Date.now() + 1000);
    expect(v('vNotQvd')).toBe('-1');
    expect(v('vIncremental')).toBe('full');
    expect((await stat(path.join(dataDir, 'sales.qvd'))).size).toBeGreaterThan(0);
  });

  test('a path computed per row is refused with a clear error', async () => {
    await expect(
      script(`T: LOAD FileSize(F) as S INLINE [
        F
        data/sales.csv
      ];`),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/FileSize\('data\/sales\.csv'\): the file must be named/),
    });
  });
});

describe('table and logical functions of the script', () => {
  test('FieldNumber is the position of a field in a table, 0 when either is missing', async () => {
    const result = await script(`T: LOAD * INLINE [
        A, B, C
        1, 2, 3
      ];
      LET vB = FieldNumber('B', 'T');
      LET vNone = FieldNumber('X', 'T');
      LET vNoTable = FieldNumber('A', 'Nope');
      LET vPartial = IsPartialReload();`);
    const v = (name: string) => result.variables.get(name);
    expect([v('vB'), v('vNone'), v('vNoTable'), v('vPartial')]).toEqual(['2', '0', '0', '0']);
  });
});
