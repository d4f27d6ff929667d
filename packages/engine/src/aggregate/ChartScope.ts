import type { SetExpression } from '../expression/Expr.js';
import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { JoinTree } from '../model/JoinTree.js';
import type { Table } from '../model/Table.js';
import { AggregateError } from './AggregateError.js';
import type { CalculatedField } from './CalculatedField.js';
import { Frame } from './Frame.js';
import { GroupIndex } from './GroupIndex.js';
import type { RecordSet, SetResolver } from './RecordSet.js';

/** A field as a frame sees it: its codes and the table row of each frame row. */
export interface FrameField {
  readonly field: Field;
  readonly codes: ArrayLike<number>;
  readonly rows: Int32Array;
}

/**
 * Everything one chart computation shares: the model, the record sets of the
 * set expressions it meets, and the frames and groupings built over them,
 * cached so that aggregations over the same tables and dimensions share one
 * join and one grouping pass.
 */
export class ChartScope {
  private readonly sets = new Map<string, RecordSet>();
  private readonly frames = new Map<string, Frame>();
  private readonly groupings = new Map<Frame, Map<string, GroupIndex>>();
  private readonly calculated = new Map<string, CalculatedField>();
  private readonly keyGroups = new WeakMap<GroupIndex, GroupIndex>();
  private readonly mergedKeys = new WeakMap<Frame, Map<string, FrameField>>();
  private readonly framesOfGroups = new WeakMap<GroupIndex, Frame>();

  constructor(
    readonly model: DataModel,
    private readonly resolveSet: SetResolver,
  ) {}

  /** Makes a calculated dimension usable by its name in frames and groups. */
  addCalculated(calculated: CalculatedField): void {
    this.calculated.set(calculated.field.name, calculated);
  }

  /** The field called `name` (a calculated one included); an AggregateError when there is none. */
  field(name: string): Field {
    const field = this.calculated.get(name)?.field ?? this.model.findField(name);
    if (!field) throw new AggregateError('UNKNOWN_FIELD', `Field not found: ${name}`);
    return field;
  }

  /** The frame joining the tables of `fieldNames` over the records of `set`. */
  frame(set: SetExpression | undefined, fieldNames: readonly string[]): Frame {
    const setKey = set ? JSON.stringify(set) : '$';
    const modelFields = fieldNames.flatMap((name) => this.calculated.get(name)?.sources ?? [name]);
    const tree = this.joinTree([...new Set(modelFields)]);
    const key = `${setKey}\u0000${tree.nodes.map((node) => node.table.index).join(',')}`;
    let frame = this.frames.get(key);
    if (!frame) {
      const records = this.records(set, setKey);
      frame = Frame.join(tree, (table) => records.rows(table), records.keyCodes?.bind(records));
      this.frames.set(key, frame);
    }
    return frame;
  }

  /** The groups the fields `dims` form over `frame` (cached per frame). */
  groups(frame: Frame, dims: readonly string[]): GroupIndex {
    const byDims = this.groupingsOf(frame);
    const key = dims.join('\u0000');
    let index = byDims.get(key);
    if (!index) {
      const columns = dims.map((name) => {
        const { field, codes, rows } = this.fieldIn(frame, name);
        return { symbols: codes, rows, cardinality: field.cardinality };
      });
      index = GroupIndex.build(columns, frame.length);
      byDims.set(key, index);
    }
    return index;
  }

  /** Gives `groups(frame, dims)` groups numbered elsewhere (the same ones, by another pass). */
  knowGroups(frame: Frame, dims: readonly string[], index: GroupIndex): void {
    this.groupingsOf(frame).set(dims.join('\u0000'), index);
  }

  private groupingsOf(frame: Frame): Map<string, GroupIndex> {
    let byDims = this.groupings.get(frame);
    if (!byDims) this.groupings.set(frame, (byDims = new Map()));
    return byDims;
  }

  /**
   * The groups of a chart's dimensions over the current records: the
   * combinations found in the outer join of the dimensions' tables with the
   * tables of `measureFields` (the fields its measures aggregate), so a
   * measure row no dimension value matches shows under a null dimension, as
   * in Qlik. A lone dimension on a field several tables hold (a key) also
   * lists every value any of them has, with no frame rows behind it.
   */
  dimensionGroups(dims: readonly string[], measureFields: readonly string[] = []): GroupIndex {
    const frame = this.chartFrame(dims, measureFields);
    const base = this.groups(frame, dims);
    this.framesOfGroups.set(base, frame);
    const field = dims.length === 1 ? this.model.findField(dims[0]!) : undefined;
    if (!field || field.tableIndexes.length < 2 || this.calculated.has(field.name)) return base;
    let groups = this.keyGroups.get(base);
    if (!groups) {
      groups = base.withGroups([this.symbolsOnlyElsewhere(field, base.keys[0]!)]);
      this.keyGroups.set(base, groups);
    }
    return groups;
  }

  /**
   * The values of dimension `d` of chart groups `index` (from
   * `dimensionGroups`) that occur in the current records, read off the
   * groups' keys: undefined unless the groups span exactly those records —
   * one table's current rows, a field of that table only.
   */
  currentValues(index: GroupIndex, d: number, field: Field): Uint8Array | undefined {
    const frame = this.framesOfGroups.get(index);
    if (!frame || frame.tableCount !== 1 || this.calculated.has(field.name)) return undefined;
    if (field.index < 0 || field.tableIndexes.length !== 1) return undefined;
    const table = this.model.tables[field.tableIndexes[0]!]!;
    if (!frame.has(table) || frame.rowsOf(table) !== this.records(undefined, '$').rows(table))
      return undefined;
    return markedSymbols(index.keys[d]!, field.cardinality);
  }

  /**
   * Whether `frame` holds each current row of the one table holding field
   * `name` exactly once, so that an aggregation of the field over the frame
   * equals one over that table alone (a chart's grand total).
   */
  holdsFieldRowsOnce(frame: Frame, name: string): boolean {
    if (this.calculated.has(name)) return false;
    const field = this.field(name);
    if (field.tableIndexes.length === 1) {
      const table = this.model.tables[field.tableIndexes[0]!]!;
      return frame.has(table) && frame.holdsEachRowOnce(table);
    }
    // A key: its own frame is the one table the join tree roots at; the frame must read it there.
    const own = this.joinTree([name]);
    if (own.nodes.length !== 1 || !frame.has(own.root) || !frame.holdsEachRowOnce(own.root))
      return false;
    const read = this.fieldIn(frame, name);
    return read.codes === own.root.column(name)!.codes && read.rows === frame.rowsOf(own.root);
  }

  // The dimensions' tables joined with those of the measure fields, when they associate at all.
  private chartFrame(dims: readonly string[], measureFields: readonly string[]): Frame {
    if (measureFields.length > 0) {
      try {
        return this.frame(undefined, [...new Set([...dims, ...measureFields])]);
      } catch (error) {
        if (!(error instanceof AggregateError)) throw error;
      }
    }
    return this.frame(undefined, dims);
  }

  // The symbols of `field` in the current records of any of its tables and not in `listed`.
  private symbolsOnlyElsewhere(field: Field, listed: Int32Array): Int32Array {
    const seen = new Uint8Array(field.cardinality + 1);
    for (const symbol of listed) if (symbol >= 0) seen[symbol] = 1;
    const records = this.records(undefined, '$');
    const missing: number[] = [];
    for (const index of field.tableIndexes) {
      const table = this.model.tables[index]!;
      const codes = table.column(field.name)!.codes;
      for (const row of records.rows(table)) {
        const symbol = codes[row]!;
        if (symbol < field.cardinality && seen[symbol] === 0) {
          seen[symbol] = 1;
          missing.push(symbol);
        }
      }
    }
    return Int32Array.from(missing);
  }

  /**
   * Field `name` read through `frame`. A key joins its tables naturally: on
   * a row where the first table holding it has only its null row (an outer
   * join's unmatched row), the key's value comes from the other tables.
   */
  fieldIn(frame: Frame, name: string): FrameField {
    const calculated = this.calculated.get(name);
    if (calculated)
      return {
        field: calculated.field,
        codes: calculated.codes,
        rows: frame.rowsOf(calculated.table),
      };
    const field = this.field(name);
    const tables = this.tablesInFrame(frame, field);
    const first = tables[0]!;
    if (tables.length < 2 || !frame.hasNullRows(first)) {
      // A dimension table's field over a fact table's frame: its codes on the fact rows.
      const onFacts = frame.factCodes(first, name);
      if (onFacts) return { field, codes: onFacts.codes, rows: frame.rowsOf(onFacts.facts) };
      return { field, codes: first.column(name)!.codes, rows: frame.rowsOf(first) };
    }
    let merged = this.mergedKeys.get(frame)?.get(name);
    if (!merged) {
      merged = mergedKey(frame, field, tables);
      let byName = this.mergedKeys.get(frame);
      if (!byName) this.mergedKeys.set(frame, (byName = new Map()));
      byName.set(name, merged);
    }
    return merged;
  }

  private tablesInFrame(frame: Frame, field: Field): Table[] {
    const tables = field.tableIndexes
      .map((index) => this.model.tables[index]!)
      .filter((table) => frame.has(table));
    if (tables.length === 0)
      throw new AggregateError('NO_JOIN_PATH', `Field ${field.name} is not in this frame`);
    return tables;
  }

  private records(set: SetExpression | undefined, setKey: string): RecordSet {
    let records = this.sets.get(setKey);
    if (!records) {
      records = this.resolveSet(set);
      this.sets.set(setKey, records);
    }
    return records;
  }

  // With no field at all (Count(*) without dimensions) the first table counts.
  private joinTree(names: readonly string[]): JoinTree {
    if (names.length === 0) {
      const root = this.model.tables[0];
      if (!root) throw new AggregateError('NO_JOIN_PATH', 'The data model has no table');
      return { root, nodes: [{ table: root, parent: undefined, via: undefined }] };
    }
    names.forEach((name) => this.field(name));
    try {
      return this.model.joinTree(names);
    } catch (error) {
      if (error instanceof AggregateError) throw error;
      throw new AggregateError('NO_JOIN_PATH', `Fields ${names.join(', ')} are not associated`, {
        cause: error,
      });
    }
  }
}

// A key's code on every frame row, taken from the first of `tables` that has
// a row there; read through identity rows (the last code is the null row's).
function mergedKey(frame: Frame, field: Field, tables: readonly Table[]): FrameField {
  const nullCode = field.cardinality;
  const sources = tables.map((table) => ({
    codes: table.column(field.name)!.codes,
    rows: frame.rowsOf(table),
  }));
  const codes = new Int32Array(frame.length + 1).fill(nullCode);
  for (let i = 0; i < frame.length; i++) {
    for (const source of sources) {
      const code = source.codes[source.rows[i]!]!;
      if (code !== nullCode) {
        codes[i] = code;
        break;
      }
    }
  }
  const rows = new Int32Array(frame.length);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  return { field, codes, rows };
}

/**
 * Per symbol of a field of `cardinality` symbols (and a slot for null), 1
 * where `keys` names it. Typed arrays and numbers only: a loop reading a
 * short-lived object lost its machine code at every full collection.
 */
function markedSymbols(keys: Int32Array, cardinality: number): Uint8Array {
  const mask = new Uint8Array(cardinality + 1);
  // A small field under many groups has every symbol marked long before the last key.
  for (let g = 0, marked = 0; g < keys.length && marked < cardinality; g++) {
    const symbol = keys[g]!;
    if (symbol >= 0 && mask[symbol] === 0) {
      mask[symbol] = 1;
      marked++;
    }
  }
  return mask;
}
