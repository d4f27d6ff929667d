import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoadWorkerPool, type LoadJob } from '../../src/script/LoadWorkerPool.js';
import { runScript } from '../../src/script/runScript.js';
import { makeDataDir, plain } from './scriptTestKit.js';

// A JSON file over 16 MB is read by two threads: the worker from a record near
// a third of the bytes on, this thread up to it. The cut is a guess proven by this
// thread's part ending between two records; a guess that falls inside a string
// leaves the whole file to this thread. Either way the table is the one read
// in order: keys in first-seen order, nulls where a part lacks a key.

const COUNT = 200_000;

/** Record i; `early` only in the first quarter, `late` only in the last. */
function record(i: number): string {
  const fields: Record<string, unknown> = { id: i, name: `name ${i % 500}`, amount: (i % 997) / 4 };
  if (i < COUNT / 4) fields.early = i % 7;
  if (i > (COUNT * 3) / 4) fields.late = `late ${i % 11}`;
  return JSON.stringify(fields);
}

/** The records, padded so the file passes 16 MB; `decoy` puts a long string full of `},{` where the cut is guessed. */
function file(decoy: boolean): string {
  const pad = 'p'.repeat(40);
  const items = Array.from({ length: COUNT }, (_, i) => record(i).replace('}', `,"pad":"${pad}"}`));
  if (decoy)
    items.splice(Math.floor(COUNT / 3), 0, JSON.stringify({ id: -1, name: '},{'.repeat(700_000) }));
  return `[\n${items.join(',\n')}\n]\n`;
}

let dataDir: string;
let dispose: () => Promise<void>;
const jobs: LoadJob[] = [];

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir({
    'big.json': file(false),
    'decoy.json': file(true),
  }));
  const pool = LoadWorkerPool.shared();
  expect(await pool?.whenReady()).toBe(true);
  const run = pool!.run.bind(pool);
  vi.spyOn(pool!, 'run').mockImplementation((job) => {
    jobs.push(job);
    return run(job);
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await dispose();
});

/** The rows a reader in order makes of `file(decoy)`. */
function expectedRows(decoy: boolean): unknown[][] {
  const rows = Array.from({ length: COUNT }, (_, i) => [
    i,
    `name ${i % 500}`,
    (i % 997) / 4,
    i < COUNT / 4 ? i % 7 : null,
    'p'.repeat(40),
    i > (COUNT * 3) / 4 ? `late ${i % 11}` : null,
  ]);
  if (decoy)
    rows.splice(Math.floor(COUNT / 3), 0, [-1, '},{'.repeat(700_000), null, null, null, null]);
  return rows;
}

describe('LOAD * of a JSON file over 16 MB', () => {
  for (const decoy of [false, true])
    it(
      decoy
        ? 'reads the whole file here when the guessed cut lies inside a string'
        : 'reads it on two threads, keys in first-seen order',
      async () => {
        jobs.length = 0;
        const name = decoy ? 'decoy.json' : 'big.json';
        const result = await runScript(`T: LOAD * FROM [lib://DataFiles/${name}] (json);`, {
          dataDir,
        });
        const table = plain(result.tables[0]);
        expect(table.fields).toEqual(['id', 'name', 'amount', 'early', 'pad', 'late']);
        expect(table.rows).toEqual(expectedRows(decoy));
        // The worker took a part from a cut on, in both cases.
        expect(jobs.map((job) => job.kind === 'json-file' && job.part.start! > 0)).toEqual([true]);
      },
    );
});
