import type { SetExpression } from '../expression/Expr.js';
import type { Table } from '../model/Table.js';

/** The records a set names: per table, the rows it allows, ascending. */
export interface RecordSet {
  rows(table: Table): Int32Array;
}

/** Turns an aggregation's set expression (undefined: the current selection) into records. */
export type SetResolver = (set: SetExpression | undefined) => RecordSet;
