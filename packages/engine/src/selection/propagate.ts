import type { CodeArray } from '../model/CodeArray.js';
import type { DataModel } from '../model/DataModel.js';
import type { Selections } from './FieldSelection.js';
import { RowSet } from './RowSet.js';

/** A filter on one column: rows whose code has a 1 in `mask` pass. */
interface Constraint {
  readonly codes: CodeArray;
  readonly mask: Uint8Array;
}

/** Where a table meets a key field: restrictions flow both ways through it. */
interface Port {
  readonly table: number;
  readonly field: number;
  readonly codes: CodeArray;
  readonly nullCode: number;
}

/** The bipartite graph of tables and key fields, with each node's ports. */
interface KeyGraph {
  readonly ports: readonly Port[];
  readonly portsOfTable: readonly (readonly number[])[];
  readonly portsOfField: ReadonlyMap<number, readonly number[]>;
}

/**
 * Computes the possible rows of every table under `selections`. Tables and
 * key fields form a graph (a key shared by three tables is a hub, not a
 * loop). Each table is filtered by the selections in its non-key fields; the
 * key values still present in a table flow to its key fields, and a key field
 * passes on to each table the values its own selection allows and every
 * *other* linked table still has (so a selected key value found in only one
 * table stays possible there).
 * A restriction never flows back to where it came from, so a selected
 * customer with no orders stays possible even though no order is. Messages
 * only shrink, so the work list reaches a fixpoint; a table is re-read only
 * when something flowing into it changed.
 */
export function propagate(model: DataModel, selections: Selections): RowSet[] {
  const tables = model.tables;
  if (selections.size === 0) return tables.map((table) => RowSet.full(table.rowCount));
  const own = ownConstraints(model, selections);
  const graph = keyGraph(model);
  const { ports, portsOfTable, portsOfField } = graph;
  const upActive = activePorts(graph, own, selections);
  const up: (Uint8Array | undefined)[] = ports.map(() => undefined);
  const down: (Uint8Array | undefined)[] = ports.map(
    (port) => selections.get(port.field)?.values.mask,
  );
  const queue: number[] = [];
  const queued = new Uint8Array(tables.length);
  const enqueue = (t: number) => {
    if (queued[t]) return;
    queued[t] = 1;
    queue.push(t);
  };
  tables.forEach((table) => {
    if (own[table.index].length > 0 || portsOfTable[table.index].some((p) => down[p]))
      enqueue(table.index);
  });
  // Rows passing everything that flows into a table, kept until one of its inputs changes.
  const passing: (RowSet | undefined)[] = tables.map(() => undefined);
  const rowsPassingAll = (t: number) =>
    (passing[t] ??= filterRows(tables[t].rowCount, [
      ...own[t],
      ...incoming(ports, portsOfTable[t], down, -1),
    ]));
  while (queue.length > 0) {
    const t = queue.shift()!;
    queued[t] = 0;
    for (const p of portsOfTable[t]) {
      if (!upActive[p]) continue;
      // What a key field sends back must not be echoed to it; with nothing coming in through p, all inputs apply.
      const rows = down[p]
        ? filterRows(tables[t].rowCount, [...own[t], ...incoming(ports, portsOfTable[t], down, p)])
        : rowsPassingAll(t);
      const message = presentCodes(rows, ports[p].codes, ports[p].nullCode);
      if (up[p] && sameMask(up[p], message)) continue;
      up[p] = message;
      const field = ports[p].field;
      for (const q of portsOfField.get(field)!) {
        if (q === p) continue;
        const next = intersectOthers(
          portsOfField.get(field)!,
          up,
          q,
          selections.get(field)?.values.mask,
        );
        if (!next || (down[q] && sameMask(down[q], next))) continue;
        down[q] = next;
        passing[ports[q].table] = undefined;
        enqueue(ports[q].table);
      }
    }
  }
  return tables.map((table) => rowsPassingAll(table.index));
}

/**
 * The symbols of a column that occur in `rows`, as a mask of cardinality + 1
 * bytes whose null slot stays 0 (a null key links to nothing).
 */
export function presentCodes(rows: RowSet, codes: CodeArray, nullCode: number): Uint8Array {
  const mask = new Uint8Array(nullCode + 1);
  const words = rows.words;
  for (let w = 0; w < words.length; w++) {
    let bits = words[w];
    if (bits === 0) continue;
    const base = w << 5;
    if (bits === -1 >>> 0) {
      for (let r = base; r < base + 32; r++) mask[codes[r]] = 1;
      continue;
    }
    while (bits !== 0) {
      const low = bits & -bits;
      mask[codes[base + 31 - Math.clz32(low)]] = 1;
      bits ^= low;
    }
  }
  mask[nullCode] = 0;
  return mask;
}

/** The rows of a table of `rowCount` rows that pass every constraint. */
export function filterRows(rowCount: number, constraints: readonly Constraint[]): RowSet {
  if (constraints.length === 0) return RowSet.full(rowCount);
  const words = new Uint32Array((rowCount + 31) >>> 5);
  fillFromMask(words, rowCount, constraints[0]);
  for (let c = 1; c < constraints.length; c++) andWithMask(words, rowCount, constraints[c]);
  return new RowSet(rowCount, words);
}

function fillFromMask(words: Uint32Array, rowCount: number, { codes, mask }: Constraint): void {
  const fullWords = rowCount >>> 5;
  for (let w = 0; w < fullWords; w++) {
    const base = w << 5;
    let bits = 0;
    for (let b = 0; b < 32; b++) bits |= mask[codes[base + b]] << b;
    words[w] = bits;
  }
  if (fullWords < words.length) {
    const base = fullWords << 5;
    let bits = 0;
    for (let r = base; r < rowCount; r++) bits |= mask[codes[r]] << (r - base);
    words[fullWords] = bits;
  }
}

function andWithMask(words: Uint32Array, rowCount: number, { codes, mask }: Constraint): void {
  for (let w = 0; w < words.length; w++) {
    if (words[w] === 0) continue;
    const base = w << 5;
    const end = Math.min(base + 32, rowCount);
    let bits = 0;
    for (let r = base; r < end; r++) bits |= mask[codes[r]] << (r - base);
    words[w] &= bits;
  }
}

/** Selections in fields of one table only; a key field's selection sits on the key node instead. */
function ownConstraints(model: DataModel, selections: Selections): Constraint[][] {
  const own = model.tables.map(() => [] as Constraint[]);
  for (const [fieldIndex, selection] of selections) {
    const field = model.fields[fieldIndex];
    if (field.isKey) continue;
    for (const t of field.tableIndexes) {
      own[t].push({
        codes: model.tables[t].column(field.name)!.codes,
        mask: selection.values.mask,
      });
    }
  }
  return own;
}

function incoming(
  ports: readonly Port[],
  tablePorts: readonly number[],
  down: readonly (Uint8Array | undefined)[],
  skip: number,
): Constraint[] {
  const list: Constraint[] = [];
  for (const p of tablePorts) {
    const mask = down[p];
    if (p !== skip && mask) list.push({ codes: ports[p].codes, mask });
  }
  return list;
}

/**
 * The key values the field's own selection allows and every other table
 * linked through the field still has; undefined if nothing restricts them.
 */
function intersectOthers(
  fieldPorts: readonly number[],
  up: readonly (Uint8Array | undefined)[],
  skip: number,
  selected: Uint8Array | undefined,
): Uint8Array | undefined {
  let result = selected?.slice();
  for (const p of fieldPorts) {
    const mask = up[p];
    if (p === skip || !mask) continue;
    if (!result) result = mask.slice();
    else for (let i = 0; i < result.length; i++) result[i] &= mask[i];
  }
  return result;
}

const graphCache = new WeakMap<DataModel, KeyGraph>();

function keyGraph(model: DataModel): KeyGraph {
  const cached = graphCache.get(model);
  if (cached) return cached;
  const ports: Port[] = [];
  const portsOfTable = model.tables.map(() => [] as number[]);
  const portsOfField = new Map<number, number[]>();
  for (const table of model.tables) {
    for (const column of table.columns) {
      if (!column.field.isKey) continue;
      const p = ports.length;
      ports.push({
        table: table.index,
        field: column.field.index,
        codes: column.codes,
        nullCode: column.nullCode,
      });
      portsOfTable[table.index].push(p);
      const list = portsOfField.get(column.field.index);
      if (list) list.push(p);
      else portsOfField.set(column.field.index, [p]);
    }
  }
  const graph = { ports, portsOfTable, portsOfField };
  graphCache.set(model, graph);
  return graph;
}

/**
 * A table passes a restriction to a key field when a selection lies on its
 * side: in the table itself, or in or behind another of its key fields.
 */
function activePorts(
  { ports, portsOfTable, portsOfField }: KeyGraph,
  own: readonly Constraint[][],
  selections: Selections,
): boolean[] {
  const upActive = ports.map((port) => own[port.table].length > 0);
  const downActive = ports.map((port) => selections.has(port.field));
  for (let changed = true; changed;) {
    changed = false;
    ports.forEach((port, p) => {
      if (!downActive[p] && portsOfField.get(port.field)!.some((q) => q !== p && upActive[q])) {
        downActive[p] = changed = true;
      }
      if (!upActive[p] && portsOfTable[port.table].some((q) => q !== p && downActive[q])) {
        upActive[p] = changed = true;
      }
    });
  }
  return upActive;
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
