import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import type { Field } from '../../src/model/Field.js';
import type { Table } from '../../src/model/Table.js';
import { SelectionState } from '../../src/selection/SelectionState.js';
import type { Value } from '../../src/value/Value.js';
import { loadedTable } from '../model/tableFixture.js';

/** A small deterministic PRNG (mulberry32) so every run sees the same cases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A tree of tables through key fields: A -k1- B -k2- {C, D}; k2 is a hub of three tables.
const shapes = [
  { name: 'A', fields: ['k1', 'a'] },
  { name: 'B', fields: ['k1', 'k2', 'b'] },
  { name: 'C', fields: ['k2', 'c'] },
  { name: 'D', fields: ['k2', 'd'] },
];

function randomModel(next: () => number): DataModel {
  return DataModel.fromTables(
    shapes.map((shape) => {
      const rows = Array.from({ length: 2 + Math.floor(next() * 5) }, () =>
        shape.fields.map((field): Value => {
          if (field.startsWith('k') && next() < 0.1) return null;
          return `${field}${Math.floor(next() * (field.startsWith('k') ? 4 : 3))}`;
        }),
      );
      return loadedTable(shape.name, shape.fields, rows);
    }),
  );
}

/**
 * The oracle, by a different road: a row of T is possible when it takes part
 * in the inner join of the smallest subtree linking T to every selection
 * (a table with a selected field, or a selected key field), with all
 * selections applied — found by enumerating row combinations.
 */
function oraclePossible(
  model: DataModel,
  selected: Map<Field, Set<number>>,
  target: Table,
): boolean[] {
  const subtree = new Set<Table>([target]);
  for (const field of selected.keys()) {
    const holders = model.tablesOfField(field.name);
    if (holders.includes(target)) continue;
    // Walk from the target towards the nearest holder; the model is a tree, so the path is unique.
    const path = pathTo(model, target, (table) => holders.includes(table));
    for (const table of path) subtree.add(table);
  }
  const members = [...subtree];
  const possible = new Array<boolean>(target.rowCount).fill(false);
  const choice = new Map<Table, number>();
  const consistent = (): boolean => {
    for (const [field, values] of selected) {
      for (const table of members) {
        const column = table.column(field.name);
        if (column && !values.has(column.symbolAt(choice.get(table)!))) return false;
      }
    }
    for (const a of members) {
      for (const b of members) {
        if (a.index >= b.index) continue;
        for (const field of a.fields) {
          const other = b.column(field.name);
          if (!other) continue;
          const left = a.column(field.name)!.symbolAt(choice.get(a)!);
          if (left < 0 || left !== other.symbolAt(choice.get(b)!)) return false;
        }
      }
    }
    return true;
  };
  const enumerate = (i: number): void => {
    if (i === members.length) {
      if (consistent()) possible[choice.get(target)!] = true;
      return;
    }
    for (let r = 0; r < members[i].rowCount; r++) {
      choice.set(members[i], r);
      enumerate(i + 1);
    }
  };
  enumerate(0);
  return possible;
}

function pathTo(model: DataModel, from: Table, isGoal: (table: Table) => boolean): Table[] {
  const parent = new Map<Table, Table | undefined>([[from, undefined]]);
  const queue = [from];
  while (queue.length > 0) {
    const table = queue.shift()!;
    if (isGoal(table)) {
      const path: Table[] = [];
      for (let t: Table | undefined = table; t; t = parent.get(t)) path.push(t);
      return path;
    }
    for (const { table: next } of model.neighbours(table)) {
      if (parent.has(next)) continue;
      parent.set(next, table);
      queue.push(next);
    }
  }
  throw new Error('unreachable');
}

describe('propagation against a join-enumeration oracle', () => {
  it('agrees on the possible rows of every table over 150 random models and selections', () => {
    const next = random(20261123);
    let restricted = 0;
    for (let round = 0; round < 150; round++) {
      const model = randomModel(next);
      const state = new SelectionState(model);
      const selected = new Map<Field, Set<number>>();
      const candidates = model.fields.filter(() => next() < 0.35);
      for (const field of candidates) {
        const values = Array.from({ length: field.cardinality }, (_, i) => i).filter(
          () => next() < 0.5,
        );
        if (values.length === 0) continue;
        state.select(field, values);
        selected.set(field, new Set(values));
      }
      const result = state.result();
      for (const table of model.tables) {
        const expected = oraclePossible(model, selected, table);
        const actual = Array.from({ length: table.rowCount }, (_, r) => result.rows(table).has(r));
        expect(actual, `round ${round}, table ${table.name}`).toEqual(expected);
        if (expected.includes(false)) restricted++;
      }
    }
    // The cases must actually exclude rows, or the comparison proves little.
    expect(restricted).toBeGreaterThan(100);
  });

  it('agrees on every value state (S, O, A, X, XS) over 100 random models and selections', () => {
    const next = random(7);
    const seen = new Set<string>();
    for (let round = 0; round < 100; round++) {
      const model = randomModel(next);
      const state = new SelectionState(model);
      const selected = new Map<Field, Set<number>>();
      for (const field of model.fields.filter(() => next() < 0.35)) {
        const values = Array.from({ length: field.cardinality }, (_, i) => i).filter(
          () => next() < 0.5,
        );
        if (values.length === 0) continue;
        state.select(field, values);
        selected.set(field, new Set(values));
      }
      const result = state.result();
      for (const field of model.fields) {
        const possible = oracleValues(model, selected, field);
        const others = new Map(selected);
        others.delete(field);
        const alternative = oracleValues(model, others, field);
        const own = selected.get(field);
        const expected = Array.from({ length: field.cardinality }, (_, i) => {
          if (!own) return possible.has(i) ? 'O' : 'X';
          if (own.has(i)) return possible.has(i) ? 'S' : 'XS';
          return alternative.has(i) ? 'A' : 'X';
        });
        const actual = Array.from({ length: field.cardinality }, (_, i) => result.state(field, i));
        expect(actual, `round ${round}, field ${field.name}`).toEqual(expected);
        for (const s of actual) seen.add(s);
      }
    }
    expect([...seen].sort()).toEqual(['A', 'O', 'S', 'X', 'XS']);
  });
});

/** Values of a field found in the oracle's possible rows of any table holding it. */
function oracleValues(
  model: DataModel,
  selected: Map<Field, Set<number>>,
  field: Field,
): Set<number> {
  const values = new Set<number>();
  for (const table of model.tablesOfField(field.name)) {
    const column = table.column(field.name)!;
    oraclePossible(model, selected, table).forEach((ok, row) => {
      if (ok && column.symbolAt(row) >= 0) values.add(column.symbolAt(row));
    });
  }
  return values;
}
