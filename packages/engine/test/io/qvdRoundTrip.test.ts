import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQvdHeader } from '../../src/io/qvd/readQvdFile.js';
import { runScript } from '../../src/script/runScript.js';
import { Dual } from '../../src/value/Value.js';
import { makeDataDir, tableOf } from '../script/scriptTestKit.js';

let dataDir: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir({
    'orders.csv':
      'Id,Day,Amount,Note,Code\n1,2024-01-31,10.5,Ünïcode,007\n2,2024-02-01,-3,,x\n3,2024-02-01,1e3,plain,7\n',
  }));
});
afterAll(() => dispose());

const run = (script: string) => runScript(script, { dataDir, appId: 'app-1' });

describe('STORE ... (qvd) and LOAD back', () => {
  it('round-trips numbers, texts, duals, dates, NULLs and single-value fields', async () => {
    const stored = await run(`
      Orders: LOAD *, If(Id = 2, Null(), Id * 1.5) as Maybe, 'same' as One, Null() as Nothing,
        Dual('big', 3000000000) as Big FROM [lib://DataFiles/orders.csv] (txt);
      STORE Orders INTO [lib://DataFiles/out/orders.qvd] (qvd);
      Back: NoConcatenate LOAD * FROM [lib://DataFiles/out/orders.qvd] (qvd);`);
    const original = tableOf(stored, 'Orders');
    const back = tableOf(stored, 'Back');
    expect(back).toEqual(original);
    expect(original.rows[0]).toEqual([
      1,
      new Dual('2024-01-31', 45322),
      10.5,
      'Ünïcode',
      new Dual('007', 7),
      1.5,
      'same',
      null,
      new Dual('big', 3000000000),
    ]);
    expect(stored.log).toContain('Orders >> lib://DataFiles/out/orders.qvd  3 Lines stored');
  });

  it('writes the header Qlik writes: lineage, number formats, tags, layout', async () => {
    await run(`
      T: LOAD * INLINE [
        k, d, t
        1, 2024-01-31, a
        2, 2024-02-29, b
      ];
      STORE T INTO [lib://DataFiles/t.qvd];`);
    const file = path.join(dataDir, 't.qvd');
    const header = await readQvdHeader(file, 't.qvd');
    expect(header.tableName).toBe('T');
    expect(header.creatorDoc).toBe('app-1');
    expect(header.createUtcTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(header.lineage).toEqual([
      { discriminator: 'INLINE;', statement: '' },
      { discriminator: '{STORE - [lib://DataFiles/t.qvd] (qvd)};', statement: '' },
    ]);
    const [k, d, t] = header.fields;
    expect(k.tags).toEqual(['$numeric', '$integer']);
    expect(d.numberFormat).toMatchObject({ type: 'DATE', fmt: 'YYYY-MM-DD' });
    expect(d.tags).toEqual(['$numeric', '$integer', '$timestamp', '$date']);
    expect(t.tags).toEqual(['$ascii', '$text']);
    expect(t.numberFormat.type).toBe('UNKNOWN');
    const bytes = await readFile(file);
    const end = bytes.indexOf('</QvdTableHeader>') + '</QvdTableHeader>'.length;
    expect([...bytes.subarray(end, end + 3)]).toEqual([0x0d, 0x0a, 0x00]);
    expect(bytes.subarray(0, end).toString('utf8')).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\r\n <QvdTableHeader>\r\n {3}<QvBuildNo>/,
    );
    const binaryStart = end + 3;
    const symbolBytes = header.fields.reduce((sum, f) => sum + f.length, 0);
    expect(header.offset).toBe(symbolBytes);
    expect(header.length).toBe(header.recordByteSize * header.recordCount);
    expect(bytes.length).toBe(binaryStart + header.offset + header.length);
    for (const field of header.fields)
      expect(field.bitOffset + field.bitWidth).toBeLessThanOrEqual(header.recordByteSize * 8);
  });

  it('stores an empty table and a chosen list of fields', async () => {
    const result = await run(`
      T: LOAD * INLINE [a, b
        1, x];
      E: NoConcatenate LOAD * RESIDENT T WHERE a > 5;
      STORE E INTO [lib://DataFiles/empty.qvd] (qvd);
      STORE b FROM T INTO [lib://DataFiles/b.qvd] (qvd);
      E2: NoConcatenate LOAD * FROM [lib://DataFiles/empty.qvd] (qvd);
      B2: NoConcatenate LOAD * FROM [lib://DataFiles/b.qvd] (qvd);`);
    expect(tableOf(result, 'E2')).toEqual({ fields: ['a', 'b'], rows: [] });
    expect(tableOf(result, 'B2')).toEqual({ fields: ['b'], rows: [['x']] });
  });

  it('takes whole columns for a plain LOAD and reads rows for one with expressions', async () => {
    const result = await run(`
      T: LOAD RecNo() as n, Mod(RecNo(), 3) as m AUTOGENERATE 100000;
      STORE T INTO [lib://DataFiles/big.qvd] (qvd);
      Plain: NoConcatenate LOAD n as N, m FROM [lib://DataFiles/big.qvd] (qvd);
      Computed: NoConcatenate LOAD n + 1 as N1 FROM [lib://DataFiles/big.qvd] (qvd) WHERE m = 0;`);
    const plain = tableOf(result, 'Plain');
    expect(plain.rows.length).toBe(100000);
    expect(plain.rows[99999]).toEqual([100000, 1]);
    const computed = tableOf(result, 'Computed');
    expect(computed.rows.length).toBe(33333);
    expect(computed.rows[0]).toEqual([4]);
  });

  it('leaves an existing file as it was when a STORE fails, with no temporary file behind', async () => {
    await mkdir(path.join(dataDir, 'keep'), { recursive: true });
    await writeFile(path.join(dataDir, 'keep', 'x.qvd'), 'previous');
    await mkdir(path.join(dataDir, 'keep', 'dir.qvd'), { recursive: true });
    await expect(
      run(`T: LOAD 1 as a AUTOGENERATE 1; STORE T INTO [lib://DataFiles/keep/dir.qvd] (qvd);`),
    ).rejects.toMatchObject({ code: 'SCRIPT_FILE_WRITE' });
    await expect(
      run(
        `T: LOAD 1 as a AUTOGENERATE 1; STORE nope FROM T INTO [lib://DataFiles/keep/x.qvd] (qvd);`,
      ),
    ).rejects.toMatchObject({ code: 'SCRIPT_FIELD_NOT_FOUND' });
    expect(await readFile(path.join(dataDir, 'keep', 'x.qvd'), 'utf8')).toBe('previous');
    expect((await readdir(path.join(dataDir, 'keep'))).sort()).toEqual(['dir.qvd', 'x.qvd']);
  });

  it('fails with SCRIPT_FILE_FORMAT for a file that is no QVD or is cut short', async () => {
    await writeFile(path.join(dataDir, 'fake.qvd'), 'a,b\n1,2\n');
    await expect(run(`T: LOAD * FROM [fake.qvd] (qvd);`)).rejects.toMatchObject({
      code: 'SCRIPT_FILE_FORMAT',
    });
    await run(`T: LOAD RecNo() as n AUTOGENERATE 1000; STORE T INTO [whole.qvd] (qvd);`);
    const whole = await readFile(path.join(dataDir, 'whole.qvd'));
    await writeFile(path.join(dataDir, 'cut.qvd'), whole.subarray(0, whole.length - 10));
    await expect(run(`T: LOAD * FROM [cut.qvd] (qvd);`)).rejects.toMatchObject({
      code: 'SCRIPT_FILE_FORMAT',
      message: expect.stringContaining('cut short'),
    });
  });
});
