import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import { CellGrid, layoutBytes } from './ComputedHyperCube.js';
import { dimensionInfo, stateLetters, stateRanks } from './columnInfo.js';
import { RowOrder } from './RowOrder.js';
import { HyperCubeError } from './HyperCubeError.js';
import type { ListObject, ListObjectDef, NxDataPage, NxPage, StateEnumType } from './QixShapes.js';
import { dimensionComparator } from './sortGroups.js';

/** A list object after computation: its layout and the sorted values behind it. */
export class ComputedListObject {
  constructor(
    /** The `qListObject` layout, with the initial data pages. */
    readonly layout: ListObject,
    private readonly grid: CellGrid,
  ) {}

  /** About how many bytes the list holds, for a cache's budget. */
  estimatedBytes(): number {
    return this.grid.estimatedBytes() + layoutBytes(this.layout);
  }

  /** Pages of cells, as GetListObjectData answers. */
  getListObjectData(pages: readonly Partial<NxPage>[]): NxDataPage[] {
    return this.grid.pages(pages);
  }
}

/**
 * Computes a `qListObjectDef` into its `qListObject` layout: every value of
 * the field with its state, sorted by the definition's criteria.
 */
export function computeListObject(
  model: DataModel,
  state: SelectionResult,
  def: ListObjectDef,
  options: { readonly format?: FormatSettings; readonly display?: SelectionResult } = {},
): ComputedListObject {
  const field = listField(model, def);
  // The states shown may differ from those the order comes from (a list in modal selection keeps its order).
  const display = options.display ?? state;
  const states = shownStates(stateLetters(display, field), def.qShowAlternatives ?? true);
  const symbols = Int32Array.from({ length: field.cardinality }, (_, s) => s);
  const criteria = def.qDef?.qSortCriterias?.[0] ?? { qSortByState: 1, qSortByLoadOrder: 1 };
  const compare = dimensionComparator(
    {
      keys: symbols,
      nums: field.symbols.nums,
      texts: field.symbols.texts,
      stateRank: stateRanks(state, field),
      frequency: frequencies(model, state, field),
    },
    criteria,
  );
  const order = Array.from(symbols).sort((a, b) => compare(a, b) || a - b);
  const keys = Int32Array.from(order);
  const column = { field, keys, stateOf: (symbol: number) => states[symbol]! };
  const grid = new CellGrid(
    [column],
    [],
    RowOrder.of(identity(order.length)),
    options.format ?? DEFAULT_FORMAT_SETTINGS,
  );
  const layout: ListObject = {
    qStateName: def.qStateName ?? '$',
    qSize: { qcx: 1, qcy: order.length },
    qDimensionInfo: dimensionInfo(
      field,
      { qDef: def.qDef },
      keys,
      display,
      options.format ?? DEFAULT_FORMAT_SETTINGS,
    ),
    qExpressions: [],
    qDataPages: grid.pages(def.qInitialDataFetch ?? []),
  };
  return new ComputedListObject(layout, grid);
}

function listField(model: DataModel, def: ListObjectDef): Field {
  const raw = def.qDef?.qFieldDefs?.[0];
  const name = raw?.trim().replace(/^\[(.*)\]$/, '$1');
  const field = name ? model.findField(name) : undefined;
  if (!field)
    throw new HyperCubeError(
      'LOCERR_CALC_INVALID_DEF',
      `List object field not found: ${raw ?? '(none)'}`,
    );
  return field;
}

// Without qShowAlternatives, alternative values show as excluded.
function shownStates(states: StateEnumType[], showAlternatives: boolean): StateEnumType[] {
  return showAlternatives ? states : states.map((letter) => (letter === 'A' ? 'X' : letter));
}

function frequencies(model: DataModel, state: SelectionResult, field: Field): Float64Array {
  const counts = new Float64Array(field.cardinality + 1);
  for (const t of field.tableIndexes) {
    const table = model.tables[t]!;
    const codes = table.column(field.name)!.codes;
    state.rows(table).forEach((row) => counts[codes[row]!]!++);
  }
  return counts;
}

function identity(length: number): Int32Array {
  const rows = new Int32Array(length);
  for (let i = 0; i < length; i++) rows[i] = i;
  return rows;
}
