import type { ComputedHyperCube } from '../hypercube/ComputedHyperCube.js';
import { OTHER_KEY } from '../hypercube/otherGroups.js';
import type { NxCell } from '../hypercube/QixShapes.js';
import type { Field } from '../model/Field.js';
import type { SelectionState } from '../selection/SelectionState.js';
import { LocError } from '../errors/LocError.js';

/** A numeric range as the selection methods take it (`Range`): a missing bound is open, a missing flag inclusive. */
export interface NumericRange {
  readonly qMin?: number;
  readonly qMax?: number;
  readonly qMinInclEq?: boolean;
  readonly qMaxInclEq?: boolean;
}

/** One range on one measure (`NxRangeSelectInfo`). */
export interface MeasureRange {
  readonly qRange?: NumericRange;
  readonly qMeasureIx?: number;
}

/** Ranges and the dimension columns they select (`NxMultiRangeSelectInfo`). */
export interface MultiRange {
  readonly qRanges?: readonly MeasureRange[];
  readonly qColumnsToSelect?: readonly number[];
}

/** A hypercube as seen for a selection through it: its rows and the fields of its dimensions. */
export interface CubeSelectionTarget {
  readonly cube: ComputedHyperCube;
  readonly fields: readonly Field[];
  readonly state: SelectionState;
}

/** Options every range selection takes. */
export interface RangeOptions {
  /** At least one range (rather than all) must hold for a row to count. */
  readonly orMode?: boolean;
  /** Selecting the one value a field already has selected deselects it. */
  readonly deselectOnlyOneSelected?: boolean;
}

/**
 * SelectHyperCubeValues: dimension values by element number; -3, an Others
 * cell, stands for every value grouped into Others. Other negative numbers
 * (totals, nulls) select nothing.
 */
export function selectDimensionValues(
  target: CubeSelectionTarget,
  dimension: number,
  values: readonly number[],
  toggle: boolean,
): boolean {
  const field = target.fields[dimension];
  if (!field || field.index < 0)
    throw new LocError(
      'LOCERR_GENERIC_INVALID_PARAMETERS',
      `No field dimension ${dimension} to select in`,
      { parameter: 'qDimNo' },
    );
  const symbols = new Set<number>();
  for (const value of values) {
    if (value >= 0) symbols.add(value);
    else if (value === OTHER_KEY)
      for (const symbol of target.cube.otherSymbols(dimension)) symbols.add(symbol);
  }
  return target.state.select(field, [...symbols], toggle ? 'toggle' : 'replace');
}

/**
 * SelectHyperCubeCells: the dimension values of the given rows in the given
 * dimension columns, empty lists meaning all rows or all dimensions, in one
 * change. Measure columns select nothing.
 */
export function selectCells(
  target: CubeSelectionTarget,
  rows: readonly number[],
  columns: readonly number[],
): boolean {
  const dims = target.fields.length;
  const all = target.cube.rows();
  const wantedRows = rows.length > 0 ? rows : all.map((_, row) => row);
  const picks = new Map<number, Set<number>>();
  for (const column of columns.length > 0 ? columns : target.fields.map((_, d) => d)) {
    if (column < 0 || column >= dims) continue;
    for (const row of wantedRows)
      if (row >= 0 && row < all.length) addCell(picks, column, all[row]![column], target.cube);
  }
  return commitPicks(target, picks, {});
}

/** Whether `num` lies in a range: bounds included unless their flag is false. */
export function inRange(num: number, range: NumericRange): boolean {
  if (Number.isNaN(num)) return false;
  const low = range.qMin ?? -Infinity;
  const high = range.qMax ?? Infinity;
  const above = range.qMinInclEq === false ? num > low : num >= low;
  const below = range.qMaxInclEq === false ? num < high : num <= high;
  return above && below;
}

/**
 * RangeSelectHyperCubeValues: the rows whose measures lie in the ranges
 * (all of them, or any with qOrMode) select their values in the dimension
 * columns `columns` (all dimensions when empty), in one change.
 */
export function selectMeasureRanges(
  target: CubeSelectionTarget,
  ranges: readonly MeasureRange[],
  columns: readonly number[],
  options: RangeOptions = {},
): boolean {
  return selectMultiRanges(target, [{ qRanges: ranges, qColumnsToSelect: columns }], options);
}

/** MultiRangeSelectHyperCubeValues: the union of what each entry's ranges select in its columns. */
export function selectMultiRanges(
  target: CubeSelectionTarget,
  entries: readonly MultiRange[],
  options: RangeOptions = {},
): boolean {
  const dims = target.fields.length;
  const rows = target.cube.rows();
  const picks = new Map<number, Set<number>>();
  for (const entry of entries) {
    const ranges = entry.qRanges ?? [];
    if (ranges.length === 0) continue;
    const columns = chosenColumns(entry.qColumnsToSelect ?? [], dims);
    for (const row of rows) {
      const holds = (range: MeasureRange) =>
        inRange(numberOfCell(row[dims + (range.qMeasureIx ?? 0)]), range.qRange ?? {});
      if (!(options.orMode ? ranges.some(holds) : ranges.every(holds))) continue;
      for (const column of columns) addCell(picks, column, row[column], target.cube);
    }
  }
  return commitPicks(target, picks, options);
}

/**
 * SelectHyperCubeContinuousRange: in each range's dimension, the values of
 * the cube whose numbers lie in it (several ranges on one dimension add up).
 */
export function selectContinuousRanges(
  target: CubeSelectionTarget,
  ranges: readonly { readonly qRange?: NumericRange; readonly qDimIx?: number }[],
  softLock: boolean,
): boolean {
  const rows = target.cube.rows();
  const picks = new Map<number, Set<number>>();
  for (const { qRange = {}, qDimIx = 0 } of ranges) {
    if (qDimIx < 0 || qDimIx >= target.fields.length) continue;
    const field = target.fields[qDimIx]!;
    picks.set(qDimIx, picks.get(qDimIx) ?? new Set());
    for (const row of rows) {
      const symbol = row[qDimIx]?.qElemNumber ?? -1;
      if (symbol >= 0 && inRange(field.symbols.num(symbol), qRange)) picks.get(qDimIx)!.add(symbol);
    }
  }
  return commitPicks(target, picks, { softLock });
}

/**
 * SelectListObjectContinuousRange: the possible values of the list's field
 * whose numbers lie in any of the ranges; text values never do.
 */
export function selectListRanges(
  state: SelectionState,
  fieldName: string,
  ranges: readonly NumericRange[],
  softLock: boolean,
): boolean {
  const result = state.result();
  const field = result.model.findField(fieldName);
  if (!field)
    throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Field not found: ${fieldName}`, {
      parameter: fieldName,
    });
  const possible = result.possible(field);
  const symbols: number[] = [];
  for (let symbol = 0; symbol < field.cardinality; symbol++) {
    if (!possible.has(symbol)) continue;
    const num = field.symbols.num(symbol);
    if (ranges.some((range) => inRange(num, range))) symbols.push(symbol);
  }
  return selectIn(state, field, symbols, softLock);
}

function chosenColumns(columns: readonly number[], dims: number): number[] {
  const valid = columns.filter(
    (column) => Number.isInteger(column) && column >= 0 && column < dims,
  );
  return valid.length > 0 ? valid : Array.from({ length: dims }, (_, d) => d);
}

function numberOfCell(cell: NxCell | undefined): number {
  return typeof cell?.qNum === 'number' ? cell.qNum : NaN;
}

// A dimension cell's symbols: its own, or for an Others cell every value it stands for.
function addCell(
  picks: Map<number, Set<number>>,
  column: number,
  cell: NxCell | undefined,
  cube: ComputedHyperCube,
): void {
  const symbols = picks.get(column) ?? new Set<number>();
  picks.set(column, symbols);
  if (!cell) return;
  if (cell.qElemNumber >= 0) symbols.add(cell.qElemNumber);
  else if (cell.qElemNumber === OTHER_KEY)
    for (const symbol of cube.otherSymbols(column)) symbols.add(symbol);
}

function commitPicks(
  target: CubeSelectionTarget,
  picks: ReadonlyMap<number, ReadonlySet<number>>,
  options: RangeOptions & { readonly softLock?: boolean },
): boolean {
  const chosen = [...picks].filter(
    ([column, symbols]) => symbols.size > 0 && target.fields[column]!.index >= 0,
  );
  if (chosen.length === 0) return false;
  return target.state.batch((state) => {
    for (const [column, symbols] of chosen) {
      const field = target.fields[column]!;
      // A calculated dimension has no field to select in.
      if (field.index < 0) continue;
      const current = state.selection(field)?.values;
      if (
        options.deselectOnlyOneSelected &&
        current?.size === 1 &&
        symbols.size === 1 &&
        current.has([...symbols][0]!)
      ) {
        state.clearField(field);
        continue;
      }
      selectIn(state, field, [...symbols], options.softLock === true);
    }
  });
}

/** Replaces a field's selection; with `softLock` a locked field is selected too and stays locked. */
function selectIn(
  state: SelectionState,
  field: Field,
  symbols: readonly number[],
  softLock: boolean,
): boolean {
  if (!softLock || !state.selection(field)?.locked) return state.select(field, symbols);
  return state.batch((inner) => {
    inner.unlock(field);
    inner.select(field, symbols);
    inner.lock(field);
  });
}
