import type { CodeArray } from '../model/CodeArray.js';
import type { DataModel } from '../model/DataModel.js';
import type { Selections } from './FieldSelection.js';
import {
  andWithMaskBlock,
  andWithMaskOnThreads,
  fillFromMaskBlock,
  fillFromMaskOnThreads,
  presentCodesOnThreads,
} from '../parallel/bitsetScans.js';
import { runsInParallel } from '../parallel/inBlocks.js';
import { isShared, rowArray } from '../parallel/sharedArrays.js';
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
export function propagate(model: DataModel, selections: Selections): Propagated {
  if (selections.size === 0)
    return {
      rows: model.tables.map((table) => RowSet.full(table.rowCount)),
      keyCodes: () => undefined,
    };
  const propagation = new Propagation(model, selections);
  return { rows: propagation.run(), keyCodes: (t, field) => propagation.keyCodes(t, field) };
}

/** A key's codes in a table's possible rows, as the propagation left them. */
export interface KeyCodes {
  /** 1 per key code some possible row holds; the null slot is 0. */
  readonly codes: Uint8Array;
  /** Whether possible rows may hold a null key too (nothing restricted the key there). */
  readonly withNull: boolean;
}

/** What `propagate` gives: the possible rows of every table, and the key codes it found in them. */
export interface Propagated {
  readonly rows: RowSet[];
  /** Key `field`'s codes in table `t`'s possible rows, where the messages tell them. */
  readonly keyCodes: (t: number, field: number) => KeyCodes | undefined;
}

/** One propagation run: the messages on every port and the work list of tables to revisit. */
class Propagation {
  private readonly own: Constraint[][];
  private readonly graph: KeyGraph;
  private readonly upActive: boolean[];
  /** Key values a table still has, per port (undefined: unrestricted). */
  private readonly up: (Uint8Array | undefined)[];
  /** Key values a key field allows into a table, per port (undefined: unrestricted). */
  private readonly down: (Uint8Array | undefined)[];
  /** Rows passing everything that flows into a table, kept until one of its inputs changes. */
  private readonly passing: (RowSet | undefined)[];
  private readonly queue: number[] = [];
  private readonly queued: Uint8Array;

  constructor(
    private readonly model: DataModel,
    private readonly selections: Selections,
  ) {
    this.own = ownConstraints(model, selections);
    this.graph = keyGraph(model);
    this.upActive = activePorts(this.graph, this.own, selections);
    this.up = this.graph.ports.map(() => undefined);
    this.down = this.graph.ports.map((port) => selections.get(port.field)?.values.mask);
    this.passing = model.tables.map(() => undefined);
    this.queued = new Uint8Array(model.tables.length);
  }

  run(): RowSet[] {
    for (const table of this.model.tables) {
      const t = table.index;
      if (this.own[t].length > 0 || this.graph.portsOfTable[t].some((p) => this.down[p]))
        this.enqueue(t);
    }
    while (this.queue.length > 0) {
      const t = this.queue.shift()!;
      this.queued[t] = 0;
      for (const p of this.graph.portsOfTable[t]) if (this.upActive[p]) this.sendUp(t, p);
    }
    return this.model.tables.map((table) => this.rowsPassingAll(table.index));
  }

  /**
   * After `run`: what table `t` last told key `field` (the codes of its rows
   * passing everything but that key's own message) narrowed by that message,
   * which are the codes of its possible rows; undefined when it told nothing.
   */
  keyCodes(t: number, field: number): KeyCodes | undefined {
    const p = this.graph.portsOfTable[t].find((q) => this.graph.ports[q].field === field);
    const up = p === undefined ? undefined : this.up[p];
    if (p === undefined || !up) return undefined;
    const down = this.down[p];
    if (!down) return { codes: up, withNull: true };
    const codes = new Uint8Array(up.length);
    for (let c = 0; c < codes.length; c++) codes[c] = up[c]! & down[c]!;
    return { codes, withNull: false };
  }

  /** Tells the key field behind port `p` which key values table `t` still has. */
  private sendUp(t: number, p: number): void {
    // What a key field sent must not be echoed back to it; with nothing coming in through p, all inputs apply.
    const rows = this.down[p] ? this.rowsPassing(t, p) : this.rowsPassingAll(t);
    const port = this.graph.ports[p];
    const message = presentCodes(rows, port.codes, port.nullCode);
    if (this.up[p] && sameMask(this.up[p], message)) return;
    this.up[p] = message;
    this.sendDown(port.field, p);
  }

  /** Recomputes what key field `field` allows into each table but the one behind port `from`. */
  private sendDown(field: number, from: number): void {
    const fieldPorts = this.graph.portsOfField.get(field)!;
    const selected = this.selections.get(field)?.values.mask;
    for (const q of fieldPorts) {
      if (q === from) continue;
      const next = intersectOthers(fieldPorts, this.up, q, selected);
      if (!next || (this.down[q] && sameMask(this.down[q], next))) continue;
      this.down[q] = next;
      const t = this.graph.ports[q].table;
      this.passing[t] = undefined;
      this.enqueue(t);
    }
  }

  private rowsPassingAll(t: number): RowSet {
    return (this.passing[t] ??= this.rowsPassing(t, -1));
  }

  /** Rows of table `t` passing its own selections and what comes in through every port but `skip`. */
  private rowsPassing(t: number, skip: number): RowSet {
    const { ports, portsOfTable } = this.graph;
    const constraints = [...this.own[t], ...incoming(ports, portsOfTable[t], this.down, skip)];
    return filterRows(this.model.tables[t].rowCount, constraints);
  }

  private enqueue(t: number): void {
    if (this.queued[t]) return;
    this.queued[t] = 1;
    this.queue.push(t);
  }
}

/**
 * The symbols of a column that occur in `rows`, as a mask of cardinality + 1
 * bytes whose null slot stays 0 (a null key links to nothing).
 */
export function presentCodes(rows: RowSet, codes: CodeArray, nullCode: number): Uint8Array {
  if (runsInParallel(rows.size)) {
    const present = presentCodesOnThreads(rows.words, codes, nullCode + 1);
    present[nullCode] = 0;
    return present;
  }
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
  const words = rowArray(Uint32Array, (rowCount + 31) >>> 5, rowCount);
  fillFromMask(words, rowCount, constraints[0]);
  for (let c = 1; c < constraints.length; c++) andWithMask(words, rowCount, constraints[c]);
  return new RowSet(rowCount, words);
}

// The loops over the rows are the blocks' (typed arrays and numbers only): read
// here, the constraint's shape would tie their machine code to it, and a full
// collection, which drops the shapes of objects no longer alive, dropped the code.
function fillFromMask(words: Uint32Array, rowCount: number, { codes, mask }: Constraint): void {
  const fullWords = rowCount >>> 5;
  if (runsInParallel(rowCount) && isShared(words))
    fillFromMaskOnThreads(words, fullWords, codes, mask);
  else fillFromMaskBlock(0, fullWords, words, codes, mask);
  if (fullWords < words.length) {
    const base = fullWords << 5;
    let bits = 0;
    for (let r = base; r < rowCount; r++) bits |= mask[codes[r]] << (r - base);
    words[fullWords] = bits;
  }
}

function andWithMask(words: Uint32Array, rowCount: number, { codes, mask }: Constraint): void {
  if (runsInParallel(rowCount) && isShared(words))
    return andWithMaskOnThreads(words, rowCount, codes, mask);
  andWithMaskBlock(0, words.length, words, codes, mask, rowCount);
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
