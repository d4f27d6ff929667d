import type { Value } from '../value/Value.js';
import { keyOf, type ValueKey } from './ColumnBuilder.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptTable } from './ScriptTable.js';
import type { NamePairs } from './Statement.js';

/** A mapping table: first column's values to the second's. */
export type Mapping = ReadonlyMap<ValueKey, Value>;

/**
 * The tables a running script has built, in creation order, its mapping
 * tables, and the last table loaded (which JOIN, KEEP and CONCATENATE
 * without a table name go to).
 */
export class TableCatalog {
  readonly tables = new Map<string, ScriptTable>();
  readonly mappings = new Map<string, Mapping>();
  lastTable: string | undefined;

  /** A table by name, or a SCRIPT_TABLE_NOT_FOUND fault. */
  require(name: string): ScriptTable {
    const table = this.tables.get(name);
    if (!table) throw new ScriptFault('SCRIPT_TABLE_NOT_FOUND', `Table '${name}' not found`);
    return table;
  }

  /** A mapping table by name, or a fault naming it. */
  mapping(name: string): Mapping {
    const mapping = this.mappings.get(name);
    if (!mapping)
      throw new ScriptFault('SCRIPT_TABLE_NOT_FOUND', `Mapping table '${name}' not found`);
    return mapping;
  }

  /** The table a JOIN / KEEP / CONCATENATE goes to: the one named, else the last loaded. */
  target(name: string | undefined): ScriptTable {
    const target = name ?? this.lastTable;
    if (target === undefined)
      throw new ScriptFault('SCRIPT_TABLE_NOT_FOUND', 'There is no previous table to combine with');
    return this.require(target);
  }

  /** Adds a new table, suffixing `-1`, `-2`, ... when its name is taken. */
  add(table: ScriptTable, name: string): void {
    let unique = name;
    for (let n = 1; this.tables.has(unique); n++) unique = `${name}-${n}`;
    table.name = unique;
    this.tables.set(unique, table);
    this.lastTable = unique;
  }

  /** Replaces a table under its own name (after a join), keeping its place in the order. */
  replace(name: string, table: ScriptTable): void {
    table.name = name;
    this.tables.set(name, table);
    this.lastTable = name;
  }

  /** The table with exactly these fields (in any order), which a LOAD concatenates to by itself. */
  withFields(fields: readonly string[]): ScriptTable | undefined {
    const wanted = [...fields].sort().join('\u0000');
    for (const table of this.tables.values())
      if ([...table.fieldNames].sort().join('\u0000') === wanted) return table;
    return undefined;
  }

  /** DROP TABLE: tables or mapping tables. */
  dropTables(names: readonly string[]): void {
    for (const name of names) {
      if (!this.tables.delete(name) && !this.mappings.delete(name))
        throw new ScriptFault('SCRIPT_TABLE_NOT_FOUND', `Table '${name}' not found`);
      if (this.lastTable === name) this.lastTable = undefined;
    }
  }

  /** DROP FIELD: from the listed tables, else from all; a table left without fields goes too. */
  dropFields(names: readonly string[], from: readonly string[] | undefined): void {
    const tables = from ? from.map((name) => this.require(name)) : [...this.tables.values()];
    for (const field of names) {
      let dropped = false;
      for (const table of tables) dropped = table.dropColumn(field) || dropped;
      if (!dropped) throw new ScriptFault('SCRIPT_FIELD_NOT_FOUND', `Field '${field}' not found`);
    }
    for (const table of tables) if (table.columns.length === 0) this.dropTables([table.name]);
  }

  /** RENAME TABLE: keeps the table's place in the order. */
  renameTables(pairs: NamePairs): void {
    for (const [from, to] of pairs) {
      const table = this.require(from);
      if (from === to) continue;
      if (this.tables.has(to))
        throw new ScriptFault('SCRIPT_RUNTIME', `Table '${to}' already exists`);
      const entries = [...this.tables.entries()];
      this.tables.clear();
      for (const [name, t] of entries) this.tables.set(name === from ? to : name, t);
      table.name = to;
      if (this.lastTable === from) this.lastTable = to;
    }
  }

  /** RENAME FIELD: in every table that has it; a field no table has is passed over, as in Qlik. */
  renameFields(pairs: NamePairs): void {
    for (const [from, to] of pairs) {
      for (const table of this.tables.values()) {
        if (!table.column(from) || from === to) continue;
        if (table.column(to))
          throw new ScriptFault(
            'SCRIPT_RUNTIME',
            `Field '${to}' already exists in table '${table.name}'`,
          );
        table.renameColumn(from, to);
      }
    }
  }

  /** RENAME FIELDS|TABLES USING map: every name the mapping has; names it lacks stay. */
  renameUsing(what: 'fields' | 'tables', mappingName: string): void {
    const mapping = this.mapping(mappingName);
    const names =
      what === 'tables'
        ? [...this.tables.keys()]
        : [...new Set([...this.tables.values()].flatMap((table) => table.fieldNames))];
    const pairs: [string, string][] = [];
    for (const name of names) {
      const to = mapping.get(keyOf(name));
      if (to !== undefined && to !== null)
        pairs.push([name, String(typeof to === 'object' ? to.text : to)]);
    }
    if (what === 'tables') this.renameTables(pairs);
    else this.renameFields(pairs);
  }

  /** Whether any table holds `value` in `field`. */
  hasValue(field: string, value: Value): boolean {
    if (value === null) return false;
    for (const table of this.tables.values()) if (table.column(field)?.has(value)) return true;
    return false;
  }

  /** A field's distinct values over all tables, in load order (FieldValueList, FieldValue, FieldIndex). */
  fieldValues(field: string): Value[] {
    const seen = new Set<ValueKey>();
    const out: Value[] = [];
    for (const table of this.tables.values()) {
      for (const value of table.column(field)?.values ?? []) {
        if (value === null || seen.has(keyOf(value))) continue;
        seen.add(keyOf(value));
        out.push(value);
      }
    }
    return out;
  }

  /** Distinct combinations of fields over the tables that hold them all (INTERVALMATCH). */
  fieldCombinations(fields: readonly string[]): Value[][] {
    const seen = new Set<string>();
    const out: Value[][] = [];
    for (const table of this.tables.values()) {
      const columns = fields.map((field) => table.column(field));
      if (columns.some((column) => column === undefined)) continue;
      for (let row = 0; row < table.rowCount; row++) {
        const values = columns.map((column) => column!.valueAt(row));
        const key = values.map((v) => (v === null ? '\u0000' : String(keyOf(v)))).join('\u0001');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(values);
      }
    }
    return out;
  }
}
