import { Dual, type Value } from '../../value/Value.js';

/**
 * A field's symbols with the ones that repeat a value dropped and the rows
 * pointed at the first: the engine keys a field's values by number (text
 * when there is none), so two QVD symbols with one number are one value,
 * and the first text wins as in Qlik. Most fields have no repeats and come
 * back as they are.
 */
export function uniqueSymbols(
  symbols: Value[],
  indexes: Int32Array,
): { values: Value[]; indexes: Int32Array } {
  // The common case (ids, dates, amounts written in order) needs no map.
  if (ascendingNumbers(symbols)) return { values: symbols, indexes };
  const first = new Map<number | string, number>();
  let remap: Int32Array | undefined;
  const values: Value[] = [];
  for (let i = 0; i < symbols.length; i++) {
    const symbol = symbols[i];
    const key =
      symbol instanceof Dual ? (Number.isNaN(symbol.num) ? symbol.text : symbol.num) : symbol;
    const seen = first.get(key as number | string);
    if (seen === undefined) {
      first.set(key as number | string, values.length);
      if (remap) remap[i] = values.length;
      values.push(symbol);
    } else {
      remap ??= Int32Array.from({ length: symbols.length }, (_, j) => (j < i ? j : 0));
      remap[i] = seen;
    }
  }
  if (!remap) return { values: symbols, indexes };
  for (let row = 0; row < indexes.length; row++) {
    const index = indexes[row];
    if (index >= 0) indexes[row] = remap[index];
  }
  return { values, indexes };
}

/** Whether every symbol has a number, each above the one before, so that no two share one. */
function ascendingNumbers(symbols: readonly Value[]): boolean {
  let last = -Infinity;
  for (const symbol of symbols) {
    const num = typeof symbol === 'number' ? symbol : symbol instanceof Dual ? symbol.num : NaN;
    // NaN (a text) fails the comparison too.
    if (!(num > last)) return false;
    last = num;
  }
  return true;
}
