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

const QUOTED = [
  '"q,uoted"',
  '"say ""hi"""',
  '""',
  '  "lead"',
  '"trail" x ',
  '"two\nlines"',
  '"cr\r\nlf"',
  'mid"quote',
  '"7"',
  '"日本"',
];

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
  '-0',
  '+5',
  '-',
  '123456789012345',
  '1234567890123456',
  '-987654321',
];

/** Rows of cells joined by `delimiter`, with blank lines and short and long rows mixed in. */
function makeRows(count: number, delimiter: string, seed: number, quotes = false): string[] {
  const next = random(seed);
  const cells = quotes ? [...CELLS, ...QUOTED] : CELLS;
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll < 0.01) rows.push('');
    else {
      const width = roll < 0.03 ? 2 : roll < 0.05 ? 5 : 3;
      const row = Array.from({ length: width }, () => cells[Math.floor(next() * cells.length)]);
      row[0] = String(i % 977);
      rows.push(row.join(delimiter));
    }
  }
  return rows;
}

/** A file whose first 1 MiB chunk ends inside a quoted cell holding line breaks. */
function quotedCellAcrossChunks(): string {
  const head = 'a,b,c\n';
  const filler = '1,2,3\n';
  const rows = Math.floor((1024 * 1024 - head.length - 40) / filler.length);
  return head + filler.repeat(rows) + '4,"' + 'line\n'.repeat(20) + 'end",5\n' + filler.repeat(10);
}

const FILES: Record<string, string> = {
  'lf.csv': 'a,b,c\n' + makeRows(150_000, ',', 1).join('\n') + '\n',
  'crlf.csv': '\uFEFFa,b,c\r\n' + makeRows(150_000, ',', 2).join('\r\n'),
  'tabs.txt': 'a\tb\tc\n' + makeRows(150_000, '\t', 3).join('\n') + '\r',
  'quoted.csv': 'a,b,c\r\n' + makeRows(150_000, ',', 4, true).join('\r\n') + '\r\n',
  'quoted-single.csv':
    'a\n' + ['""', '"x"', '  ""  ', '', '"y""z"'].join('\n').repeat(30_000) + '\n',
  'quote-across-chunks.csv': quotedCellAcrossChunks(),
  // Never closed: more than 8 MiB of rows would have to wait for it, so the text parser takes over.
  'quote-open-early.csv': 'a,b,c\n1,2,3\n4,"open,x\n' + '5,6,7\n'.repeat(1_600_000),
  'quote-open-at-end.csv':
    'a,b,c\n' + makeRows(100_000, ',', 5, true).join('\n') + '\n1,"never closed,\n2,x,y\n',
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
    ['quoted.csv', "txt, utf8, embedded labels, delimiter is ',', msq"],
    ['quoted.csv', "txt, utf8, embedded labels, delimiter is ','"],
    ['quoted.csv', "txt, utf8, embedded labels, delimiter is ',', no quotes"],
    ['quoted-single.csv', "txt, utf8, embedded labels, delimiter is ','"],
    ['quote-across-chunks.csv', "txt, utf8, embedded labels, delimiter is ','"],
    ['quote-open-at-end.csv', "txt, utf8, embedded labels, delimiter is ','"],
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

  it('reads quoted cells: delimiters, doubled quotes and line breaks inside, text after', async () => {
    const [scanned] = await loadBothWays(
      'quoted.csv',
      "txt, utf8, embedded labels, delimiter is ',', msq",
    );
    const texts = new Set(scanned.rows.flatMap((row) => row.slice(1)));
    for (const text of [
      'q,uoted',
      'say "hi"',
      'lead',
      'trail x',
      'two\nlines',
      'cr\r\nlf',
      'mid"quote',
    ])
      expect(texts).toContain(text);
  });

  it('hands a quote that never closes to the text parser, which reads the rest as one cell', async () => {
    const [scanned, parsed] = await loadBothWays(
      'quote-open-early.csv',
      "txt, utf8, embedded labels, delimiter is ','",
    );
    expect(scanned).toEqual(parsed);
    expect(scanned.rows).toHaveLength(2);
    expect(String(scanned.rows[1]![1]).length).toBeGreaterThan(8 * 1024 * 1024);
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
