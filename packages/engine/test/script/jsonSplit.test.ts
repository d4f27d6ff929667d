import { afterAll, assert, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ColumnsPart } from '../../src/script/ColumnsPart.js';
import type { EncodedJsonPart } from '../../src/script/encodeJsonFile.js';
import { LoadWorkerPool, type LoadJob } from '../../src/script/LoadWorkerPool.js';
import { runScript } from '../../src/script/runScript.js';
import { makeDataDir, plain } from './scriptTestKit.js';

// A plain LOAD * of a JSON file encodes its records straight from the bytes
// into the columns, in one pass in the worker thread. The table must be the
// one the row-by-row path (JSON.parse, here through a WHERE clause) makes,
// down to the order of each dictionary.

/** Records with every kind of value, and a key that first appears in the second half. */
function records(count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const record: Record<string, unknown> = {
      id: i % 30_000,
      name: ['Zürich', '日本', 'a "quoted" name', '🙂'][i % 4] + String(i % 97),
      amount: i % 11 === 0 ? null : (i % 1000) / 8,
      flag: i % 3 === 0,
      nested: i % 500 === 0 ? { at: i, list: [1, 'x'] } : 'plain',
    };
    if (i > count * 0.75 && i % 2 === 0) record.late = `late ${i % 13}`;
    return JSON.stringify(record);
  });
  return `[\n${items.join(',\n')}\n]`;
}

let dataDir: string;
let dispose: () => Promise<void>;
const jobs: { job: LoadJob; result: ColumnsPart | undefined }[] = [];

beforeAll(async () => {
  // Record 50,000 (id 20,000 again) is in the worker's half.
  const text = records(60_000);
  const at = text.lastIndexOf('"id":20000,');
  const broken = `${text.slice(0, at)}"id":tru,${text.slice(at + '"id":20000,'.length)}`;
  ({ dir: dataDir, dispose } = await makeDataDir({
    'big.json': text,
    'broken.json': broken,
    'single.json': '{"a": 1, "b": "x"}',
    'trailing.json': '[{"a": 1}] x',
  }));
  const pool = LoadWorkerPool.shared();
  expect(await pool?.whenReady()).toBe(true);
  const run = pool!.run.bind(pool);
  vi.spyOn(pool!, 'run').mockImplementation(async (job) => {
    const result = await run(job);
    jobs.push({ job, result });
    return result;
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await dispose();
});

describe('LOAD * of a large JSON file in the load worker', () => {
  it('gives the table the row-by-row path gives, dictionaries in the same order', async () => {
    const from = 'FROM [lib://DataFiles/big.json] (json)';
    const encoded = (await runScript(`T: LOAD * ${from};`, { dataDir })).tables[0]!;
    // The worker reads the whole file, chunk by chunk.
    expect(jobs.map(({ job }) => job.kind)).toEqual(['json-file']);
    const read = jobs[0]!.result as unknown as EncodedJsonPart;
    assert('part' in read, 'the worker posts its columns as a part');
    expect(read.part.rows).toBe(60_000);
    expect(read.outline.runs.length).toBeGreaterThan(2);
    const parsed = (await runScript(`T: LOAD * ${from} WHERE 1 = 1;`, { dataDir })).tables[0]!;
    expect(encoded.columns.map((c) => c.name)).toEqual([
      'id',
      'name',
      'amount',
      'flag',
      'nested',
      'late',
    ]);
    expect(encoded.columns.map((c) => c.values)).toEqual(parsed.columns.map((c) => c.values));
    expect(plain(encoded)).toEqual(plain(parsed));
    const rows = plain(encoded).rows;
    expect(rows[0]).toEqual([
      0,
      'Zürich0',
      null,
      expect.objectContaining({ text: 'true', num: -1 }),
      '{"at":0,"list":[1,"x"]}',
      null,
    ]);
    expect(rows[59_998][5]).toBe(`late ${59_998 % 13}`);
  });

  it('a record the worker cannot parse fails the load, with the file named', async () => {
    jobs.length = 0;
    const load = runScript('T: LOAD * FROM [lib://DataFiles/broken.json] (json);', { dataDir });
    await expect(load).rejects.toThrow(/broken\.json' is not valid JSON/);
    expect(jobs.map(({ job, result }) => [job.kind, result])).toEqual([['json-file', undefined]]);
  });

  it('leaves what is not a plain array of records to the two-pass reader, faults as it says them', async () => {
    const load = (name: string) =>
      runScript(`T: LOAD * FROM [lib://DataFiles/${name}] (json);`, { dataDir });
    expect(plain((await load('single.json')).tables[0]).rows).toEqual([[1, 'x']]);
    await expect(load('trailing.json')).rejects.toThrow(
      /trailing\.json' is not valid JSON: it has text after the array/,
    );
    await expect(load('missing.json')).rejects.toMatchObject({ code: 'SCRIPT_FILE_NOT_FOUND' });
  });
});
