import type { Field } from './Field.js';
import type { Table } from './Table.js';

/**
 * The key fields whose links close a loop in the graph of tables and key
 * fields (Qlik's "circular reference"), found with a union-find over the
 * links in load order. A key shared by three tables is a hub, not a loop.
 */
export function findLoopFields(tables: readonly Table[], fields: readonly Field[]): Field[] {
  // Nodes: tables first, then key fields, each a set in the union-find.
  const parent = Array.from({ length: tables.length + fields.length }, (_, i) => i);
  const root = (node: number): number => {
    while (parent[node] !== node) node = parent[node] = parent[parent[node]];
    return node;
  };
  const loops = new Set<Field>();
  for (const table of tables) {
    for (const field of table.keyFields) {
      const a = root(table.index);
      const b = root(tables.length + field.index);
      if (a === b) loops.add(field);
      else parent[a] = b;
    }
  }
  return [...loops];
}
