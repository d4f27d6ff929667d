import type { Field } from './Field.js';
import type { JoinNode, JoinTree } from './JoinTree.js';
import { ModelError } from './ModelError.js';
import type { Table } from './Table.js';

/** A table's neighbours in the association graph. */
export type Neighbours = (
  table: Table,
) => readonly { readonly table: Table; readonly field: Field }[];

/**
 * Finds the smallest-reach tree of tables that brings `fields` together: it
 * roots at the table holding most of them, walks the association graph
 * breadth first, and keeps only the paths to the nearest table holding each
 * field.
 */
export function findJoinTree(
  fields: readonly Field[],
  tables: readonly Table[],
  neighbours: Neighbours,
): JoinTree {
  if (fields.length === 0)
    throw new ModelError('NO_JOIN_PATH', 'A join tree needs at least one field');
  const root = tableHoldingMost(fields, tables);
  const reached = breadthFirst(root, neighbours);
  const keep = new Set<Table>([root]);
  for (const field of fields) {
    const nearest = reached.order.find((table) => table.hasField(field.name));
    if (!nearest) {
      throw new ModelError(
        'NO_JOIN_PATH',
        `Field "${field.name}" is not associated with table "${root.name}"`,
      );
    }
    for (
      let table: Table | undefined = nearest;
      table && !keep.has(table);
      table = reached.parent.get(table)?.table
    ) {
      keep.add(table);
    }
  }
  const nodes: JoinNode[] = reached.order
    .filter((table) => keep.has(table))
    .map((table) => ({
      table,
      parent: reached.parent.get(table)?.table,
      via: reached.parent.get(table)?.field,
    }));
  return { root, nodes };
}

function tableHoldingMost(fields: readonly Field[], tables: readonly Table[]): Table {
  let best = tables[fields[0].tableIndexes[0]];
  let bestCount = -1;
  for (const index of new Set(fields.flatMap((field) => field.tableIndexes))) {
    const count = fields.filter((field) => tables[index].hasField(field.name)).length;
    if (count > bestCount) {
      best = tables[index];
      bestCount = count;
    }
  }
  return best;
}

interface Reach {
  readonly order: Table[];
  readonly parent: Map<Table, { table: Table; field: Field }>;
}

function breadthFirst(root: Table, neighbours: Neighbours): Reach {
  const order = [root];
  const parent = new Map<Table, { table: Table; field: Field }>();
  const seen = new Set<Table>([root]);
  for (let i = 0; i < order.length; i++) {
    for (const next of neighbours(order[i])) {
      if (seen.has(next.table)) continue;
      seen.add(next.table);
      parent.set(next.table, { table: order[i], field: next.field });
      order.push(next.table);
    }
  }
  return { order, parent };
}
