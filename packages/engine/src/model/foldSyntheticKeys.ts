import type { DraftColumn, DraftTable } from './DraftTable.js';
import { SymbolTable } from './SymbolTable.js';

/** What folding synthetic keys produced besides the rewritten tables. */
export interface SyntheticKeyResult {
  /** Symbol tables of the `$Syn N` fields, by name. */
  readonly symbols: Map<string, SymbolTable>;
  /** Names of fields that ended up inside a synthetic key. */
  readonly keyParts: Set<string>;
}

/**
 * Replaces every set of two or more fields shared by two tables with one
 * `$Syn N` field, as Qlik does: each table holding all of the shared fields
 * gets the key column instead of them, and a `$Syn N Table` holds the
 * combinations that occur. Repeats until no two tables share two fields, so
 * keys may be built on keys; the largest shared set is folded first.
 */
export function foldSyntheticKeys(tables: DraftTable[]): SyntheticKeyResult {
  const symbols = new Map<string, SymbolTable>();
  const keyParts = new Set<string>();
  for (let n = 1; ; n++) {
    const shared = largestSharedFieldSet(tables);
    if (!shared) break;
    const keyName = `$Syn ${n}`;
    const holders = tables.filter((table) => holdsAll(table, shared));
    const combos = new ComboIndex(shared.map((name) => largestCode(holders, name) + 2));
    for (let t = 0; t < tables.length; t++) {
      if (holders.includes(tables[t]))
        tables[t] = replaceWithKey(tables[t], shared, keyName, combos);
    }
    tables.push(combos.toTable(`${keyName} Table`, keyName, shared));
    symbols.set(keyName, combos.symbols());
    for (const name of shared) keyParts.add(name);
  }
  return { symbols, keyParts };
}

function largestSharedFieldSet(tables: readonly DraftTable[]): string[] | undefined {
  let best: string[] | undefined;
  for (let a = 0; a < tables.length; a++) {
    const names = new Set(tables[a].columns.map((column) => column.name));
    for (let b = a + 1; b < tables.length; b++) {
      const shared = tables[b].columns
        .map((column) => column.name)
        .filter((name) => names.has(name));
      if (shared.length >= 2 && shared.length > (best?.length ?? 0)) best = shared;
    }
  }
  return best;
}

function holdsAll(table: DraftTable, names: readonly string[]): boolean {
  return names.every((name) => table.columns.some((column) => column.name === name));
}

function replaceWithKey(
  table: DraftTable,
  shared: readonly string[],
  keyName: string,
  combos: ComboIndex,
): DraftTable {
  const parts = shared.map((name) => table.columns.find((column) => column.name === name)!.codes);
  const keyCodes = new Int32Array(table.rowCount);
  const row = new Int32Array(parts.length);
  for (let r = 0; r < table.rowCount; r++) {
    for (let p = 0; p < parts.length; p++) row[p] = parts[p][r];
    keyCodes[r] = combos.indexOf(row);
  }
  const kept = table.columns.filter((column) => !shared.includes(column.name));
  return { ...table, columns: [...kept, { name: keyName, codes: keyCodes }] };
}

function largestCode(tables: readonly DraftTable[], name: string): number {
  let largest = -1;
  for (const table of tables) {
    const codes = table.columns.find((column) => column.name === name)!.codes;
    for (let r = 0; r < codes.length; r++) if (codes[r] > largest) largest = codes[r];
  }
  return largest;
}

/** Distinct combinations of component symbol indexes, in first-seen order. */
class ComboIndex {
  private readonly byKey = new Map<number | string, number>();
  private readonly rows: number[][] = [];
  /** Place values of a mixed-radix number per component, or undefined when it would not fit a double exactly. */
  private readonly places: number[] | undefined;

  /** `radices[p]`: how many distinct codes component p can hold, null (-1) included. */
  constructor(radices: readonly number[]) {
    const places: number[] = [];
    let span = 1;
    for (const radix of radices) {
      places.push(span);
      span *= radix;
    }
    this.places = span <= Number.MAX_SAFE_INTEGER ? places : undefined;
  }

  indexOf(row: Int32Array): number {
    const key = this.keyOf(row);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.rows.push(Array.from(row));
    this.byKey.set(key, this.rows.length - 1);
    return this.rows.length - 1;
  }

  /** One number per combination when it fits, else the joined codes, so common keys avoid string building. */
  private keyOf(row: Int32Array): number | string {
    if (!this.places) return row.join(',');
    let key = 0;
    for (let p = 0; p < row.length; p++) key += (row[p] + 1) * this.places[p];
    return key;
  }

  toTable(tableName: string, keyName: string, shared: readonly string[]): DraftTable {
    const count = this.rows.length;
    const keyColumn: DraftColumn = {
      name: keyName,
      codes: Int32Array.from({ length: count }, (_, i) => i),
    };
    const partColumns = shared.map((name, p) => ({
      name,
      codes: Int32Array.from(this.rows, (row) => row[p]),
    }));
    return {
      name: tableName,
      rowCount: count,
      columns: [keyColumn, ...partColumns],
      isSynthetic: true,
    };
  }

  /** Key values are anonymous; Qlik shows them as numbers, so each is its ordinal. */
  symbols(): SymbolTable {
    const count = this.rows.length;
    const texts = Array.from({ length: count }, (_, i) => String(i + 1));
    return new SymbolTable(
      texts,
      Float64Array.from({ length: count }, (_, i) => i + 1),
    );
  }
}
