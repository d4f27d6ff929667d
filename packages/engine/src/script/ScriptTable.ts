import type { LineageEntry } from '../io/Lineage.js';
import type { LoadedTable } from '../model/LoadedTable.js';
import type { Value } from '../value/Value.js';
import { ColumnBuilder } from './ColumnBuilder.js';

/** A table while the script runs: named, mutable, columnar. */
export class ScriptTable {
  readonly columns: ColumnBuilder[] = [];
  rowCount = 0;
  /** Where the rows came from, for a QVD's lineage. */
  lineage: LineageEntry[] = [];
  private readonly byName = new Map<string, ColumnBuilder>();

  constructor(
    public name: string,
    fieldNames: readonly string[] = [],
  ) {
    for (const field of fieldNames) this.addColumn(field);
  }

  /** A copy of a loaded table to go on loading into, leaving the original untouched. */
  static fromLoaded(loaded: LoadedTable): ScriptTable {
    const table = new ScriptTable(loaded.name);
    for (const source of loaded.columns) {
      const column = ColumnBuilder.fromLoaded(source, loaded.rowCount);
      table.columns.push(column);
      table.byName.set(column.name, column);
    }
    table.rowCount = loaded.rowCount;
    return table;
  }

  /** Field names in column order. */
  get fieldNames(): string[] {
    return this.columns.map((column) => column.name);
  }

  /** The column of a field, or undefined. */
  column(name: string): ColumnBuilder | undefined {
    return this.byName.get(name);
  }

  /** Adds a column, filled with nulls for the rows already present. */
  addColumn(name: string): ColumnBuilder {
    const column = new ColumnBuilder(name, this.rowCount + 16);
    column.pushNulls(this.rowCount);
    this.columns.push(column);
    this.byName.set(name, column);
    return column;
  }

  /** Removes a field's column. */
  dropColumn(name: string): boolean {
    const column = this.byName.get(name);
    if (!column) return false;
    this.columns.splice(this.columns.indexOf(column), 1);
    this.byName.delete(name);
    return true;
  }

  /** Renames a field's column. */
  renameColumn(from: string, to: string): void {
    const column = this.byName.get(from);
    if (!column) return;
    this.byName.delete(from);
    column.name = to;
    this.byName.set(to, column);
  }

  /** Appends a row given in column order. */
  pushRow(values: readonly Value[]): void {
    for (let i = 0; i < this.columns.length; i++) this.columns[i].push(values[i]);
    this.rowCount++;
  }

  /** The values of one row, in column order. */
  rowAt(row: number): Value[] {
    return this.columns.map((column) => column.valueAt(row));
  }

  /** Appends all rows of `other`, matching columns by name and adding missing ones. */
  append(other: ScriptTable): void {
    for (const column of other.columns)
      if (!this.byName.has(column.name)) this.addColumn(column.name);
    for (const column of this.columns) {
      const source = other.column(column.name);
      if (!source) {
        column.pushNulls(other.rowCount);
        continue;
      }
      const remap = source.values.map((value) => column.indexOf(value));
      for (let row = 0; row < other.rowCount; row++) {
        const index = source.indexes[row];
        column.pushIndex(index < 0 ? -1 : remap[index]);
      }
    }
    this.rowCount += other.rowCount;
    this.lineage.push(...other.lineage);
  }

  /** A new table with only the listed rows, in that order. */
  selectRows(rows: Int32Array | readonly number[]): ScriptTable {
    const result = new ScriptTable(this.name);
    for (const column of this.columns) {
      const selected = column.selectRows(rows);
      result.columns.push(selected);
      result.byName.set(selected.name, selected);
    }
    result.rowCount = rows.length;
    return result;
  }

  /** The table as the data model takes it. */
  toLoadedTable(): LoadedTable {
    return {
      name: this.name,
      columns: this.columns.map((column) => column.toLoadedColumn()),
      rowCount: this.rowCount,
    };
  }
}
