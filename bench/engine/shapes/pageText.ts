// Development aid: ways to write a data page's JSON from a chart's columns —
// cell objects then JSON.stringify (what the engine does), and the text written
// by hand from the columns (no cell objects) — on a page shaped like the shapes
// bench's plain chart (1,050 rows: two dimensions, two measures). Both texts
// are checked equal; the ways run alternately, medians of 15 rounds of 100.
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/pageText.ts
import { numberToText } from '../../../packages/engine/src/value/numberToText.js';
import { summarize } from '../alternate.js';

const ROWS = 1050;
const d1 = Int32Array.from({ length: ROWS }, (_, i) => Math.floor(i / 35));
const d2 = Int32Array.from({ length: ROWS }, (_, i) => i % 35);
const texts1 = Array.from({ length: 30 }, (_, i) => String(i));
const texts2 = Array.from({ length: 35 }, (_, i) => `v${i}`);
const sums = Float64Array.from({ length: ROWS }, (_, i) => 30000 + i * 1.25);
const counts = Float64Array.from({ length: ROWS }, (_, i) => 280 + (i % 17));

function withObjects(): string {
  const qMatrix = [];
  for (let r = 0; r < ROWS; r++) {
    const a = d1[r]!;
    const b = d2[r]!;
    qMatrix.push([
      { qText: texts1[a]!, qNum: a, qElemNumber: a, qState: 'O' },
      { qText: texts2[b]!, qNum: 'NaN', qElemNumber: b, qState: 'O' },
      { qText: numberToText(sums[r]!), qNum: sums[r]!, qElemNumber: 0, qState: 'L' },
      { qText: numberToText(counts[r]!), qNum: counts[r]!, qElemNumber: 0, qState: 'L' },
    ]);
  }
  return JSON.stringify({ qMatrix });
}

function byHand(): string {
  const rows: string[] = new Array<string>(ROWS);
  for (let r = 0; r < ROWS; r++) {
    const a = d1[r]!;
    const b = d2[r]!;
    rows[r] =
      `[{"qText":${JSON.stringify(texts1[a])},"qNum":${a},"qElemNumber":${a},"qState":"O"},` +
      `{"qText":${JSON.stringify(texts2[b])},"qNum":"NaN","qElemNumber":${b},"qState":"O"},` +
      `{"qText":${JSON.stringify(numberToText(sums[r]!))},"qNum":${sums[r]},"qElemNumber":0,"qState":"L"},` +
      `{"qText":${JSON.stringify(numberToText(counts[r]!))},"qNum":${counts[r]},"qElemNumber":0,"qState":"L"}]`;
  }
  return `{"qMatrix":[${rows.join(',')}]}`;
}

// Dimension cells repeat (a symbol's cell is the same on every row): their text written once per symbol.
function byHandPerSymbol(): string {
  const cells1 = texts1.map(
    (text, a) => `{"qText":${JSON.stringify(text)},"qNum":${a},"qElemNumber":${a},"qState":"O"}`,
  );
  const cells2 = texts2.map(
    (text, b) => `{"qText":${JSON.stringify(text)},"qNum":"NaN","qElemNumber":${b},"qState":"O"}`,
  );
  const rows: string[] = new Array<string>(ROWS);
  for (let r = 0; r < ROWS; r++) {
    rows[r] =
      `[${cells1[d1[r]!]},${cells2[d2[r]!]},` +
      `{"qText":${JSON.stringify(numberToText(sums[r]!))},"qNum":${sums[r]},"qElemNumber":0,"qState":"L"},` +
      `{"qText":${JSON.stringify(numberToText(counts[r]!))},"qNum":${counts[r]},"qElemNumber":0,"qState":"L"}]`;
  }
  return `{"qMatrix":[${rows.join(',')}]}`;
}

if (withObjects() !== byHand() || byHand() !== byHandPerSymbol())
  throw new Error('the texts differ');
const ways = {
  'cell objects + JSON.stringify': withObjects,
  'by hand from the columns': byHand,
  'by hand, dimension cells per symbol': byHandPerSymbol,
};
const samples = new Map<string, number[]>(Object.keys(ways).map((name) => [name, []]));
const gc = (globalThis as { gc?: () => void }).gc;
for (let round = 0; round < 16; round++) {
  for (const [name, write] of Object.entries(ways)) {
    gc?.();
    const started = performance.now();
    // Byte length flattens the text, as the socket's write does.
    for (let i = 0; i < 100; i++) Buffer.byteLength(write());
    if (round > 0) samples.get(name)!.push((performance.now() - started) / 100);
  }
}
for (const [name, list] of samples) {
  const { median, min, max } = summarize(list);
  console.log(
    `${name.padEnd(36)} ${median.toFixed(3)} ms per page [${min.toFixed(3)}–${max.toFixed(3)}]`,
  );
}
