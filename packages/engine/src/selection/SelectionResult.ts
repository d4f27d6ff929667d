import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { Table } from '../model/Table.js';
import type { FieldSelection, Selections } from './FieldSelection.js';
import { type KeyCodes, type Propagated, presentCodes, propagate } from './propagate.js';
import type { RowSet } from './RowSet.js';
import { countStates, type StateCounts } from './StateCounts.js';
import { SymbolSet } from './SymbolSet.js';
import { StateCode, stateOfCode, type ValueState } from './ValueState.js';
import { combineSets } from './combineSets.js';

/** Which set operator combines two results row by row. */
export type RowSetOperator = '+' | '*' | '-' | '/';

/**
 * The associative outcome of a set of selections (or of a set expression):
 * the possible rows of every table, and per field the possible values and the
 * state of each value. Field-level answers are computed on first use and kept.
 */
export class SelectionResult {
  private readonly possibleCache = new Map<number, SymbolSet>();
  private readonly stateCache = new Map<number, Uint8Array>();

  private constructor(
    readonly model: DataModel,
    /** The selections this result stems from; empty for combined sets. */
    readonly selections: Selections,
    private readonly tableRows: readonly RowSet[],
    private readonly propagated?: Propagated,
  ) {}

  /** Propagates `selections` through the model. */
  static fromSelections(model: DataModel, selections: Selections): SelectionResult {
    const propagated = propagate(model, selections);
    return new SelectionResult(model, selections, propagated.rows, propagated);
  }

  /**
   * The codes of key `field` in the possible rows of `table`, when the
   * propagation found them on its way (undefined otherwise: read the rows).
   */
  keyCodes(table: Table, field: string): KeyCodes | undefined {
    const resolved = this.model.findField(field);
    return resolved && this.propagated?.keyCodes(table.index, resolved.index);
  }

  /** Wraps row sets computed elsewhere (e.g. by combining sets); no field has a selection. */
  static fromRows(model: DataModel, rows: readonly RowSet[]): SelectionResult {
    return new SelectionResult(model, new Map(), rows);
  }

  /** The possible rows of a table (by object, name or index). */
  rows(table: Table | string | number): RowSet {
    return this.tableRows[this.tableIndex(table)];
  }

  /** The possible rows of every table, in `model.tables` order. */
  get allRows(): readonly RowSet[] {
    return this.tableRows;
  }

  /** The selection in a field, if any. */
  selection(field: Field | string): FieldSelection | undefined {
    return this.selections.get(this.resolve(field).index);
  }

  /** Values of a field that occur in the possible rows of any table holding it. */
  possible(field: Field | string): SymbolSet {
    const resolved = this.resolve(field);
    let set = this.possibleCache.get(resolved.index);
    if (!set) {
      set = this.computePossible(resolved);
      this.possibleCache.set(resolved.index, set);
    }
    return set;
  }

  /**
   * Takes the possible values of a field from a caller that has already read
   * them off the possible rows of every table holding it (a chart grouping
   * those rows): `mask` has a 1 per symbol present (length cardinality + 1).
   */
  notePossible(field: Field, mask: Uint8Array): void {
    if (!this.possibleCache.has(field.index) && mask.length === field.cardinality + 1)
      this.possibleCache.set(field.index, SymbolSet.fromMask(mask));
  }

  /** Per value of a field, its state as a `StateCode` byte. Do not write to it. */
  stateCodes(field: Field | string): Uint8Array {
    const resolved = this.resolve(field);
    let states = this.stateCache.get(resolved.index);
    if (!states) {
      states = this.computeStates(resolved);
      this.stateCache.set(resolved.index, states);
    }
    return states;
  }

  /** The state of one value of a field. */
  state(field: Field | string, index: number): ValueState {
    return stateOfCode(this.stateCodes(field)[index]);
  }

  /** How many values of a field are in each state. */
  stateCounts(field: Field | string): StateCounts {
    return countStates(this.stateCodes(field));
  }

  /** Combines two results table by table with a set operator (+ union, * intersection, - exclusion, / symmetric difference). */
  combine(other: SelectionResult, operator: RowSetOperator): SelectionResult {
    const rows = this.tableRows.map((mine, t) => combineSets(mine, other.tableRows[t], operator));
    return SelectionResult.fromRows(this.model, rows);
  }

  private computePossible(field: Field): SymbolSet {
    const mask = new Uint8Array(field.cardinality + 1);
    for (const t of field.tableIndexes) {
      const column = this.model.tables[t].column(field.name)!;
      const present = presentCodes(this.tableRows[t], column.codes, column.nullCode);
      for (let i = 0; i < mask.length; i++) mask[i] |= present[i];
    }
    return SymbolSet.fromMask(mask);
  }

  private computeStates(field: Field): Uint8Array {
    const possible = this.possible(field).mask;
    const states = new Uint8Array(field.cardinality);
    const selection = this.selections.get(field.index);
    if (!selection) {
      for (let i = 0; i < states.length; i++) states[i] = possible[i] ? StateCode.O : StateCode.X;
      return states;
    }
    const alternative = this.possibleWithout(field).mask;
    const selected = selection.values.mask;
    const kept = selection.locked ? StateCode.L : StateCode.S;
    const lost = selection.locked ? StateCode.XL : StateCode.XS;
    for (let i = 0; i < states.length; i++) {
      if (selected[i]) states[i] = possible[i] ? kept : lost;
      else states[i] = alternative[i] ? StateCode.A : StateCode.X;
    }
    return states;
  }

  /** The values of `field` that would be possible if its own selection were cleared. */
  private possibleWithout(field: Field): SymbolSet {
    const others = new Map(this.selections);
    others.delete(field.index);
    if (others.size === 0) return unselectedPossible(this.model, field);
    return SelectionResult.fromSelections(this.model, others).possible(field);
  }

  private resolve(field: Field | string): Field {
    return typeof field === 'string' ? this.model.field(field) : field;
  }

  private tableIndex(table: Table | string | number): number {
    if (typeof table === 'number') return table;
    return typeof table === 'string' ? this.model.table(table).index : table.index;
  }
}

const unselectedCache = new WeakMap<DataModel, Map<number, SymbolSet>>();

/** The values of a field that occur in any row: what is possible with no selection, computed once per model. */
function unselectedPossible(model: DataModel, field: Field): SymbolSet {
  let perField = unselectedCache.get(model);
  if (!perField) unselectedCache.set(model, (perField = new Map()));
  let set = perField.get(field.index);
  if (!set) {
    set = SelectionResult.fromSelections(model, new Map()).possible(field);
    perField.set(field.index, set);
  }
  return set;
}
