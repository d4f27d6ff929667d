import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import type { LoadedColumn, LoadedTable } from './LoadedTable.js';

/** Who the data is reduced for: a user id and the groups the user belongs to. */
export interface AccessUser {
  readonly userId: string;
  readonly groups?: readonly string[];
}

/** The data one user may see, or `allowed: false` when no SECTION ACCESS row admits the user. */
export type AccessResult =
  { readonly allowed: true; readonly tables: readonly LoadedTable[] } | { readonly allowed: false };

/** Section access columns that say who a row is for, not what data it admits. */
const SYSTEM_FIELDS = new Set([
  'ACCESS',
  'USERID',
  'USER.EMAIL',
  'GROUP',
  'OMIT',
  'NTNAME',
  'NTDOMAINSID',
  'NTSID',
  'SERIAL',
  'PASSWORD',
]);

/**
 * Applies SECTION ACCESS to an app's tables for one user, as Qlik does when
 * the user opens the app: the rows whose ACCESS is ADMIN or USER and whose
 * USERID is the user (or `*`), or whose GROUP is one of the user's, admit
 * the user; without such a row there is no access. Their other columns that
 * name a field of the data (matched in upper case, as Qlik upper-cases
 * section access) reduce it: the data keeps only what associates with those
 * rows' values (`*` standing for every value the column lists), the
 * reduction spreading through the model like a selection. OMIT drops fields.
 */
export function applySectionAccess(
  tables: readonly LoadedTable[],
  access: readonly LoadedTable[],
  user: AccessUser,
  star = '*',
): AccessResult {
  if (access.length === 0) return { allowed: true, tables };
  const rows = access.flatMap((table) => rowsOf(table));
  const userId = user.userId.toUpperCase();
  const groups = new Set((user.groups ?? []).map((group) => group.toUpperCase()));
  const mine = rows.filter((row) => {
    const level = upper(row.get('ACCESS'));
    if (level !== 'ADMIN' && level !== 'USER') return false;
    const id = upper(row.get('USERID'));
    const group = upper(row.get('GROUP'));
    return id === userId || id === star || (group !== undefined && groups.has(group));
  });
  if (mine.length === 0) return { allowed: false };
  const dataFields = new Map<string, string>();
  for (const table of tables)
    for (const column of table.columns) dataFields.set(column.name.toUpperCase(), column.name);
  const reductionFields = [...new Set(rows.flatMap((row) => [...row.keys()]))].filter(
    (name) => !SYSTEM_FIELDS.has(name) && dataFields.has(name),
  );
  const omitted = new Set(
    mine.map((row) => upper(row.get('OMIT'))).filter((f): f is string => f !== undefined),
  );
  const reduced =
    reductionFields.length === 0
      ? [...tables]
      : reduce(
          tables,
          admitted(rows, mine, reductionFields, star),
          reductionFields.map((f) => dataFields.get(f)!),
        );
  return {
    allowed: true,
    tables: reduced.map((table) => omit(table, omitted)).filter((t) => t.columns.length > 0),
  };
}

function upper(value: Value | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = toText(value).trim();
  return text === '' ? undefined : text.toUpperCase();
}

/** A section access table's rows, keyed by upper-cased field name. */
function rowsOf(table: LoadedTable): Map<string, Value>[] {
  const rows: Map<string, Value>[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    const values = new Map<string, Value>();
    for (const column of table.columns) values.set(column.name.toUpperCase(), valueAt(column, row));
    rows.push(values);
  }
  return rows;
}

function valueAt(column: LoadedColumn, row: number): Value {
  const index = column.indexes[row];
  return index < 0 ? null : (column.values[index] ?? null);
}

/**
 * The combinations of reduction values the user's rows admit, upper-cased:
 * `*` expands to every value its column lists; a row with an empty value in
 * a reduction field admits nothing through it.
 */
function admitted(
  all: readonly Map<string, Value>[],
  mine: readonly Map<string, Value>[],
  fields: readonly string[],
  star: string,
): (string | undefined)[][] {
  const listed = fields.map(
    (field) =>
      new Set(
        all
          .map((row) => upper(row.get(field)))
          .filter((v): v is string => v !== undefined && v !== star),
      ),
  );
  let combos: (string | undefined)[][] = [];
  for (const row of mine) {
    let expanded: (string | undefined)[][] = [[]];
    fields.forEach((field, i) => {
      const value = upper(row.get(field));
      const choices = value === star ? [...listed[i]] : [value];
      expanded = expanded.flatMap((prefix) => choices.map((choice) => [...prefix, choice]));
    });
    combos = combos.concat(expanded);
  }
  return combos;
}

/** A value's identity for association: numbers by value, texts by text (or upper-cased text). */
function keyPart(value: NonNullable<Value>, caseless: boolean): string {
  const text = toText(value);
  if (caseless) return text.toUpperCase();
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'object' && !Number.isNaN(value.num)) return `n${value.num}`;
  return `s${text}`;
}

/** Each row's key over `fields`, undefined when one of them is null. */
function keysOf(
  table: LoadedTable,
  fields: readonly string[],
  caseless: boolean,
): (row: number) => string | undefined {
  const columns = fields.map((field) => table.columns.find((column) => column.name === field)!);
  return (row) => {
    const parts: string[] = [];
    for (const column of columns) {
      const value = valueAt(column, row);
      if (value === null) return undefined;
      parts.push(keyPart(value, caseless));
    }
    return parts.join('\u0001');
  };
}

/**
 * Keeps the rows that associate with the admitted combinations: first in the
 * tables holding reduction fields, then, like a selection, in every table
 * linked to a table that lost rows, until nothing changes.
 */
function reduce(
  tables: readonly LoadedTable[],
  combos: readonly (string | undefined)[][],
  fields: readonly string[],
): LoadedTable[] {
  const kept = tables.map((table) => Array.from({ length: table.rowCount }, (_, i) => i));
  const changed: number[] = [];
  tables.forEach((table, t) => {
    const present = fields
      .map((field, i) => ({ field, i }))
      .filter(({ field }) => table.columns.some((column) => column.name === field));
    if (present.length === 0) return;
    const allowed = new Set<string>();
    for (const combo of combos) {
      const parts = present.map(({ i }) => combo[i]);
      if (parts.every((part) => part !== undefined)) allowed.add(parts.join('\u0001'));
    }
    const key = keysOf(
      table,
      present.map(({ field }) => field),
      true,
    );
    kept[t] = kept[t].filter((row) => allowed.has(key(row) ?? '\u0000'));
    changed.push(t);
  });
  while (changed.length > 0) {
    const from = changed.shift()!;
    const source = tables[from];
    for (let to = 0; to < tables.length; to++) {
      if (to === from) continue;
      const shared = source.columns
        .map((column) => column.name)
        .filter((name) => tables[to].columns.some((column) => column.name === name));
      if (shared.length === 0) continue;
      const sourceKey = keysOf(source, shared, false);
      const allowed = new Set(
        kept[from].map(sourceKey).filter((k): k is string => k !== undefined),
      );
      const targetKey = keysOf(tables[to], shared, false);
      const before = kept[to].length;
      kept[to] = kept[to].filter((row) => allowed.has(targetKey(row) ?? '\u0000'));
      if (kept[to].length < before) changed.push(to);
    }
  }
  return tables.map((table, t) => selectRows(table, kept[t]));
}

/** The table with only the listed rows, its dictionaries holding only the values they use. */
function selectRows(table: LoadedTable, rows: readonly number[]): LoadedTable {
  if (rows.length === table.rowCount) return table;
  return {
    name: table.name,
    rowCount: rows.length,
    columns: table.columns.map((column) => {
      const values: Value[] = [];
      const remap = new Map<number, number>();
      const indexes = new Int32Array(rows.length);
      rows.forEach((row, i) => {
        const index = column.indexes[row];
        if (index < 0) {
          indexes[i] = -1;
          return;
        }
        let next = remap.get(index);
        if (next === undefined) {
          next = values.length;
          values.push(column.values[index]);
          remap.set(index, next);
        }
        indexes[i] = next;
      });
      return { name: column.name, values, indexes };
    }),
  };
}

/** The table without the OMIT fields (named in upper case). */
function omit(table: LoadedTable, omitted: ReadonlySet<string>): LoadedTable {
  if (omitted.size === 0) return table;
  return {
    ...table,
    columns: table.columns.filter((column) => !omitted.has(column.name.toUpperCase())),
  };
}
