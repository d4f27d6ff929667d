import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import { keyOf, type ValueKey } from './ColumnBuilder.js';
import { ScriptFault } from './ScriptFault.js';
import { ScriptTable } from './ScriptTable.js';
import type { LoadTransform } from './Statement.js';

/** What a transform reads besides the loaded table: the values of fields already loaded. */
export interface TransformContext {
  /** Distinct combinations of `fields` over the tables that have them all, as rows. */
  fieldCombinations(fields: readonly string[]): (readonly Value[])[];
}

/** A transformed table; GENERIC yields one table per attribute, named by suffix. */
export type TransformResult =
  | { readonly kind: 'one'; readonly table: ScriptTable }
  | {
      readonly kind: 'generic';
      readonly tables: readonly { suffix: string; table: ScriptTable }[];
    };

/** Applies a CROSSTABLE, GENERIC, HIERARCHY, HIERARCHYBELONGSTO or INTERVALMATCH prefix. */
export function transformTable(
  table: ScriptTable,
  transform: LoadTransform,
  context: TransformContext,
): TransformResult {
  switch (transform.kind) {
    case 'crosstable':
      return { kind: 'one', table: crossTable(table, transform) };
    case 'generic':
      return { kind: 'generic', tables: genericTables(table) };
    case 'hierarchy':
      return { kind: 'one', table: hierarchy(table, transform) };
    case 'hierarchyBelongsTo':
      return { kind: 'one', table: hierarchyBelongsTo(table, transform) };
    case 'intervalMatch':
      return { kind: 'one', table: intervalMatch(table, transform, context) };
  }
}

function requireColumn(table: ScriptTable, name: string, prefix: string): void {
  if (!table.column(name))
    throw new ScriptFault(
      'SCRIPT_FIELD_NOT_FOUND',
      `${prefix}: field '${name}' is not in the loaded table`,
    );
}

/** The first `qualifiers` columns stay; every other column becomes (attribute = its name, data = its value) rows. */
function crossTable(
  table: ScriptTable,
  spec: Extract<LoadTransform, { kind: 'crosstable' }>,
): ScriptTable {
  const qualifiers = table.columns.slice(0, spec.qualifiers);
  const crossed = table.columns.slice(spec.qualifiers);
  const result = new ScriptTable('', [...qualifiers.map((c) => c.name), spec.attribute, spec.data]);
  for (let row = 0; row < table.rowCount; row++) {
    const kept = qualifiers.map((column) => column.valueAt(row));
    for (const column of crossed) result.pushRow([...kept, column.name, column.valueAt(row)]);
  }
  return result;
}

/**
 * Key fields, then attribute, then value: one table per attribute with the
 * key fields and a field named after the attribute holding the values.
 */
function genericTables(table: ScriptTable): { suffix: string; table: ScriptTable }[] {
  if (table.columns.length < 2)
    throw new ScriptFault(
      'SCRIPT_RUNTIME',
      'GENERIC needs at least an attribute and a value field',
    );
  const keys = table.columns.slice(0, -2);
  const attribute = table.columns[table.columns.length - 2];
  const value = table.columns[table.columns.length - 1];
  const byAttribute = new Map<string, ScriptTable>();
  for (let row = 0; row < table.rowCount; row++) {
    const name = attribute.valueAt(row);
    if (name === null) continue;
    const text = toText(name);
    let target = byAttribute.get(text);
    if (!target) {
      target = new ScriptTable('', [...keys.map((c) => c.name), text]);
      byAttribute.set(text, target);
    }
    target.pushRow([...keys.map((column) => column.valueAt(row)), value.valueAt(row)]);
  }
  return [...byAttribute].map(([suffix, generic]) => ({ suffix, table: generic }));
}

/** One node of an adjacency list: its rows in the input and its parent's id. */
interface TreeNode {
  readonly rows: number[];
  readonly parentKeys: (ValueKey | undefined)[];
}

/** Nodes by id; a node written on several rows (several parents) keeps each. */
function readTree(table: ScriptTable, nodeId: string, parentId: string): Map<ValueKey, TreeNode> {
  const ids = table.column(nodeId)!;
  const parents = table.column(parentId)!;
  const nodes = new Map<ValueKey, TreeNode>();
  for (let row = 0; row < table.rowCount; row++) {
    const id = ids.valueAt(row);
    if (id === null) continue;
    const parent = parents.valueAt(row);
    const key = keyOf(id);
    let node = nodes.get(key);
    if (!node) {
      node = { rows: [], parentKeys: [] };
      nodes.set(key, node);
    }
    node.rows.push(row);
    node.parentKeys.push(parent === null ? undefined : keyOf(parent));
  }
  return nodes;
}

/**
 * Every path from a root down to each row's node, as input rows root first.
 * A root is a row whose parent id is empty or no node's id; rows not
 * connected to a root (cycles) are left out.
 */
function pathsOf(nodes: Map<ValueKey, TreeNode>): Map<number, number[][]> {
  const paths = new Map<number, number[][]>();
  const walk = (row: number, parentKey: ValueKey | undefined, seen: Set<ValueKey>): number[][] => {
    const parent = parentKey === undefined ? undefined : nodes.get(parentKey);
    if (!parent) return [[row]];
    if (seen.has(parentKey!)) return [];
    const next = new Set(seen).add(parentKey!);
    const result: number[][] = [];
    parent.rows.forEach((parentRow, i) => {
      for (const path of walk(parentRow, parent.parentKeys[i], next)) result.push([...path, row]);
    });
    return result;
  };
  for (const [key, node] of nodes) {
    node.rows.forEach((row, i) => paths.set(row, walk(row, node.parentKeys[i], new Set([key]))));
  }
  return paths;
}

/**
 * The expanded nodes table: the input fields, one NodeName1..n field per
 * level, and optionally ParentName, Path and Depth.
 */
function hierarchy(
  table: ScriptTable,
  spec: Extract<LoadTransform, { kind: 'hierarchy' }>,
): ScriptTable {
  for (const name of [spec.nodeId, spec.parentId, spec.nodeName])
    requireColumn(table, name, 'HIERARCHY');
  const pathSource = spec.pathSource ?? spec.nodeName;
  requireColumn(table, pathSource, 'HIERARCHY');
  const names = table.column(spec.nodeName)!;
  const pathNames = table.column(pathSource)!;
  const paths = pathsOf(readTree(table, spec.nodeId, spec.parentId));
  let levels = 0;
  for (const list of paths.values())
    for (const path of list) levels = Math.max(levels, path.length);
  const levelFields = Array.from({ length: levels }, (_, i) => `${spec.nodeName}${i + 1}`);
  const extra = [spec.parentName, spec.pathName, spec.depth].filter(
    (f): f is string => f !== undefined,
  );
  const result = new ScriptTable('', [...table.fieldNames, ...levelFields, ...extra]);
  for (let row = 0; row < table.rowCount; row++) {
    for (const path of paths.get(row) ?? []) {
      const values: Value[] = table.rowAt(row);
      for (let level = 0; level < levels; level++)
        values.push(level < path.length ? names.valueAt(path[level]) : null);
      if (spec.parentName !== undefined)
        values.push(path.length > 1 ? names.valueAt(path[path.length - 2]) : null);
      if (spec.pathName !== undefined)
        values.push(path.map((r) => toText(pathNames.valueAt(r))).join(spec.pathDelimiter ?? '/'));
      if (spec.depth !== undefined) values.push(path.length);
      result.pushRow(values);
    }
  }
  return result;
}

/** Every node paired with itself and each ancestor: NodeID, AncestorID, NodeName, AncestorName [, DepthDiff]. */
function hierarchyBelongsTo(
  table: ScriptTable,
  spec: Extract<LoadTransform, { kind: 'hierarchyBelongsTo' }>,
): ScriptTable {
  for (const name of [spec.nodeId, spec.parentId, spec.nodeName])
    requireColumn(table, name, 'HIERARCHYBELONGSTO');
  const ids = table.column(spec.nodeId)!;
  const names = table.column(spec.nodeName)!;
  const paths = pathsOf(readTree(table, spec.nodeId, spec.parentId));
  const fields = [spec.nodeId, spec.ancestorId, spec.nodeName, spec.ancestorName];
  if (spec.depthDiff !== undefined) fields.push(spec.depthDiff);
  const result = new ScriptTable('', fields);
  const seen = new Set<string>();
  for (let row = 0; row < table.rowCount; row++) {
    for (const path of paths.get(row) ?? []) {
      for (let i = path.length - 1; i >= 0; i--) {
        const ancestor = path[i];
        const depthDiff = path.length - 1 - i;
        const values: Value[] = [
          ids.valueAt(row),
          ids.valueAt(ancestor),
          names.valueAt(row),
          names.valueAt(ancestor),
        ];
        if (spec.depthDiff !== undefined) values.push(depthDiff);
        const key = values.map((v) => (v === null ? '\u0000' : String(keyOf(v)))).join('\u0001');
        if (seen.has(key)) continue;
        seen.add(key);
        result.pushRow(values);
      }
    }
  }
  return result;
}

/**
 * The loaded intervals (low, high, then the key fields) paired with every
 * value of the match field (and key combination) they contain, ends
 * included. Intervals with a non-numeric limit are left out.
 */
function intervalMatch(
  table: ScriptTable,
  spec: Extract<LoadTransform, { kind: 'intervalMatch' }>,
  context: TransformContext,
): ScriptTable {
  if (table.columns.length !== 2 + spec.keys.length)
    throw new ScriptFault(
      'SCRIPT_RUNTIME',
      `INTERVALMATCH needs a LOAD of exactly ${2 + spec.keys.length} fields: low, high${spec.keys.map((k) => `, ${k}`).join('')}`,
    );
  const [low, high, ...keyColumns] = table.columns;
  const points = context
    .fieldCombinations([spec.field, ...spec.keys])
    .map((values) => ({ values, at: values[0] === null ? NaN : toNumber(values[0]) }))
    .filter((point) => !Number.isNaN(point.at));
  const result = new ScriptTable('', [spec.field, ...table.fieldNames]);
  for (let row = 0; row < table.rowCount; row++) {
    const from = toNumber(low.valueAt(row));
    const to = toNumber(high.valueAt(row));
    if (
      Number.isNaN(from) ||
      Number.isNaN(to) ||
      low.valueAt(row) === null ||
      high.valueAt(row) === null
    )
      continue;
    const keys = keyColumns.map((column) => column.valueAt(row));
    for (const point of points) {
      if (point.at < from || point.at > to) continue;
      if (!keys.every((key, i) => sameKey(key, point.values[i + 1]))) continue;
      result.pushRow([point.values[0], ...table.rowAt(row)]);
    }
  }
  return result;
}

function sameKey(a: Value, b: Value | undefined): boolean {
  if (a === null || b === null || b === undefined) return false;
  return keyOf(a) === keyOf(b);
}
