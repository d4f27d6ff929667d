import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/io/readJsonFile.js';

// A JSON file is read in two passes over its bytes; neither holds more than a
// read chunk of text and the records parsed from it, whatever the file's size.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let dir: string;
const RECORDS = 400_000;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qlikit-json-memory-'));
  const record = (i: number): string =>
    JSON.stringify({ id: i, name: `name ${i % 1000}`, amount: i / 4, flag: i % 2 === 0 });
  const lines = Array.from({ length: RECORDS }, (_, i) => record(i));
  await writeFile(path.join(dir, 'big.json'), `[\n${lines.join(',\n')}\n]\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Live memory after a full collection: the heap and the buffers outside it. */
function liveBytes(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

describe('readJsonFile memory', () => {
  it('streams a file many times the read chunk in memory that does not grow with it', async () => {
    // One read first, so that the code it compiles (heap too) is in the baseline, not the peak.
    for await (const batch of (await readJsonFile(path.join(dir, 'big.json'), 'big.json')).batches)
      void batch;
    const before = liveBytes();
    const records = await readJsonFile(path.join(dir, 'big.json'), 'big.json');
    let rows = 0;
    let peak = 0;
    for await (const batch of records.batches) {
      rows += batch.length;
      peak = Math.max(peak, liveBytes() - before);
    }
    expect(rows).toBe(RECORDS);
    expect(records.fieldNames).toEqual(['id', 'name', 'amount', 'flag']);
    // The file is about 26 MB; parsed at once, its records and rows would take about 70 MB
    // (measured). Streamed, one run of records (about one 1 MiB read chunk) is alive with its rows:
    // 2 to 10 MB on a quiet machine, up to 20 MB seen under a loaded CI run (code compiled late).
    expect(peak, `peak ${peak} bytes`).toBeLessThan(32 * 1024 * 1024);
  });
});
