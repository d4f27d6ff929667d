import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { makeDataDir, plain, type PlainTable } from './scriptTestKit.js';

// A plain `LOAD *` from a UTF-8 file is encoded straight from the file's
// bytes; any other load (here: one with a WHERE clause) reads the same rows
// through the text parser. Both must give the same table, whatever the file
// holds and wherever its rows fall across read chunks (1 MiB).

let dataDir: string;
let dispose: () => Promise<void>;

/** A deterministic generator, so a failure names a reproducible file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    return ((state >>> 8) & 0xffff) / 0x10000;
  };
}

const CELLS = [
  '0',
  '007',
  '1.50',
  '-3',
  ' 42 ',
  '',
  'North',
  'é',
  '日本',
  'a b',
  '1e3',
  '\uFEFFx',
  '2.0',
  '2',
];

/** Rows of cells joined by `delimiter`, with blank lines and short and long rows mixed in. */
function makeRows(count: number, delimiter: string, seed: number): string[] {
  const next = random(seed);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll < 0.01) rows.push('');
    else {
      const width = roll < 0.03 ? 2 : roll < 0.05 ? 5 : 3;
      const cells = Array.from({ length: width }, () => CELLS[Math.floor(next() * CELLS.length)]);
      cells[0] = String(i % 977);
      rows.push(cells.join(delimiter));
    }
  }
  return rows;
}

const FILES: Record<string, string> = {
  'lf.csv': 'a,b,c\n' + makeRows(150_000, ',', 1).join('\n') + '\n',
  'crlf.csv': '\uFEFFa,b,c\r\n' + makeRows(150_000, ',', 2).join('\r\n'),
  'tabs.txt': 'a\tb\tc\n' + makeRows(150_000, '\t', 3).join('\n') + '\r',
  'quote-late.csv':
    'a,b,c\n' +
    makeRows(100_000, ',', 4).join('\n') +
    '\n1,"q,uoted",x\n' +
    makeRows(50_000, ',', 5).join('\n'),
  'bare-cr-late.csv':
    'a,b,c\n' +
    makeRows(100_000, ',', 6).join('\n') +
    '\n1,cr\rinside,x\n' +
    makeRows(1000, ',', 7).join('\n'),
  'long-cell.csv':
    'a,b,c\n1,' + 'y'.repeat(1_500_000) + ',z\n' + makeRows(1000, ',', 8).join('\n') + '\n',
  'headers.csv': 'title line\nsecond line\n' + makeRows(5000, ',', 9).join('\n') + '\n',
};

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir(FILES));
});

afterAll(async () => {
  await dispose();
});

async function loadBothWays(file: string, format: string): Promise<[PlainTable, PlainTable]> {
  const from = `FROM [lib://DataFiles/${file}] (${format})`;
  const scanned = await runScript(`T: LOAD * ${from};`, { dataDir });
  const parsed = await runScript(`T: LOAD * ${from} WHERE 1 = 1;`, { dataDir });
  return [plain(scanned.tables[0]), plain(parsed.tables[0])];
}

describe('LOAD * from UTF-8 bytes', () => {
  it.each([
    ['lf.csv', "txt, utf8, embedded labels, delimiter is ','"],
    ['crlf.csv', "txt, utf8, embedded labels, delimiter is ','"],
    ['tabs.txt', "txt, utf8, embedded labels, delimiter is '\\t'"],
    ['quote-late.csv', "txt, utf8, embedded labels, delimiter is ',', msq"],
    ['bare-cr-late.csv', "txt, utf8, embedded labels, delimiter is ','"],
    ['long-cell.csv', "txt, utf8, embedded labels, delimiter is ','"],
    ['headers.csv', "txt, utf8, no labels, header is 2 lines, delimiter is ','"],
  ])('%s reads as the text parser reads it', async (file, format) => {
    const [scanned, parsed] = await loadBothWays(file, format);
    expect(scanned.rows.length).toBeGreaterThan(900);
    expect(scanned).toEqual(parsed);
  });

  it('keeps the first text of a number and reads UTF-8 text whole', async () => {
    const [scanned] = await loadBothWays('lf.csv', "txt, utf8, embedded labels, delimiter is ','");
    const texts = new Set(scanned.rows.map((row) => row[1]).filter((v) => typeof v === 'string'));
    expect(texts).toContain('日本');
    expect(texts).toContain('é');
    // A byte order mark inside the data is a character like any other.
    expect(texts).toContain('\uFEFFx');
  });

  it('switches to the text parser at a quoted cell and still reads it as a quoted cell', async () => {
    const [scanned] = await loadBothWays(
      'quote-late.csv',
      "txt, utf8, embedded labels, delimiter is ',', msq",
    );
    expect(scanned.rows.some((row) => row[1] === 'q,uoted')).toBe(true);
  });

  it('reads a cell longer than a read chunk', async () => {
    const [scanned] = await loadBothWays(
      'long-cell.csv',
      "txt, utf8, embedded labels, delimiter is ','",
    );
    expect(String(scanned.rows[0][1]).length).toBe(1_500_000);
    expect(scanned.rows[0][2]).toBe('z');
  });
});
