import type { Field } from './Field.js';
import type { Table } from './Table.js';

/** One table of a join tree and the key that links it to its parent. */
export interface JoinNode {
  readonly table: Table;
  /** The parent table, undefined for the root. */
  readonly parent: Table | undefined;
  /** The key field shared with the parent, undefined for the root. */
  readonly via: Field | undefined;
}

/**
 * The tables needed to bring a set of fields together, connected by keys:
 * the logical table (their full outer join) Qlik aggregates over. `nodes`
 * lists parents before children, the root first.
 */
export interface JoinTree {
  readonly root: Table;
  readonly nodes: readonly JoinNode[];
}
