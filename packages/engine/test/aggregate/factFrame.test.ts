import { describe, expect, test } from 'vitest';
import { Frame } from '../../src/aggregate/Frame.js';
import type { DataModel } from '../../src/model/DataModel.js';
import { DataModel as Model } from '../../src/model/DataModel.js';
import type { JoinTree } from '../../src/model/JoinTree.js';
import type { Table } from '../../src/model/Table.js';
import { chartOf, selectValues } from './chartOf.js';
import { tableOf } from './tableOf.js';

// A small deterministic generator, so a failure names its seed.
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

// Facts over two dimension tables, one of them snowflaked: some fact keys no
// dimension row has, some null, and (with `orphans`) dimension rows no fact has.
function snowflake(seed: number, orphans: boolean): DataModel {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const facts = Array.from({ length: 120 }, () => [
    next() < 0.05 ? null : pick(orphans ? 14 : 11),
    next() < 0.05 ? null : pick(7),
    pick(5),
    pick(40) / 4,
  ]);
  const products = Array.from({ length: orphans ? 13 : 10 }, (_, p) => [p, `P${p}`, p % 4]);
  // Some seeds give a store with no key: it meets no fact row.
  const stores = Array.from({ length: 6 }, (_, s) => [
    s === 5 && seed % 4 === 1 ? null : s,
    `R${s % 3}`,
  ]);
  const groups = Array.from({ length: orphans ? 5 : 4 }, (_, g) => [g, `G${g % 3}`]);
  return Model.fromTables([
    tableOf('Facts', ['Prod', 'Store', 'Day', 'Amount'], facts),
    tableOf('Products', ['Prod', 'Name', 'Grp'], products),
    tableOf('Stores', ['Store', 'Region'], stores),
    tableOf('Groups', ['Grp', 'Group'], groups),
  ]);
}

// Frame.join's contract written out naively: the full outer join of the
// tree's tables, node by node, over the rows each table allows; one string
// per frame row (each table's row, in `tables` order, its row count for null).
function naiveJoin(
  tree: JoinTree,
  source: (table: Table) => Int32Array,
  tables: Table[],
): string[] {
  let frame: Map<Table, number>[] = Array.from(
    source(tree.root),
    (row) => new Map([[tree.root, row]]),
  );
  for (const node of tree.nodes) {
    if (!node.parent || !node.via) continue;
    const { table: child, parent } = node;
    const key = node.via.name;
    const nullCode = child.column(key)!.nullCode;
    const childRows = Array.from(source(child));
    const met = new Set<number>();
    const joined: Map<Table, number>[] = [];
    for (const tuple of frame) {
      const code = parent.column(key)!.codes[tuple.get(parent)!]!;
      const matches =
        code === nullCode ? [] : childRows.filter((row) => child.column(key)!.codes[row] === code);
      if (matches.length === 0) joined.push(new Map([...tuple, [child, child.rowCount]]));
      for (const row of matches) {
        met.add(row);
        joined.push(new Map([...tuple, [child, row]]));
      }
    }
    const before = [...(frame[0]?.keys() ?? [tree.root])];
    for (const row of childRows)
      if (!met.has(row))
        joined.push(
          new Map([...before.map((t): [Table, number] => [t, t.rowCount]), [child, row]]),
        );
    frame = joined;
  }
  return frame.map((tuple) => tables.map((t) => tuple.get(t)).join(','));
}

function framed(frame: Frame, tables: Table[]): string[] {
  const rows = tables.map((t) => frame.rowsOf(t));
  return Array.from({ length: frame.length }, (_, i) => rows.map((r) => r[i]).join(','));
}

const fields = ['Name', 'Region', 'Group', 'Amount'];
const picks: Record<string, readonly (string | number)[]>[] = [
  {},
  { Day: [1, 3] },
  { Region: ['R1'] },
  { Group: ['G0', 'G2'] },
  { Prod: [2, 12, 13] },
  { Name: ['P1', 'P11'] },
  { Store: [0, 5] },
];

describe('a frame over the fact table of a star', () => {
  test('holds what the full outer join holds, for every selection, fast path or not', () => {
    let fast = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const model = snowflake(seed, seed % 3 === 0);
      const tables = ['Facts', 'Products', 'Stores', 'Groups'].map((name) => model.table(name));
      const tree = model.joinTree(fields);
      for (const pick of picks) {
        const state = selectValues(model, pick);
        const source = (table: Table) => Int32Array.from(state.rows(table).toArray());
        // The facts' key codes as the selection's propagation found them, where it did.
        const frame = Frame.join(tree, source, (table, key) => state.keyCodes(table, key));
        const expected = naiveJoin(tree, source, tables);
        const label = `seed ${seed} ${JSON.stringify(pick)}`;
        expect(framed(frame, tables).sort(), label).toEqual(expected.sort());
        for (const table of tables) {
          const padded = expected.some(
            (row) => row.split(',')[tables.indexOf(table)] === `${table.rowCount}`,
          );
          expect(frame.hasNullRows(table), `${label} ${table.name}`).toBe(padded);
        }
        if (frame.factCodes(tables[1]!, 'Name')) {
          fast++;
          // Each fact row once, in the facts' order; a dimension's codes on the fact rows read as its rows give.
          expect(frame.holdsEachRowOnce(tables[0]!)).toBe(true);
          expect(Array.from(frame.rowsOf(tables[0]!))).toEqual(Array.from(source(tables[0]!)));
          const { codes } = frame.factCodes(tables[3]!, 'Group')!;
          const groupCodes = tables[3]!.column('Group')!.codes;
          expect(Array.from(frame.rowsOf(tables[0]!), (row) => codes[row])).toEqual(
            Array.from(frame.rowsOf(tables[3]!), (row) => groupCodes[row]),
          );
        }
      }
    }
    // Most selections of the models without orphan rows take the fact table's frame.
    expect(fast).toBeGreaterThan(30);
  });

  test('holds what the full outer join holds when a fact row meets a dimension row left out', () => {
    let fast = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const model = snowflake(seed, false);
      const tables = ['Facts', 'Products', 'Stores', 'Groups'].map((name) => model.table(name));
      const [facts, products, stores, groups] = tables as [Table, Table, Table, Table];
      const next = random(seed);
      // Records as a set might give them: each dimension's rows met by the nearer table's, one of them sometimes left out.
      const factRows = Array.from({ length: facts.rowCount }, (_, r) => r).filter(
        () => next() < 0.5,
      );
      const met = (near: Table, nearRows: number[], far: Table, key: string) => {
        const codes = new Set(nearRows.map((row) => near.column(key)!.codes[row]));
        const rows = Array.from({ length: far.rowCount }, (_, r) => r).filter((row) =>
          codes.has(far.column(key)!.codes[row]!),
        );
        if (next() < 0.3) rows.splice(Math.floor(next() * rows.length), 1);
        return rows;
      };
      const productRows = met(facts, factRows, products, 'Prod');
      const allowed = new Map([
        [facts, factRows],
        [products, productRows],
        [stores, met(facts, factRows, stores, 'Store')],
        [groups, met(products, productRows, groups, 'Grp')],
      ]);
      const source = (table: Table) => Int32Array.from(allowed.get(table)!);
      const tree = model.joinTree(fields);
      const frame = Frame.join(tree, source);
      expect(framed(frame, tables).sort(), `seed ${seed}`).toEqual(
        naiveJoin(tree, source, tables).sort(),
      );
      if (frame.factCodes(products, 'Name')) fast++;
    }
    expect(fast).toBeGreaterThan(5);
  });

  test('charts over it add up as over the naive join', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const model = snowflake(seed, seed % 2 === 0);
      const tables = ['Facts', 'Products', 'Stores', 'Groups'].map((name) => model.table(name));
      for (const pick of picks) {
        const state = selectValues(model, pick);
        const source = (table: Table) => Int32Array.from(state.rows(table).toArray());
        const tree = model.joinTree(['Group', 'Region', 'Amount', 'Prod']);
        const sums = new Map<string, [number, number]>();
        const [facts, products, stores, groups] = tables as [Table, Table, Table, Table];
        const text = (table: Table, field: string, row: number) => {
          const code = table.column(field)!.codes[row]!;
          return code === model.field(field).cardinality
            ? null
            : model.field(field).symbols.text(code);
        };
        for (const tuple of naiveJoin(tree, source, tables)) {
          const [f, p, s, g] = tuple.split(',').map(Number) as [number, number, number, number];
          const key = JSON.stringify([text(groups, 'Group', g), text(stores, 'Region', s)]);
          const sum = sums.get(key) ?? [0, 0];
          const amount = text(facts, 'Amount', f);
          if (amount !== null) sum[0] += Number(amount);
          // Count(Prod) reads the facts' key, or the product's where the facts have their null row.
          if (text(facts, 'Prod', f) !== null || text(products, 'Prod', p) !== null) sum[1]++;
          sums.set(key, sum);
        }
        const { rows } = chartOf(model, state, ['Group', 'Region'], ['Sum(Amount)', 'Count(Prod)']);
        const got = new Map(rows.map((row) => [JSON.stringify(row.slice(0, 2)), row.slice(2)]));
        expect(got, `seed ${seed} ${JSON.stringify(pick)}`).toEqual(
          new Map([...sums].map(([key, value]) => [key, value])),
        );
      }
    }
  });
});
