// Answers compared by value: every cell of the engine's rows against DuckDB's,
// numbers within a relative tolerance (sums may add up in another order).

/** One cell as the engine sends it. */
export interface EngineCell {
  readonly qText?: string;
  readonly qNum?: number | string;
}

const TOLERANCE = 1e-9;

/** A number DuckDB returned (BIGINT and DECIMAL come as bigint or objects). */
export function duckNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object' && 'toDouble' in value)
    return (value as { toDouble(): number }).toDouble();
  return Number(value);
}

function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Throws unless the engine's rows equal DuckDB's, cell by cell, in order:
 * text cells by text, numeric cells by number.
 */
export function compareRows(
  label: string,
  engine: readonly (readonly EngineCell[])[],
  duck: readonly (readonly unknown[])[],
): void {
  if (engine.length !== duck.length)
    throw new Error(`${label}: the engine has ${engine.length} rows, DuckDB ${duck.length}`);
  for (let r = 0; r < engine.length; r++) {
    const ours = engine[r]!;
    const theirs = duck[r]!;
    if (ours.length > theirs.length)
      throw new Error(`${label}: row ${r} has ${ours.length} cells, DuckDB's ${theirs.length}`);
    for (let c = 0; c < ours.length; c++) {
      const cell = ours[c]!;
      const expected = theirs[c];
      if (typeof expected === 'string') {
        if (cell.qText !== expected)
          throw new Error(`${label}: row ${r} cell ${c} is "${cell.qText}", DuckDB "${expected}"`);
        continue;
      }
      const num = typeof cell.qNum === 'number' ? cell.qNum : NaN;
      const want = expected === null ? NaN : duckNumber(expected);
      if (Number.isNaN(want) ? !Number.isNaN(num) : !sameNumber(num, want))
        throw new Error(`${label}: row ${r} cell ${c} is ${num}, DuckDB ${want}`);
    }
  }
}
