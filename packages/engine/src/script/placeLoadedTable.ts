import type { Value } from '../value/Value.js';
import { keyOf } from './ColumnBuilder.js';
import { joinTables } from './joinTables.js';
import { keepTables } from './keepTables.js';
import { isPartialReload, type LoadHost } from './LoadHost.js';
import { qualifyFieldName } from './qualifyFieldName.js';
import type { ScriptTable } from './ScriptTable.js';
import type { LoadCombine, LoadStatement } from './Statement.js';
import type { Mapping } from './TableCatalog.js';
import { transformTable } from './transformTable.js';

/**
 * Names the loaded table and puts it where its prefixes say: mapping,
 * transform, concatenation, join, keep or a new table. Returns its name.
 */
export function placeLoadedTable(
  host: LoadHost,
  load: LoadStatement,
  loaded: ScriptTable,
  defaultName: string,
): string {
  const catalog = host.catalog();
  const name = load.label ?? defaultName;
  if (load.mapping) {
    catalog.mappings.set(name, mappingOf(loaded));
    return name;
  }
  for (const column of [...loaded.columns])
    loaded.renameColumn(column.name, host.fieldRules.aliasOf(column.name));
  let table = loaded;
  if (load.transform) {
    const result = transformTable(loaded, load.transform, {
      fieldCombinations: (fields) => host.fieldCombinations(fields),
    });
    if (result.kind === 'generic') {
      for (const generic of result.tables)
        placeTable(host, generic.table, load.combine, `${name}.${generic.suffix}`, load);
      return name;
    }
    table = result.table;
  }
  return placeTable(host, table, load.combine, name, load);
}

function placeTable(
  host: LoadHost,
  table: ScriptTable,
  loadCombine: LoadCombine,
  name: string,
  load: LoadStatement,
): string {
  const catalog = host.catalog();
  for (const column of [...table.columns])
    table.renameColumn(column.name, qualifyFieldName(column.name, name, host.qualify()));
  host.fieldRules.applyValueRules(
    table,
    (mapping) => catalog.mapping(mapping),
    host.variableText('NullValue'),
  );
  const partial = partialPlacement(host, load, table, name);
  const combine = partial?.combine ?? loadCombine;
  const tableName = partial?.name ?? name;
  switch (combine.kind) {
    case 'concatenate': {
      const target = catalog.target(combine.target);
      target.append(table);
      catalog.lastTable = target.name;
      return target.name;
    }
    case 'join': {
      const target = catalog.target(combine.target);
      const joined = joinTables(target, table, combine.how);
      joined.lineage = [...target.lineage, ...table.lineage];
      catalog.replace(target.name, joined);
      return target.name;
    }
    case 'keep': {
      const target = catalog.target(combine.target);
      const kept = keepTables(target, table, combine.how);
      catalog.replace(target.name, kept.left);
      catalog.add(kept.right, tableName);
      return kept.right.name;
    }
    case 'auto': {
      const same = catalog.withFields(table.fieldNames);
      if (same) {
        same.append(table);
        catalog.lastTable = same.name;
        return same.name;
      }
      catalog.add(table, tableName);
      return table.name;
    }
    case 'noconcatenate':
      catalog.add(table, tableName);
      return table.name;
  }
}

/**
 * Where an ADD or REPLACE load goes, when that differs from what its other
 * prefixes say. REPLACE drops its table first (the CONCATENATE target, else
 * the table with the same fields, else in a partial reload the one of its
 * name) and takes its name; ADD in a partial reload appends to that table.
 */
function partialPlacement(
  host: LoadHost,
  load: LoadStatement,
  table: ScriptTable,
  name: string,
): { combine: LoadCombine; name?: string } | undefined {
  if (!load.partial || (load.partial.mode === 'add' && !isPartialReload(host))) return undefined;
  const catalog = host.catalog();
  const explicit = load.combine.kind === 'concatenate';
  if (!explicit && load.combine.kind !== 'auto') return undefined;
  const target =
    (explicit ? catalog.tables.get(load.combine.target ?? catalog.lastTable ?? '') : undefined) ??
    catalog.withFields(table.fieldNames) ??
    (isPartialReload(host) ? catalog.tables.get(name) : undefined);
  if (!target) return undefined;
  if (load.partial.mode === 'add') return { combine: { kind: 'concatenate', target: target.name } };
  catalog.tables.delete(target.name);
  return { combine: { kind: 'noconcatenate' }, name: target.name };
}

/** A mapping table: first column's values to the second's; the first occurrence of a key wins. */
function mappingOf(table: ScriptTable): Mapping {
  const [from, to] = table.columns;
  const mapping = new Map<ReturnType<typeof keyOf>, Value>();
  if (!from || !to) return mapping;
  for (let row = 0; row < table.rowCount; row++) {
    const key = from.valueAt(row);
    if (key !== null && !mapping.has(keyOf(key))) mapping.set(keyOf(key), to.valueAt(row));
  }
  return mapping;
}
