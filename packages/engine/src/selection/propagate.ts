import type { CodeArray } from '../model/CodeArray.js';
import type { DataModel } from '../model/DataModel.js';
import type { Table } from '../model/Table.js';
import type { Selections } from './FieldSelection.js';
import { RowSet } from './RowSet.js';

/** A filter on one column: rows whose code has a 1 in `mask` pass. */
interface Constraint {
  readonly codes: CodeArray;
  readonly mask: Uint8Array;
}

/** One direction of an association: what `from` tells `to` about key `fieldName`. */
interface DirectedEdge {
  readonly from: number;
  readonly to: number;
  readonly fieldName: string;
  readonly reverse: number;
}

/**
 * Computes the possible rows of every table under `selections`. Each table is
 * filtered by the selections in its own fields; then, along every association,
 * the key values still present on one side restrict the other side, and a
 * restriction never flows back over the link it came from (a selected
 * customer with no orders stays possible even though no order is). Messages
 * only shrink, so the work list reaches a fixpoint; each side is recomputed
 * only when something flowing into it changed.
 */
export function propagate(model: DataModel, selections: Selections): RowSet[] {
  const tables = model.tables;
  const own = ownConstraints(model, selections);
  if (own.every((list) => list.length === 0)) return tables.map((table) => RowSet.full(table.rowCount));
  const edges = directedEdges(model);
  const incoming = tables.map(() => [] as number[]);
  const outgoing = tables.map(() => [] as number[]);
  edges.forEach((edge, e) => {
    incoming[edge.to].push(e);
    outgoing[edge.from].push(e);
  });
  const active = activeEdges(edges, own, incoming);
  const messages: (Uint8Array | undefined)[] = edges.map(() => undefined);
  const queue = tables.map((table) => table.index).filter((t) => own[t].length > 0);
  const queued = new Uint8Array(tables.length);
  for (const t of queue) queued[t] = 1;
  while (queue.length > 0) {
    const from = queue.shift()!;
    queued[from] = 0;
    for (const e of outgoing[from]) {
      if (!active[e]) continue;
      const edge = edges[e];
      const inputs = [...own[from], ...messageConstraints(tables[from], incoming[from], edges, messages, edge.reverse)];
      const rows = filterRows(tables[from].rowCount, inputs);
      const column = tables[from].column(edge.fieldName)!;
      const message = presentCodes(rows, column.codes, column.nullCode);
      if (messages[e] && sameMask(messages[e], message)) continue;
      messages[e] = message;
      if (!queued[edge.to]) {
        queued[edge.to] = 1;
        queue.push(edge.to);
      }
    }
  }
  return tables.map((table) =>
    filterRows(table.rowCount, [...own[table.index], ...messageConstraints(table, incoming[table.index], edges, messages, -1)]),
  );
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

function ownConstraints(model: DataModel, selections: Selections): Constraint[][] {
  const own = model.tables.map(() => [] as Constraint[]);
  for (const [fieldIndex, selection] of selections) {
    const field = model.fields[fieldIndex];
    for (const t of field.tableIndexes) {
      own[t].push({ codes: model.tables[t].column(field.name)!.codes, mask: selection.values.mask });
    }
  }
  return own;
}

function messageConstraints(
  table: Table,
  incoming: readonly number[],
  edges: readonly DirectedEdge[],
  messages: readonly (Uint8Array | undefined)[],
  skip: number,
): Constraint[] {
  const list: Constraint[] = [];
  for (const e of incoming) {
    const mask = messages[e];
    if (e === skip || !mask) continue;
    list.push({ codes: table.column(edges[e].fieldName)!.codes, mask });
  }
  return list;
}

const edgeCache = new WeakMap<DataModel, DirectedEdge[]>();

function directedEdges(model: DataModel): DirectedEdge[] {
  const cached = edgeCache.get(model);
  if (cached) return cached;
  const edges: DirectedEdge[] = [];
  for (const link of model.associations) {
    const e = edges.length;
    edges.push({ from: link.from.index, to: link.to.index, fieldName: link.field.name, reverse: e + 1 });
    edges.push({ from: link.to.index, to: link.from.index, fieldName: link.field.name, reverse: e });
  }
  edgeCache.set(model, edges);
  return edges;
}

/** An edge carries a restriction when a selection lies on its source side. */
function activeEdges(edges: readonly DirectedEdge[], own: readonly Constraint[][], incoming: readonly number[][]): boolean[] {
  const active = edges.map((edge) => own[edge.from].length > 0);
  for (let changed = true; changed; ) {
    changed = false;
    edges.forEach((edge, e) => {
      if (active[e]) return;
      if (incoming[edge.from].some((i) => i !== edge.reverse && active[i])) {
        active[e] = true;
        changed = true;
      }
    });
  }
  return active;
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
