import { type CodeArray, allocateCodeArray } from '../model/CodeArray.js';
import type { Column } from '../model/Column.js';
import type { JoinTree } from '../model/JoinTree.js';
import type { Table } from '../model/Table.js';
import type { KeyCodesOf, RowSource } from './Frame.js';

/** How a dimension table is reached: the table nearer the facts and the key it shares with it. */
interface Link {
  readonly near: Table;
  readonly key: string;
  /** Per code of the key, the dimension's row holding it (its null row when none does). */
  readonly rowOfCode: Int32Array;
}

/**
 * A join tree seen from its fact table: every other table reached through
 * keys each of them holds once, so every fact row meets at most one row of
 * each, and the frame is the fact table's rows, in their order, one frame
 * row each.
 */
export interface FactSide {
  readonly facts: Table;
  readonly factRows: Int32Array;
  /** The other tables, nearest first, each with its link toward the facts. */
  readonly links: ReadonlyMap<Table, Link>;
  /** The tables some frame row holds the null row of (a fact row whose key they lack). */
  readonly padded: ReadonlySet<Table>;
}

/**
 * The tree's frame as its fact table's rows, when that is exactly what
 * Frame.join's full outer join gives, in the same row order: the tree is a
 * star (or snowflake) of tables whose keys are unique toward the facts, no
 * fact row meets a row the records leave out, and every allowed row of the
 * other tables is met by some fact row (an unmet one would be a frame row of
 * its own). The fact table is the root, or the root's first child over four
 * times its rows (the order Frame.join's child-order join gives). Else
 * undefined.
 */
export function factSide(
  tree: JoinTree,
  source: RowSource,
  keyCodes?: KeyCodesOf,
): FactSide | undefined {
  if (tree.nodes.length < 2) return undefined;
  // Frame.join turns to the first child's row order when it has over four times the root's rows.
  const first = tree.nodes[1]!.table;
  const facts = source(first).length > 4 * source(tree.root).length ? first : tree.root;
  const links = linksFrom(tree, facts);
  return links && checked(facts, source, links, keyCodes);
}

// The other tables of the tree, walked from `facts`, when each one's key toward the facts is unique in it.
function linksFrom(tree: JoinTree, facts: Table): Map<Table, Link> | undefined {
  const edges = new Map<Table, { table: Table; key: string }[]>();
  const edge = (from: Table, to: Table, key: string) => {
    let list = edges.get(from);
    if (!list) edges.set(from, (list = []));
    list.push({ table: to, key });
  };
  for (const node of tree.nodes) {
    if (!node.parent || !node.via) continue;
    edge(node.parent, node.table, node.via.name);
    edge(node.table, node.parent, node.via.name);
  }
  const links = new Map<Table, Link>();
  const order = [facts];
  for (let i = 0; i < order.length; i++) {
    const near = order[i]!;
    for (const { table, key } of edges.get(near) ?? []) {
      if (table === facts || links.has(table)) continue;
      const rowOfCode = uniqueRows(table.column(key)!, table.rowCount);
      if (!rowOfCode) return undefined;
      links.set(table, { near, key, rowOfCode });
      order.push(table);
    }
  }
  return links;
}

// The frame's checks: each link's keys met by the nearer table's frame rows.
function checked(
  facts: Table,
  source: RowSource,
  links: ReadonlyMap<Table, Link>,
  keyCodes: KeyCodesOf | undefined,
): FactSide | undefined {
  const factRows = source(facts);
  const padded = new Set<Table>();
  for (const [table, link] of links) {
    const nearRows = link.near === facts ? factRows : source(link.near);
    const nearCodes = link.near.column(link.key)!.codes;
    const nullCode = link.rowOfCode.length - 1;
    const met =
      (link.near === facts && knownCodes(link.near, nearRows, link.key, keyCodes)) ||
      markCodes(nearRows, nearCodes, nullCode);
    const rows = source(table);
    const allowed = new Uint8Array(table.rowCount + 1);
    for (let i = 0; i < rows.length; i++) allowed[rows[i]!] = 1;
    const codes = table.column(link.key)!.codes;
    // An allowed row no frame row meets (a null key meets none) would be a frame row of its own.
    for (let i = 0; i < rows.length; i++) {
      const code = codes[rows[i]!]!;
      if (code === nullCode || met[code] !== 1) return undefined;
    }
    for (let code = 0; code < nullCode; code++) {
      if (met[code] !== 1) continue;
      const row = link.rowOfCode[code]!;
      if (row === table.rowCount) padded.add(table);
      // A met row the records leave out is the null row in the outer join.
      else if (allowed[row] !== 1) return undefined;
    }
    // A null key, or the nearer table's null row (which carries one on), meets the null row.
    if (met[nullCode] === 1 || padded.has(link.near)) padded.add(table);
  }
  return { facts, factRows, links, padded };
}

/**
 * The rows of dimension `table` joined to the frame's rows, from the
 * nearer table's rows (`rowsOf`) through the key.
 */
export function dimensionRows(
  side: FactSide,
  table: Table,
  rowsOf: (table: Table) => Int32Array,
): Int32Array {
  const link = side.links.get(table)!;
  const nearRows = rowsOf(link.near);
  const codes = link.near.column(link.key)!.codes;
  const out = new Int32Array(nearRows.length);
  for (let i = 0; i < out.length; i++) out[i] = link.rowOfCode[codes[nearRows[i]!]!]!;
  return out;
}

// Per key column of a table: each code's row, if no code has two (undefined otherwise).
const uniqueByColumn = new WeakMap<Column, Int32Array | null>();

function uniqueRows(column: Column, rowCount: number): Int32Array | undefined {
  let rows = uniqueByColumn.get(column);
  if (rows === undefined) {
    rows = new Int32Array(column.nullCode + 1).fill(rowCount);
    const { codes, nullCode } = column;
    for (let row = 0; row < rowCount; row++) {
      const code = codes[row]!;
      if (code === nullCode) continue;
      if (rows[code] !== rowCount) {
        rows = null;
        break;
      }
      rows[code] = row;
    }
    uniqueByColumn.set(column, rows);
  }
  return rows ?? undefined;
}

// Per fact table: a dimension field's codes on every fact row, by the path to its table.
const codesByFacts = new WeakMap<Table, Map<string, CodeArray>>();

/**
 * Field `name` of dimension `table` on every row of the fact table (its
 * null row last), worked out once per model: the frame's groups then read
 * it through the fact rows, as they read the facts' own fields.
 */
export function factCodes(side: FactSide, table: Table, name: string): CodeArray {
  const { facts } = side;
  const path: Link[] = [];
  for (let at = table; at !== facts; at = side.links.get(at)!.near)
    path.unshift(side.links.get(at)!);
  const key = `${path.map((link) => `${link.near.index}.${link.key}`).join('/')}/${table.index}.${name}`;
  let byPath = codesByFacts.get(facts);
  if (!byPath) codesByFacts.set(facts, (byPath = new Map()));
  let codes = byPath.get(key);
  if (codes) return codes;
  // The dimension's row per code of the facts' own key, link by link.
  let rowOfCode = path[0]!.rowOfCode;
  for (const link of path.slice(1)) {
    const nearCodes = link.near.column(link.key)!.codes;
    rowOfCode = rowOfCode.map((row) => link.rowOfCode[nearCodes[row]!]!);
  }
  const column = table.column(name)!;
  const codeOfKey = Int32Array.from(rowOfCode, (row) => column.codes[row]!);
  const factKey = facts.column(path[0]!.key)!.codes;
  codes = allocateCodeArray(column.nullCode, facts.rowCount + 1);
  for (let r = 0; r <= facts.rowCount; r++) codes[r] = codeOfKey[factKey[r]!]!;
  byPath.set(key, codes);
  return codes;
}

// The fact rows' key codes without a pass over them, when known: every row's
// (the column's, kept per model), or the selection's propagation's (null keys
// only where the column has none); else undefined.
function knownCodes(
  facts: Table,
  rows: Int32Array,
  key: string,
  keyCodes: KeyCodesOf | undefined,
): Uint8Array | undefined {
  const column = facts.column(key)!;
  if (rows.length === facts.rowCount) return columnCodes(column, facts.rowCount);
  const known = keyCodes?.(facts, key);
  if (!known) return undefined;
  if (known.withNull && columnCodes(column, facts.rowCount)[column.nullCode] === 1)
    return undefined;
  return known.codes;
}

// Per column, a 1 per code some row holds, null included.
const codesOfColumn = new WeakMap<Column, Uint8Array>();

function columnCodes(column: Column, rowCount: number): Uint8Array {
  let codes = codesOfColumn.get(column);
  if (!codes) {
    codes = new Uint8Array(column.nullCode + 1);
    for (let row = 0; row < rowCount; row++) codes[column.codes[row]!] = 1;
    codesOfColumn.set(column, codes);
  }
  return codes;
}

// A 1 per code some of `rows` holds (cardinality + 1 entries, null last).
function markCodes(rows: Int32Array, codes: ArrayLike<number>, nullCode: number): Uint8Array {
  const met = new Uint8Array(nullCode + 1);
  for (let i = 0; i < rows.length; i++) met[codes[rows[i]!]!] = 1;
  return met;
}
