import { wildcardToRegExp } from '../io/listDataFiles.js';
import type { Value } from '../value/Value.js';
import { keyOf, type ValueKey } from './ColumnBuilder.js';
import type { TableCatalog } from './TableCatalog.js';

/**
 * The AUTONUMBER statement: every value of the fields matching the masks is
 * replaced by 1, 2, 3 ... in order of first appearance. Each field counts on
 * its own (the same field in several tables shares its counter, so keys still
 * link) unless `namespace` makes all of them share one.
 */
export function autoNumberFields(
  catalog: TableCatalog,
  masks: readonly string[],
  namespace: string | undefined,
): void {
  const patterns = masks.map((mask) => new RegExp(wildcardToRegExp(mask).source));
  const counters = new Map<string, Map<ValueKey, number>>();
  for (const table of catalog.tables.values()) {
    for (const column of table.columns) {
      if (!patterns.some((pattern) => pattern.test(column.name))) continue;
      const counterName = namespace ?? column.name;
      let counter = counters.get(counterName);
      if (!counter) {
        counter = new Map();
        counters.set(counterName, counter);
      }
      const numbered: Value[] = [];
      for (let row = 0; row < table.rowCount; row++) {
        const value = column.valueAt(row);
        if (value === null) {
          numbered.push(null);
          continue;
        }
        const key = keyOf(value);
        let number = counter.get(key);
        if (number === undefined) {
          number = counter.size + 1;
          counter.set(key, number);
        }
        numbered.push(number);
      }
      column.replaceValues(numbered);
    }
  }
}
