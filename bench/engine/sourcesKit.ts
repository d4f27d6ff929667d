// The measuring kit of bench/engine/sources.ts: each side's answer reduced to a checksum of every
// cell (compared by value between the two sides), and alternating rounds with medians, min and max.
import type { LoadedTable } from '../../packages/engine/src/model/LoadedTable.js';
import { Dual } from '../../packages/engine/src/value/Value.js';

/** Days from Qlik's day 0 (1899-12-30) to 1970-01-01. */
export const UNIX_EPOCH_SERIAL = 25569;

/**
 * A checksum of every cell of one column in row order: numbers (a date as its
 * Qlik serial) by their bits, texts by their characters, nulls apart. Two
 * columns agree only when every cell agrees.
 */
class ColumnChecksum {
  private a = 0x811c9dc5;
  private b = 0x01000193;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  add(cell: number | string | null): void {
    if (cell === null) this.mix(0x9e3779b9, 1);
    else if (typeof cell === 'number') {
      this.bits[0] = cell;
      this.mix(this.words[0], 2);
      this.mix(this.words[1], 3);
    } else {
      for (let i = 0; i < cell.length; i++) this.mix(cell.charCodeAt(i), 4);
      this.mix(cell.length, 5);
    }
  }

  get value(): string {
    return `${(this.a >>> 0).toString(16)}${(this.b >>> 0).toString(16)}`;
  }

  private mix(word: number, kind: number): void {
    this.a = Math.imul(this.a ^ word, 0x01000193);
    this.b = Math.imul(this.b + word + kind, 0x85ebca6b) ^ (this.b >>> 13);
  }
}

/** What both sides must agree on: the row count and one checksum per column. */
export interface Answer {
  rows: number;
  columns: string[];
}

/** Every cell of a loaded table, read from its dictionary columns (a dual by its number). */
export function answerOfTable(table: LoadedTable, fields: readonly string[]): Answer {
  const columns = fields.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new Error(`the loaded table has no field ${name}`);
    const cells = column.values.map((value) => (value instanceof Dual ? value.num : value));
    const sum = new ColumnChecksum();
    for (let row = 0; row < table.rowCount; row++) {
      const index = column.indexes[row];
      sum.add(index < 0 ? null : (cells[index] as number | string));
    }
    return sum.value;
  });
  return { rows: table.rowCount, columns };
}

/** Rows of cells another reader produced, each cell already as the engine holds it. */
export function answerOfRows(
  rows: Iterable<readonly unknown[]>,
  width: number,
  cellOf: (cell: unknown) => number | string | null,
): Answer {
  const sums = Array.from({ length: width }, () => new ColumnChecksum());
  let count = 0;
  for (const row of rows) {
    for (let c = 0; c < width; c++) sums[c].add(cellOf(row[c]));
    count++;
  }
  return { rows: count, columns: sums.map((s) => s.value) };
}

/** One side of a comparison: the timed work, then the untimed reduction of what it produced. */
export interface Side<T> {
  readonly name: string;
  run(): Promise<T>;
  answer(result: T): Promise<Answer> | Answer;
}

interface Timing {
  median: number;
  min: number;
  max: number;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** The line a comparison prints, for the summary at the end. */
export interface Figure {
  title: string;
  rows: number;
  ours: number;
  anchor: string;
  theirs: number;
}

/**
 * Alternating rounds (round 0 warms both sides up and is not counted; the
 * order flips every round); every answer of every round must equal the first.
 */
export async function compare<A, B>(
  title: string,
  rows: number,
  rounds: number,
  ours: Side<A>,
  anchor: Side<B>,
): Promise<Figure> {
  const samples = new Map<string, number[]>([
    [ours.name, []],
    [anchor.name, []],
  ]);
  let expected: string | undefined;
  const check = (side: string, answer: Answer): void => {
    const text = JSON.stringify(answer);
    expected ??= text;
    if (text !== expected)
      throw new Error(`${title}: ${side} answered ${text}, the other side ${expected}`);
  };
  const measure = async <T>(side: Side<T>, round: number): Promise<void> => {
    globalThis.gc?.();
    const started = performance.now();
    const result = await side.run();
    const ms = performance.now() - started;
    check(side.name, await side.answer(result));
    if (round > 0) samples.get(side.name)?.push(ms);
  };
  for (let round = 0; round <= rounds; round++) {
    const order: [Side<unknown>, Side<unknown>] =
      round % 2 === 0
        ? [ours as Side<unknown>, anchor as Side<unknown>]
        : [anchor as Side<unknown>, ours as Side<unknown>];
    for (const side of order) await measure(side, round);
  }
  const a = timing(samples.get(ours.name) ?? []);
  const b = timing(samples.get(anchor.name) ?? []);
  const show = (name: string, t: Timing): string =>
    `${name.padEnd(8)} ${t.median.toFixed(0).padStart(6)} ms [${t.min.toFixed(0)}–${t.max.toFixed(0)}] ` +
    `${Math.round((rows / t.median) * 1000).toLocaleString('en')} rows/s`;
  console.log(`${title} (${rows.toLocaleString('en')} rows)`);
  console.log(`  ${show(ours.name, a)}`);
  console.log(`  ${show(anchor.name, b)}`);
  console.log(
    `  ratio qlikit / ${anchor.name}: ${(a.median / b.median).toFixed(2)}x; answers equal in every round`,
  );
  return { title, rows, ours: a.median, anchor: anchor.name, theirs: b.median };
}
