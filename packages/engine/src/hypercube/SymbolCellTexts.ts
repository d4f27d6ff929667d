// A field of at most this many symbols has its texts in an array, a bigger one in a map (a
// list box of 60,000 values showing 20 should not allocate an array of 60,000 per page).
const ARRAY_UP_TO = 4096;

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
