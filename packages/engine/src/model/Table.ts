import type { Column } from './Column.js';
import type { Field } from './Field.js';

/** A table of the data model: columns of symbol codes, all `rowCount` long. */
export class Table {
  private readonly byField: Map<string, Column>;

  constructor(
    /** Position in `DataModel.tables`. */
    readonly index: number,
    readonly name: string,
    readonly rowCount: number,
    readonly columns: readonly Column[],
    /** Whether the engine made this table to hold a synthetic key's combinations. */
    readonly isSynthetic: boolean,
  ) {
    this.byField = new Map(columns.map((column) => [column.field.name, column]));
  }

  /** The fields of this table in column order. */
  get fields(): readonly Field[] {
    return this.columns.map((column) => column.field);
  }

  /** The fields through which this table associates with others. */
  get keyFields(): readonly Field[] {
    return this.fields.filter((field) => field.isKey);
  }

  /** The column of field `name`, or undefined when this table does not hold it. */
  column(name: string): Column | undefined {
    return this.byField.get(name);
  }

  /** Whether this table holds field `name`. */
  hasField(name: string): boolean {
    return this.byField.has(name);
  }
}
