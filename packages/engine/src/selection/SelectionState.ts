import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { FieldSelection, Selections } from './FieldSelection.js';
import { SelectionError } from './SelectionError.js';
import { matchValues } from './matchValues.js';
import { type ExpressionMatcher, searchSymbols } from './searchSymbols.js';
import { SelectionHistory } from './SelectionHistory.js';
import { withField } from './sharedSelections.js';
import { SelectionResult } from './SelectionResult.js';
import { fromSnapshot, type SelectionSnapshot, toSnapshot } from './SelectionSnapshot.js';
import { SymbolSet } from './SymbolSet.js';
import { StateCode } from './ValueState.js';

/** How a new set of values combines with a field's current selection. */
export type SelectMode = 'replace' | 'add' | 'remove' | 'toggle';

/** Options for a `SelectionState`. */
export interface SelectionStateOptions {
  /** How many steps back the history keeps (default 100). */
  readonly historyLimit?: number;
}

/**
 * The selections of one state (`$` or an alternate state): per field the
 * selected values and the lock. Every change is recorded for back/forward and
 * invalidates the cached `result()`. Methods return false when they change
 * nothing (e.g. a locked field), as the QIX calls do.
 */
export class SelectionState {
  private current: Map<number, FieldSelection> = new Map();
  private cached: SelectionResult | undefined;
  private readonly history: SelectionHistory<Map<number, FieldSelection>>;
  private changes = 0;
  private batchDepth = 0;
  /** Fields that must always hold exactly one selected value (Qlik's qOneAndOnlyOne). */
  private readonly oneAndOnlyOne = new Set<number>();

  constructor(
    readonly model: DataModel,
    readonly name = '$',
    options: SelectionStateOptions = {},
  ) {
    this.history = new SelectionHistory(options.historyLimit ?? 100);
  }

  /** Increases with every change; lets callers tell whether a cached answer is stale. */
  get version(): number {
    return this.changes;
  }

  /** The current selections by field index. */
  get selections(): Selections {
    return this.current;
  }

  /** The selection in a field, if any. */
  selection(field: Field | string): FieldSelection | undefined {
    return this.current.get(this.resolve(field).index);
  }

  /** Possible rows and value states under the current selections, computed once per change. */
  result(): SelectionResult {
    this.cached ??= SelectionResult.fromSelections(this.model, this.current);
    return this.cached;
  }

  /** Selects values of a field by symbol index. */
  select(field: Field | string, indexes: Iterable<number>, mode: SelectMode = 'replace'): boolean {
    const resolved = this.resolve(field);
    return this.selectSet(resolved, SymbolSet.of(resolved.cardinality, indexes), mode);
  }

  /** Selects values of a field by text (exact) or number. */
  selectValues(
    field: Field | string,
    values: readonly (string | number)[],
    mode: SelectMode = 'replace',
  ): boolean {
    const resolved = this.resolve(field);
    return this.selectSet(resolved, matchValues(resolved, values), mode);
  }

  /** Flips the selection of the given values. */
  toggle(field: Field | string, indexes: Iterable<number>): boolean {
    return this.select(field, indexes, 'toggle');
  }

  /** Selects the values a Qlik search string finds (see `searchSymbols`). */
  search(
    field: Field | string,
    search: string,
    options: { readonly mode?: SelectMode; readonly evaluate?: ExpressionMatcher } = {},
  ): boolean {
    const resolved = this.resolve(field);
    return this.selectSet(
      resolved,
      searchSymbols(resolved, search, options.evaluate),
      options.mode ?? 'replace',
    );
  }

  /** Selects a symbol set in a field, combined with its current selection by `mode`. */
  selectSet(field: Field | string, values: SymbolSet, mode: SelectMode = 'replace'): boolean {
    const resolved = this.resolve(field);
    if (values.cardinality !== resolved.cardinality) {
      throw new SelectionError(
        'INVALID_SYMBOL',
        `A set over ${values.cardinality} symbols cannot select in "${resolved.name}" (${resolved.cardinality} values)`,
      );
    }
    const existing = this.current.get(resolved.index);
    if (existing?.locked) return false;
    if (this.oneAndOnlyOne.has(resolved.index)) return this.selectOnlyOne(resolved, values, mode);
    const next = combine(existing?.values, values, mode);
    if (next.isEmpty && mode === 'replace') return false;
    return this.commitField(resolved, next.isEmpty ? undefined : { values: next, locked: false });
  }

  /** Selects every value of a field. */
  selectAll(field: Field | string): boolean {
    const resolved = this.resolve(field);
    return this.selectSet(resolved, SymbolSet.all(resolved.cardinality));
  }

  /** Selects the possible values of a field (optional and selected ones). */
  selectPossible(field: Field | string): boolean {
    return this.selectStates(field, [StateCode.O, StateCode.S]);
  }

  /** Selects the alternative values of a field. */
  selectAlternative(field: Field | string): boolean {
    return this.selectStates(field, [StateCode.A]);
  }

  /** Selects the values that are neither selected nor possible (alternative and excluded). */
  selectExcluded(field: Field | string): boolean {
    return this.selectStates(field, [StateCode.A, StateCode.X]);
  }

  /** Clears a field's selection unless it is locked. */
  clearField(field: Field | string): boolean {
    const resolved = this.resolve(field);
    const existing = this.current.get(resolved.index);
    if (!existing || existing.locked || this.oneAndOnlyOne.has(resolved.index)) return false;
    return this.commitField(resolved, undefined);
  }

  /** Clears every field's selection; locked fields keep theirs unless `includeLocked`. */
  clearAll(includeLocked = false): boolean {
    const next = new Map<number, FieldSelection>();
    for (const [index, selection] of this.current) {
      if (this.keepsOnClear(index, selection, includeLocked)) next.set(index, selection);
    }
    return this.commit(next);
  }

  /** Clears every field but `field` (Qlik's ClearAllButThis); locked fields keep theirs unless `includeLocked`. */
  clearOthers(field: Field | string, includeLocked = false): boolean {
    const keep = this.resolve(field).index;
    const next = new Map<number, FieldSelection>();
    for (const [index, selection] of this.current) {
      if (index === keep || this.keepsOnClear(index, selection, includeLocked))
        next.set(index, selection);
    }
    return this.commit(next);
  }

  /**
   * Makes a field hold exactly one selected value from now on, or lifts that
   * rule. Turning it on keeps the lowest selected value, or selects the first
   * possible one when the field has no selection.
   */
  setOneAndOnlyOne(field: Field | string, on: boolean): boolean {
    const resolved = this.resolve(field);
    if (!on) return this.oneAndOnlyOne.delete(resolved.index);
    if (this.oneAndOnlyOne.has(resolved.index)) return false;
    const existing = this.current.get(resolved.index)?.values;
    const candidates = existing ?? this.result().possible(resolved);
    const first = candidates.indexes()[0];
    if (first === undefined) return false;
    this.oneAndOnlyOne.add(resolved.index);
    const locked = this.current.get(resolved.index)?.locked ?? false;
    this.commitField(resolved, { values: SymbolSet.of(resolved.cardinality, [first]), locked });
    return true;
  }

  /** Whether a field must always hold exactly one selected value. */
  isOneAndOnlyOne(field: Field | string): boolean {
    return this.oneAndOnlyOne.has(this.resolve(field).index);
  }

  /** Runs several changes as one step of history; true when they changed anything. */
  batch(run: (state: this) => void): boolean {
    const before = this.current;
    this.batchDepth++;
    try {
      run(this);
    } finally {
      this.batchDepth--;
    }
    if (sameSelections(before, this.current)) return false;
    if (this.batchDepth === 0) this.history.record(before);
    return true;
  }

  /** Locks a field's selection so nothing changes it; a field with no selection cannot be locked. */
  lock(field: Field | string): boolean {
    return this.setLock(this.resolve(field), true);
  }

  /** Unlocks a field. */
  unlock(field: Field | string): boolean {
    return this.setLock(this.resolve(field), false);
  }

  /** Locks every field that has a selection. */
  lockAll(): boolean {
    return this.commit(mapLocks(this.current, true));
  }

  /** Unlocks every field. */
  unlockAll(): boolean {
    return this.commit(mapLocks(this.current, false));
  }

  /** Goes back to the selections before the last change. */
  back(): boolean {
    const previous = this.history.back(this.current);
    if (!previous) return false;
    this.travelTo(previous);
    return true;
  }

  /** Re-applies a change undone by `back`. */
  forward(): boolean {
    const next = this.history.forward(this.current);
    if (!next) return false;
    this.travelTo(next);
    return true;
  }

  /** Number of steps `back` can take. */
  get backCount(): number {
    return this.history.backCount;
  }

  /** Number of steps `forward` can take. */
  get forwardCount(): number {
    return this.history.forwardCount;
  }

  /** The current selections as JSON-safe data. */
  snapshot(): SelectionSnapshot {
    return toSnapshot(this.model, this.current);
  }

  /** Replaces the selections with a snapshot's (a recorded, undoable change). */
  restore(snapshot: SelectionSnapshot): boolean {
    return this.commit(fromSnapshot(this.model, snapshot));
  }

  /** In a one-and-only-one field a selection replaces the value with the first one offered; it cannot empty the field. */
  private selectOnlyOne(field: Field, values: SymbolSet, mode: SelectMode): boolean {
    const first = values.indexes()[0];
    if (mode === 'remove' || first === undefined) return false;
    return this.commitField(field, {
      values: SymbolSet.of(field.cardinality, [first]),
      locked: false,
    });
  }

  private keepsOnClear(index: number, selection: FieldSelection, includeLocked: boolean): boolean {
    return (selection.locked && !includeLocked) || this.oneAndOnlyOne.has(index);
  }

  private selectStates(field: Field | string, states: readonly number[]): boolean {
    const resolved = this.resolve(field);
    const codes = this.result().stateCodes(resolved);
    const wanted = SymbolSet.where(resolved.cardinality, (i) => states.includes(codes[i]));
    return this.selectSet(resolved, wanted);
  }

  private setLock(field: Field, locked: boolean): boolean {
    const existing = this.current.get(field.index);
    if (!existing || existing.locked === locked) return false;
    return this.commitField(field, { values: existing.values, locked });
  }

  private commitField(field: Field, selection: FieldSelection | undefined): boolean {
    return this.commit(withField(this.model, this.current, field.index, selection));
  }

  private commit(next: Map<number, FieldSelection>): boolean {
    if (sameSelections(this.current, next)) return false;
    if (this.batchDepth === 0) this.history.record(this.current);
    this.replace(next);
    return true;
  }

  /** Restores a step of history; a one-and-only-one rule the step cannot satisfy is lifted. */
  private travelTo(step: Map<number, FieldSelection>): void {
    for (const index of this.oneAndOnlyOne) {
      if (step.get(index)?.values.size !== 1) this.oneAndOnlyOne.delete(index);
    }
    this.replace(step);
  }

  private replace(next: Map<number, FieldSelection>): void {
    this.current = next;
    this.cached = undefined;
    this.changes++;
  }

  private resolve(field: Field | string): Field {
    return typeof field === 'string' ? this.model.field(field) : field;
  }
}

function combine(existing: SymbolSet | undefined, values: SymbolSet, mode: SelectMode): SymbolSet {
  if (!existing || mode === 'replace')
    return mode === 'remove' ? SymbolSet.empty(values.cardinality) : values;
  switch (mode) {
    case 'add':
      return existing.union(values);
    case 'remove':
      return existing.difference(values);
    case 'toggle':
      return existing.symmetricDifference(values);
  }
}

function mapLocks(
  current: ReadonlyMap<number, FieldSelection>,
  locked: boolean,
): Map<number, FieldSelection> {
  return new Map(
    [...current].map(([index, selection]) => [index, { values: selection.values, locked }]),
  );
}

function sameSelections(
  a: ReadonlyMap<number, FieldSelection>,
  b: ReadonlyMap<number, FieldSelection>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [index, selection] of a) {
    const other = b.get(index);
    if (!other || other.locked !== selection.locked) return false;
    if (other.values !== selection.values && !other.values.equals(selection.values)) return false;
  }
  return true;
}
