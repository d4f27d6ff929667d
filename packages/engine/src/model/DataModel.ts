import type { LoadedTable } from './LoadedTable.js';
import type { Association } from './Association.js';
import { allocateCodeArray, type CodeArray } from './CodeArray.js';
import { Column } from './Column.js';
import { deriveFieldTags } from './deriveFieldTags.js';
import type { DraftTable } from './DraftTable.js';
import { Field } from './Field.js';
import type { FieldTag } from './FieldTag.js';
import type { FieldNumberFormat } from './FieldNumberFormat.js';
import { findJoinTree } from './findJoinTree.js';
import { findLoopFields } from './findLoopFields.js';
import { foldSyntheticKeys } from './foldSyntheticKeys.js';
import { keepFreedMemory } from './keepFreedMemory.js';
import type { JoinTree } from './JoinTree.js';
import { ModelError } from './ModelError.js';
import type { SymbolTable } from './SymbolTable.js';
import { SymbolTableBuilder } from './SymbolTableBuilder.js';
import { systemTables } from './systemTables.js';
import { Table } from './Table.js';

/** Options for `DataModel.fromTables`. */
export interface DataModelOptions {
  /** Extra tags per field name, e.g. `{ OrderDate: ['$date'] }` from the script's date interpretation. */
  readonly tags?: Readonly<Record<string, readonly FieldTag[]>>;
  /** Number formats per field name that the sources gave (a QVD's NumberFormat). */
  readonly numberFormats?: Readonly<Record<string, FieldNumberFormat>>;
  /** Fold fields shared by two tables into synthetic keys (default true, as Qlik does). */
  readonly syntheticKeys?: boolean;
  /** Add the system fields $Field, $Table, $FieldNo, $Rows and $Fields in two hidden tables (default false). */
  readonly systemFields?: boolean;
}

/** A table's neighbour in the association graph and the key linking them. */
export interface Neighbour {
  readonly table: Table;
  readonly field: Field;
}

/**
 * The associative data model: one symbol table per field, tables of symbol
 * codes, and the graph of tables linked through same-named key fields.
 */
export class DataModel {
  private readonly fieldsByName: Map<string, Field>;
  private readonly tablesByName: Map<string, Table>;
  private readonly neighbourLists: (readonly Neighbour[])[];

  private constructor(
    readonly fields: readonly Field[],
    readonly tables: readonly Table[],
  ) {
    this.fieldsByName = new Map(fields.map((field) => [field.name, field]));
    this.tablesByName = new Map(tables.map((table) => [table.name, table]));
    this.neighbourLists = tables.map((table) => listNeighbours(table, tables));
  }

  /** Builds the model from the tables a reload produced, in load order. */
  static fromTables(loaded: readonly LoadedTable[], options: DataModelOptions = {}): DataModel {
    validateTables(loaded);
    // A process that builds a model computes charts over it.
    keepFreedMemory();
    const builders = new Map<string, SymbolTableBuilder>();
    const drafts = loaded.map((table) => draftTable(table, builders));
    const symbols = new Map<string, SymbolTable>(
      [...builders].map(([name, builder]) => [name, builder.build()]),
    );
    const roles = options.syntheticKeys === false ? noRoles() : foldKeys(drafts, symbols);
    if (options.systemFields) addSystemTables(drafts, builders, symbols);
    const fields = buildFields(drafts, symbols, roles, options.tags ?? {}, options.numberFormats);
    const byName = new Map(fields.map((field) => [field.name, field]));
    const tables = drafts.map((draft, index) => encodeTable(draft, index, byName));
    return new DataModel(fields, tables);
  }

  /** The field called `name`; throws FIELD_NOT_FOUND when there is none. */
  field(name: string): Field {
    const field = this.fieldsByName.get(name);
    if (!field) throw new ModelError('FIELD_NOT_FOUND', `No field "${name}" in the data model`);
    return field;
  }

  /** The field called `name`, or undefined. */
  findField(name: string): Field | undefined {
    return this.fieldsByName.get(name);
  }

  /** The table called `name`; throws TABLE_NOT_FOUND when there is none. */
  table(name: string): Table {
    const table = this.tablesByName.get(name);
    if (!table) throw new ModelError('TABLE_NOT_FOUND', `No table "${name}" in the data model`);
    return table;
  }

  /** The table called `name`, or undefined. */
  findTable(name: string): Table | undefined {
    return this.tablesByName.get(name);
  }

  /** The tables that hold field `name`, in load order. */
  tablesOfField(name: string): Table[] {
    return this.field(name).tableIndexes.map((index) => this.tables[index]);
  }

  /** The tables directly linked to `table` and the key field of each link. */
  neighbours(table: Table): readonly Neighbour[] {
    return this.neighbourLists[table.index];
  }

  /** Every link of the association graph, once per pair of tables and key field. */
  get associations(): Association[] {
    const links: Association[] = [];
    for (const from of this.tables) {
      for (const { table: to, field } of this.neighbours(from)) {
        if (from.index < to.index) links.push({ from, to, field });
      }
    }
    return links;
  }

  /**
   * Key fields whose links close a loop between tables (a circular reference).
   * Selections still reach a fixpoint on such models, but Qlik would first
   * loosen one table of the loop, so answers there may differ from Qlik's.
   */
  get loopFields(): Field[] {
    return findLoopFields(this.tables, this.fields);
  }

  /** The tree of tables, linked by keys, that brings the named fields together. */
  joinTree(fieldNames: readonly string[]): JoinTree {
    const fields = fieldNames.map((name) => this.field(name));
    return findJoinTree(fields, this.tables, (table) => this.neighbours(table));
  }
}

function validateTables(loaded: readonly LoadedTable[]): void {
  const names = new Set<string>();
  for (const table of loaded) {
    if (names.has(table.name))
      throw new ModelError('DUPLICATE_TABLE', `Table "${table.name}" is loaded twice`);
    names.add(table.name);
    const fieldNames = new Set<string>();
    for (const column of table.columns) {
      if (fieldNames.has(column.name)) {
        throw new ModelError(
          'DUPLICATE_FIELD_IN_TABLE',
          `Table "${table.name}" has two fields "${column.name}"`,
        );
      }
      fieldNames.add(column.name);
      if (column.indexes.length < table.rowCount) {
        throw new ModelError(
          'INVALID_TABLE',
          `Column "${column.name}" of table "${table.name}" has ${column.indexes.length} indexes for ${table.rowCount} rows`,
        );
      }
    }
  }
}

function draftTable(table: LoadedTable, builders: Map<string, SymbolTableBuilder>): DraftTable {
  const columns = table.columns.map((column) => {
    let builder = builders.get(column.name);
    if (!builder) builders.set(column.name, (builder = new SymbolTableBuilder()));
    const size = column.values.length;
    const first = builder.size === 0;
    // A first column whose values are known distinct is the symbol table as it is.
    const adopted = first && column.distinct === true && builder.adopt(column.values);
    const remap = adopted ? undefined : builder.addAll(column.values);
    const codes =
      remap === undefined || (first && isIdentity(remap))
        ? checkedIndexes(column.indexes, table.rowCount, size)
        : remapIndexes(column.indexes, table.rowCount, remap);
    if (typeof codes === 'number') {
      const local = column.indexes[codes];
      throw new ModelError(
        'INVALID_TABLE',
        `Row ${codes} of "${table.name}"."${column.name}" points at value ${local} of ${size}`,
      );
    }
    return { name: column.name, codes };
  });
  return { name: table.name, rowCount: table.rowCount, columns, isSynthetic: false };
}

/** Whether every local value became the symbol of the same index (a field's first column, with no repeats). */
function isIdentity(remap: Int32Array): boolean {
  for (let i = 0; i < remap.length; i++) if (remap[i] !== i) return false;
  return true;
}

/**
 * The column's own indexes as symbol codes, when they already are (the
 * drafts only read them); or the first row pointing outside the dictionary.
 */
function checkedIndexes(indexes: Int32Array, rowCount: number, size: number): Int32Array | number {
  const codes = indexes.subarray(0, rowCount);
  // One pass for the extremes; only a bad column is searched for its first bad row.
  let low = 0;
  let high = -1;
  for (let r = 0; r < rowCount; r++) {
    const local = codes[r];
    if (local < low) low = local;
    else if (local > high) high = local;
  }
  if (low >= -1 && high < size) return codes;
  return codes.findIndex((local) => local < -1 || local >= size);
}

/** The column's indexes mapped to symbol codes; or the first row pointing outside the dictionary. */
function remapIndexes(
  indexes: Int32Array,
  rowCount: number,
  remap: Int32Array,
): Int32Array | number {
  const codes = new Int32Array(rowCount);
  const size = remap.length;
  for (let r = 0; r < rowCount; r++) {
    const local = indexes[r];
    if (local >= size || local < -1) return r;
    codes[r] = local < 0 ? -1 : remap[local];
  }
  return codes;
}

/** Which fields the model made into synthetic keys, and which it folded into them. */
interface KeyRoles {
  readonly keyParts: ReadonlySet<string>;
  readonly syntheticNames: ReadonlySet<string>;
}

function noRoles(): KeyRoles {
  return { keyParts: new Set(), syntheticNames: new Set() };
}

function foldKeys(drafts: DraftTable[], symbols: Map<string, SymbolTable>): KeyRoles {
  const folded = foldSyntheticKeys(drafts);
  for (const [name, table] of folded.symbols) symbols.set(name, table);
  return { keyParts: folded.keyParts, syntheticNames: new Set(folded.symbols.keys()) };
}

function addSystemTables(
  drafts: DraftTable[],
  builders: Map<string, SymbolTableBuilder>,
  symbols: Map<string, SymbolTable>,
): void {
  for (const system of systemTables(drafts)) {
    const draft = draftTable(system, builders);
    for (const column of system.columns)
      symbols.set(column.name, builders.get(column.name)!.build());
    drafts.push(draft);
  }
}

function buildFields(
  drafts: readonly DraftTable[],
  symbols: ReadonlyMap<string, SymbolTable>,
  roles: KeyRoles,
  extraTags: Readonly<Record<string, readonly FieldTag[]>>,
  numberFormats: Readonly<Record<string, FieldNumberFormat>> = {},
): Field[] {
  const holders = new Map<string, number[]>();
  drafts.forEach((draft, tableIndex) => {
    for (const column of draft.columns) {
      const list = holders.get(column.name);
      if (list) list.push(tableIndex);
      else holders.set(column.name, [tableIndex]);
    }
  });
  return [...holders].map(([name, tableIndexes], index) => {
    const fieldSymbols = symbols.get(name)!;
    const tags = deriveFieldTags(fieldSymbols, {
      name,
      isKey: tableIndexes.length > 1,
      isKeyPart: roles.keyParts.has(name),
      isSynthetic: roles.syntheticNames.has(name),
      extra: extraTags[name] ?? [],
    });
    const format = Object.hasOwn(numberFormats, name) ? numberFormats[name] : undefined;
    return new Field(index, name, fieldSymbols, tags, tableIndexes, format);
  });
}

function encodeTable(draft: DraftTable, index: number, fields: ReadonlyMap<string, Field>): Table {
  const columns = draft.columns.map((column) => {
    const field = fields.get(column.name)!;
    return new Column(field, narrowCodes(column.codes, draft.rowCount, field.cardinality));
  });
  return new Table(index, draft.name, draft.rowCount, columns, draft.isSynthetic);
}

/**
 * Symbol codes (-1 for null) in the narrowest array, null as `nullCode`, and
 * one null row more than the table has: the row outer joins point at.
 */
function narrowCodes(source: Int32Array, rowCount: number, nullCode: number): CodeArray {
  const codes = allocateCodeArray(nullCode, rowCount + 1);
  // The native copy narrows the codes; only nulls, if any, need a second look.
  codes.set(source.subarray(0, rowCount));
  for (let r = source.indexOf(-1); r >= 0 && r < rowCount; r = source.indexOf(-1, r + 1))
    codes[r] = nullCode;
  codes[rowCount] = nullCode;
  return codes;
}

function listNeighbours(table: Table, tables: readonly Table[]): Neighbour[] {
  const list: Neighbour[] = [];
  for (const field of table.keyFields) {
    for (const other of field.tableIndexes) {
      if (other !== table.index) list.push({ table: tables[other], field });
    }
  }
  return list;
}
