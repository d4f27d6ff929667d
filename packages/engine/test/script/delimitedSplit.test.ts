import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LoadedTable } from '../../src/model/LoadedTable.js';
import { LoadWorkerPool } from '../../src/script/LoadWorkerPool.js';
import { runScript } from '../../src/script/runScript.js';
import type { ColumnsPart } from '../../src/script/ColumnsPart.js';
import { LOADING_THREAD_SHARE } from '../../src/script/startSecondHalf.js';
import { makeDataDir, plain } from './scriptTestKit.js';

// A large UTF-8 file's rows are encoded by two threads: this one up to a line
// feed near the split point (LOADING_THREAD_SHARE of the bytes), the worker from there. The table must be the one a
// single reader makes (the text parser, here through a WHERE clause), down to
// the order of each dictionary, wherever the split point falls.

const CELLS = ['0', '007', '1.50', '-3', ' 42 ', '', 'North', 'é', '日本', '🙂x', '2.0', '2'];

/** Deterministic rows (three cells, sometimes two), with values first seen in either half. */
function rows(count: number, seed: number, from = 0): string[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    return (state >>> 8) & 0xffff;
  };
  return Array.from({ length: count }, (_, i) => {
    const cells = [String((from + i) % 50_000), CELLS[next() % CELLS.length]];
    if (next() % 20 !== 0) cells.push(`${CELLS[next() % CELLS.length]}${(from + i) % 7}`);
    return cells.join(',');
  });
}

/** A file whose split point falls inside a quoted cell that holds line breaks. */
function quotedAcrossMiddle(): string {
  const ahead = Math.round(180_000 * LOADING_THREAD_SHARE);
  const before = rows(ahead, 3).join('\n');
  const cell = '"' + 'inside a quote\n'.repeat(2000) + '"';
  return `a,b,c\n${before}\n1,${cell},x\n${rows(180_000 - ahead, 4, ahead).join('\n')}\n`;
}

const FILES: Record<string, string> = {
  'plain.csv': 'a,b,c\n' + rows(200_000, 1).join('\n') + '\n',
  'bom-crlf.csv': '\uFEFFa,b,c\r\n' + rows(200_000, 2).join('\r\n'),
  'quoted-middle.csv': quotedAcrossMiddle(),
  'bare-cr-second-half.csv':
    'a,b,c\n' + rows(200_000, 5).join('\n') + '\n1,cr\rinside,x\n' + rows(60_000, 6).join('\n'),
};

let dataDir: string;
let dispose: () => Promise<void>;
const results: (ColumnsPart | undefined)[] = [];

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir(FILES));
  const pool = LoadWorkerPool.shared();
  expect(await pool?.whenReady()).toBe(true);
  const scan = pool!.run.bind(pool);
  vi.spyOn(pool!, 'run').mockImplementation(async (job) => {
    const result = await scan(job);
    results.push(result);
    return result;
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await dispose();
});

/** The table as its dictionaries (their order is the symbols' order) and a digest of each column's indexes. */
function shape(table: LoadedTable | undefined) {
  if (!table) throw new Error('table missing');
  return {
    fields: table.columns.map((column) => column.name),
    rowCount: table.rowCount,
    dictionaries: table.columns.map((column) => column.values),
    indexes: table.columns.map((column) => {
      const rows = column.indexes.subarray(0, table.rowCount);
      return createHash('sha1')
        .update(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength))
        .digest('hex');
    }),
    table,
  };
}

async function loadBothWays(file: string, format = "txt, utf8, embedded labels, delimiter is ','") {
  const from = `FROM [lib://DataFiles/${file}] (${format})`;
  results.length = 0;
  const scanned = await runScript(`T: LOAD * ${from};`, { dataDir });
  const parsed = await runScript(`T: LOAD * ${from} WHERE 1 = 1;`, { dataDir });
  const [a, b] = [shape(scanned.tables[0]), shape(parsed.tables[0])];
  expect({ ...a, table: undefined }).toEqual({ ...b, table: undefined });
  return { scanned: a, rows: plain(a.table).rows };
}

describe('LOAD * of a large file on two threads', () => {
  it.each(['plain.csv', 'bom-crlf.csv'])(
    '%s: the worker reads half, the table is the same',
    async (file) => {
      const { scanned, rows } = await loadBothWays(file);
      expect(results).toHaveLength(1);
      expect(results[0]?.rows).toBeGreaterThan(50_000);
      expect(scanned.rowCount).toBe(200_000);
      expect(scanned.fields).toEqual(['a', 'b', 'c']);
      expect(rows[199_999][0]).toBe(49_999);
      expect(scanned.dictionaries[0]).toEqual(Array.from({ length: 50_000 }, (_, i) => i));
      expect(scanned.dictionaries[2]).toContain('🙂x3');
    },
  );

  it('a middle inside a quoted cell with line breaks: the worker guessed wrong, this thread reads on', async () => {
    const { scanned, rows } = await loadBothWays('quoted-middle.csv');
    expect(results).toHaveLength(1);
    expect(scanned.rowCount).toBe(180_001);
    expect(rows[Math.round(180_000 * LOADING_THREAD_SHARE)][1]).toBe(
      'inside a quote\n'.repeat(2000),
    );
  });

  it('a bare CR (a line break to the text parser) in the second half: the worker gives up, the text parser reads from there', async () => {
    const { scanned } = await loadBothWays('bare-cr-second-half.csv');
    expect(results).toEqual([undefined]);
    expect(scanned.rowCount).toBe(200_000 + 2 + 60_000);
  });
});
