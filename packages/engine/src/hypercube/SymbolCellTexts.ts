// Symbols at or below this many are looked up in an array, more in a map (a field of 100,000
// values whose chart shows 50 rows should not pay for an array of 100,000).
const ARRAY_UP_TO = 65_536;

// The keys below 0 a dimension column holds (null -1, Others -3) sit at the array's start.
const NEGATIVE_KEYS = 3;

/**
 * The JSON text of a dimension column's cells, written once per symbol: a
 * symbol's cell is the same on every row that shows it.
 */
export class SymbolCellTexts {
  private readonly array: (string | undefined)[] | undefined;
  private readonly map: Map<number, string> | undefined;

  constructor(
    cardinality: number,
    private readonly write: (symbol: number) => string,
  ) {
    if (cardinality <= ARRAY_UP_TO) this.array = new Array<string>(cardinality + NEGATIVE_KEYS);
    else this.map = new Map();
  }

  /** The text of the cell showing `symbol` (a key of the column: a symbol, -1 or -3). */
  get(symbol: number): string {
    if (this.array) {
      const at = symbol + NEGATIVE_KEYS;
      return (this.array[at] ??= this.write(symbol));
    }
    let text = this.map!.get(symbol);
    if (text === undefined) this.map!.set(symbol, (text = this.write(symbol)));
    return text;
  }
}
