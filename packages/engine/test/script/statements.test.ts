import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { dataDirFiles, type DataFiles } from '../../src/io/DataFiles.js';
import { runScript } from '../../src/script/runScript.js';
import type { ScriptConnection } from '../../src/script/ScriptConnection.js';
import type { Value } from '../../src/value/Value.js';
import { makeDataDir, run, tableOf } from './scriptTestKit.js';

/** A ScriptConnection over an in-memory DuckDB database, as a data connection would open one. */
async function duckConnection(setup: string): Promise<ScriptConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  await duck.run(setup);
  return {
    async select(sql) {
      const reader = await duck.runAndReadAll(sql);
      const rows = reader
        .getRowsJS()
        .map((row) =>
          row.map((cell): Value => (typeof cell === 'bigint' ? Number(cell) : (cell as Value))),
        );
      return { kind: 'values', fieldNames: reader.columnNames(), batches: [rows] };
    },
    async close() {
      duck.closeSync();
    },
  };
}

describe('LIB CONNECT and SQL SELECT', () => {
  it('loads a SELECT through the connection, with a preceding load and NullDisplay', async () => {
    const opened: string[] = [];
    const result = await runScript(
      `SET NullDisplay = '<null>';
       LIB CONNECT TO 'Shop DB';
       Orders:
       LOAD id, amount * 2 as doubled, note;
       SQL SELECT id, amount, note FROM orders ORDER BY id;
       DISCONNECT;`,
      {
        dataDir: '.',
        connect: async (name) => {
          opened.push(name);
          return duckConnection(
            `CREATE TABLE orders AS SELECT * FROM (VALUES (1, 10, 'a'), (2, 20, NULL)) t(id, amount, note)`,
          );
        },
      },
    );
    expect(opened).toEqual(['Shop DB']);
    expect(tableOf(result, 'Orders')).toEqual({
      fields: ['id', 'doubled', 'note'],
      rows: [
        [1, 20, 'a'],
        [2, 40, '<null>'],
      ],
    });
  });

  it('a SELECT before any LIB CONNECT fails at its line', async () => {
    const failure = await runScript('SET a = 1;\nT: SQL SELECT 1;', {
      dataDir: '.',
      connect: () => duckConnection('SELECT 1'),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SCRIPT_RUNTIME', line: 2 });
  });
});

describe('lists, field values and table functions', () => {
  it('FOR EACH over FileList() and DirList()', async () => {
    const data = await makeDataDir({ 'a/x.csv': 'v\n1\n', 'a/y.csv': 'v\n2\n', 'b/z.txt': '' });
    try {
      const result = await runScript(
        `FOR EACH dir IN DirList('lib://DataFiles/*')
           FOR EACH file IN FileList('$(dir)/*.csv')
             T: LOAD v, '$(file)' as source FROM [$(file)] (txt);
           NEXT file
         NEXT dir`,
        { dataDir: data.dir },
      );
      expect(tableOf(result, 'T').rows).toEqual([
        [1, 'lib://DataFiles/a/x.csv'],
        [2, 'lib://DataFiles/a/y.csv'],
      ]);
    } finally {
      await data.dispose();
    }
  });

  it('FileList() and DirList() list through the pluggable DataFiles, not the data dir', async () => {
    const empty = await makeDataDir({});
    const data = await makeDataDir({
      'north/q1.csv': 'v\n1\n',
      'south/q1.csv': 'v\n2\n',
      'x.csv': '',
    });
    const asked: string[] = [];
    const plugged = dataDirFiles(data.dir);
    const files: DataFiles = {
      resolve: (scriptPath) => plugged.resolve(scriptPath),
      list: (mask, kind) => {
        asked.push(`${kind ?? 'files'} ${mask}`);
        return plugged.list(mask, kind);
      },
    };
    try {
      const result = await runScript(
        `FOR EACH dir IN DirList('lib://Sales/*')
           FOR EACH file IN FileList('$(dir)/*.csv')
             T: LOAD v, '$(file)' as source FROM [$(file)] (txt);
           NEXT file
         NEXT dir`,
        { dataDir: empty.dir, files },
      );
      expect(tableOf(result, 'T').rows).toEqual([
        [1, 'lib://Sales/north/q1.csv'],
        [2, 'lib://Sales/south/q1.csv'],
      ]);
      expect(asked).toEqual([
        'folders lib://Sales/*',
        'files lib://Sales/north/*.csv',
        'files lib://Sales/south/*.csv',
      ]);
    } finally {
      await Promise.all([empty.dispose(), data.dispose()]);
    }
  });

  it('FieldValue, FieldIndex, FieldValueCount, NoOfFields, AutoNumberHash128', async () => {
    const result = await run(`
      T: LOAD * INLINE [
      k, v
      b, 1
      a, 2
      b, 3
      ];
      LET first = FieldValue('k', 1);
      LET index = FieldIndex('k', 'a');
      LET count = FieldValueCount('k');
      LET fields = NoOfFields('T');
      U: LOAD k, AutoNumberHash128(k, v > 1) as id RESIDENT T;`);
    expect(result.variables.get('first')).toBe('b');
    expect(result.variables.get('index')).toBe('2');
    expect(result.variables.get('count')).toBe('2');
    expect(result.variables.get('fields')).toBe('2');
    expect(tableOf(result, 'U').rows).toEqual([
      ['b', 1],
      ['a', 2],
      ['b', 3],
    ]);
  });

  it('WHEN / UNLESS prefixes run a statement conditionally', async () => {
    const result = await run(`
      LET x = 3;
      WHEN x > 2 SET big = yes;
      UNLESS x > 2 SET small = yes;`);
    expect(result.variables.get('big')).toBe('yes');
    expect(result.variables.has('small')).toBe(false);
  });
});
