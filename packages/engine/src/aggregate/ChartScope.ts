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
  private readonly keyGroups = new Map<string, GroupIndex>();

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
      frame = Frame.join(tree, (table) => records.rows(table));
      this.frames.set(key, frame);
    }
    return frame;
  }

  /** The groups the fields `dims` form over `frame` (cached per frame). */
  groups(frame: Frame, dims: readonly string[]): GroupIndex {
    let byDims = this.groupings.get(frame);
    if (!byDims) this.groupings.set(frame, (byDims = new Map()));
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

  /**
   * The groups of a chart's dimensions over the current records. A lone
   * dimension on a field several tables hold (a key) lists every value any of
   * them has in its records, as Qlik's charts do, not only the values of the
   * one table the frame reads; the groups added have no frame rows.
   */
  dimensionGroups(dims: readonly string[]): GroupIndex {
    const base = this.groups(this.frame(undefined, dims), dims);
    const field = dims.length === 1 ? this.model.findField(dims[0]!) : undefined;
    if (!field || field.tableIndexes.length < 2 || this.calculated.has(field.name)) return base;
    const key = `key\u0000${field.name}`;
    let groups = this.keyGroups.get(key);
    if (!groups) {
      groups = base.withGroups([this.symbolsOnlyElsewhere(field, base.keys[0]!)]);
      this.keyGroups.set(key, groups);
    }
    return groups;
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

  /** Field `name` read through `frame`. */
  fieldIn(frame: Frame, name: string): FrameField {
    const calculated = this.calculated.get(name);
    if (calculated)
      return {
        field: calculated.field,
        codes: calculated.codes,
        rows: frame.rowsOf(calculated.table),
      };
    const field = this.field(name);
    const table = this.tableInFrame(frame, field);
    return { field, codes: table.column(name)!.codes, rows: frame.rowsOf(table) };
  }

  private tableInFrame(frame: Frame, field: Field): Table {
    for (const index of field.tableIndexes) {
      const table = this.model.tables[index]!;
      if (frame.has(table)) return table;
    }
    throw new AggregateError('NO_JOIN_PATH', `Field ${field.name} is not in this frame`);
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
