import type { SetExpression } from '../expression/Expr.js';
import type { Table } from '../model/Table.js';
import type { KeyCodes } from '../selection/propagate.js';

/** The records a set names: per table, the rows it allows, ascending. */
export interface RecordSet {
  rows(table: Table): Int32Array;
  /** The codes of key `key` in `table`'s rows, where known without reading them. */
  keyCodes?(table: Table, key: string): KeyCodes | undefined;
}

/** Turns an aggregation's set expression (undefined: the current selection) into records. */
export type SetResolver = (set: SetExpression | undefined) => RecordSet;
