import { mkdtemp, mkdir, readdir, rm, symlink, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_FORMAT } from '../../src/io/DelimitedFormat.js';
import type { DelimitedCell } from '../../src/io/DelimitedParser.js';
import { listDataFiles } from '../../src/io/listDataFiles.js';
import { readDelimitedFile } from '../../src/io/readDelimitedFile.js';
import { readJsonFile } from '../../src/io/readJsonFile.js';
import { resolveDataPath } from '../../src/io/resolveDataPath.js';
import { writeDelimitedFile } from '../../src/io/writeDelimitedFile.js';
import { Dual } from '../../src/value/Value.js';

let root: string;
let dataDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'qlikit-io-'));
  dataDir = path.join(root, 'data');
  await mkdir(path.join(dataDir, 'sub'), { recursive: true });
  await writeFile(path.join(root, 'secret.csv'), 'x\n1\n');
  await writeFile(path.join(dataDir, 'a.csv'), '\uFEFFid,name\r\n1,"x, y"\r\n2,z\r\n');
  await writeFile(path.join(dataDir, 'b.csv'), 'id\n3\n');
  await writeFile(path.join(dataDir, 'c.txt'), 'id\n3\n');
  await writeFile(
    path.join(dataDir, 'r.json'),
    JSON.stringify([{ a: 1, b: 'x' }, { a: 2.5, c: true, d: { n: 1 } }, { b: null }]),
  );
  await symlink(root, path.join(dataDir, 'escape'));
  await symlink(path.join(root, 'secret.csv'), path.join(dataDir, 'secret-link.csv'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('resolveDataPath', () => {
  it('maps lib:// paths of any connection and relative paths into the data dir', async () => {
    const inside = path.join(dataDir, 'a.csv');
    expect(await resolveDataPath(dataDir, 'lib://DataFiles/a.csv')).toBe(inside);
    expect(await resolveDataPath(dataDir, 'lib://Other/a.csv')).toBe(inside);
    expect(await resolveDataPath(dataDir, 'a.csv')).toBe(inside);
    expect(await resolveDataPath(dataDir, 'lib://DataFiles/sub/new.csv')).toBe(
      path.join(dataDir, 'sub', 'new.csv'),
    );
  });

  it('refuses parent segments, absolute paths and escaping symlinks', async () => {
    for (const bad of [
      'lib://DataFiles/../secret.csv',
      '../secret.csv',
      'sub/../../secret.csv',
      path.join(root, 'secret.csv'),
      'lib://DataFiles//etc/passwd',
      'lib://DataFiles/escape/secret.csv',
      'escape/new.csv',
      'secret-link.csv',
      'lib://DataFiles\\..\\secret.csv',
      'C:\\secret.csv',
    ]) {
      await expect(resolveDataPath(dataDir, bad), bad).rejects.toMatchObject({
        code: 'SCRIPT_PATH_OUTSIDE_DATA_DIR',
      });
    }
  });
});

describe('readDelimitedFile', () => {
  it('streams rows with the byte order mark dropped', async () => {
    const rows: DelimitedCell[][] = [];
    for await (const batch of readDelimitedFile(path.join(dataDir, 'a.csv'), 'a.csv', CSV_FORMAT))
      rows.push(...batch);
    expect(rows).toEqual([
      ['id', 'name'],
      ['1', 'x, y'],
      ['2', 'z'],
    ]);
  });

  it('reports a missing file', async () => {
    const reading = readDelimitedFile(
      path.join(dataDir, 'none.csv'),
      'none.csv',
      CSV_FORMAT,
    ).next();
    await expect(reading).rejects.toMatchObject({ code: 'SCRIPT_FILE_NOT_FOUND' });
  });
});

describe('readJsonFile', () => {
  it('reads records under the union of their keys', async () => {
    const records = await readJsonFile(path.join(dataDir, 'r.json'), 'r.json');
    expect(records.fieldNames).toEqual(['a', 'b', 'c', 'd']);
    expect(records.rowCount).toBe(3);
    const rows: unknown[] = [];
    for await (const batch of records.batches) rows.push(...batch);
    expect(rows).toEqual([
      [1, 'x', null, null],
      [2.5, null, new Dual('true', -1), '{"n":1}'],
      [null, null, null, null],
    ]);
  });

  it('streams a file of many records, a top-level record, and refuses what is no records', async () => {
    const many = Array.from({ length: 20000 }, (_, i) => ({
      i,
      s: `v${i}`,
      ...(i === 19999 ? { late: true } : {}),
    }));
    await writeFile(path.join(dataDir, 'many.json'), `\uFEFF  ${JSON.stringify(many)}`);
    const records = await readJsonFile(path.join(dataDir, 'many.json'), 'many.json');
    expect(records.fieldNames).toEqual(['i', 's', 'late']);
    let count = 0;
    let last: unknown;
    for await (const batch of records.batches) {
      count += batch.length;
      last = batch.at(-1);
    }
    expect(count).toBe(20000);
    expect(last).toEqual([19999, 'v19999', new Dual('true', -1)]);
    await writeFile(path.join(dataDir, 'one.json'), '{"a": 1, "b": "x"}');
    const one = await readJsonFile(path.join(dataDir, 'one.json'), 'one.json');
    expect(one.fieldNames).toEqual(['a', 'b']);
    await writeFile(path.join(dataDir, 'bad.json'), '[{"a": 1}, {"a": ');
    await expect(readJsonFile(path.join(dataDir, 'bad.json'), 'bad.json')).rejects.toMatchObject({
      code: 'SCRIPT_FILE_FORMAT',
    });
    await writeFile(path.join(dataDir, 'flat.json'), '[1, 2]');
    await expect(readJsonFile(path.join(dataDir, 'flat.json'), 'flat.json')).rejects.toMatchObject({
      code: 'SCRIPT_FILE_FORMAT',
      message: expect.stringContaining('not an array of records'),
    });
  });
});

describe('listDataFiles and writeDelimitedFile', () => {
  it('lists files matching a mask with the mask prefix', async () => {
    expect(await listDataFiles(dataDir, 'lib://DataFiles/*.csv')).toEqual([
      'lib://DataFiles/a.csv',
      'lib://DataFiles/b.csv',
    ]);
    expect(await listDataFiles(dataDir, '?.txt')).toEqual(['c.txt']);
  });

  it('writes quoted CSV that reads back the same', async () => {
    const target = path.join(dataDir, 'out.csv');
    await writeDelimitedFile(
      target,
      'out.csv',
      ['k', 'v'],
      [
        ['1', 'a,b'],
        ['2', 'say "x"'],
        ['3', 'two\nlines'],
      ],
    );
    // Qlik's STORE starts a text file with UTF-8's byte order mark.
    expect(await readFile(target, 'utf8')).toBe(
      '\ufeffk,v\n1,"a,b"\n2,"say ""x"""\n3,"two\nlines"\n',
    );
  });

  it('leaves the previous file whole when a write fails midway, and no temporary file', async () => {
    const target = path.join(dataDir, 'kept.csv');
    await writeFile(target, 'old\n');
    function* failing(): Generator<string[]> {
      yield ['1'];
      throw new Error('the rows ran out');
    }
    await expect(writeDelimitedFile(target, 'kept.csv', ['k'], failing())).rejects.toMatchObject({
      code: 'SCRIPT_FILE_WRITE',
      message: "Cannot write file 'kept.csv'",
    });
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect((await readdir(dataDir)).filter((name) => name.includes('kept'))).toEqual(['kept.csv']);
  });
});
