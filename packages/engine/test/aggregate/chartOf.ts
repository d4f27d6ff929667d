import type { HyperCubeOptions } from '../../src/hypercube/chartEvaluator.js';
import { computeHyperCube } from '../../src/hypercube/computeHyperCube.js';
import type { HyperCubeDef, NxCell } from '../../src/hypercube/QixShapes.js';
import type { DataModel } from '../../src/model/DataModel.js';
import type { FieldSelection } from '../../src/selection/FieldSelection.js';
import { matchLiterals } from '../../src/selection/matchLiterals.js';
import { SelectionResult } from '../../src/selection/SelectionResult.js';

/** A cell as tests compare it: the number when there is one, else the text, null for null. */
export type Plain = string | number | null;

/** The selection result of selecting the listed values (by text or number) per field. */
export function selectValues(
  model: DataModel,
  picks: Record<string, readonly (string | number)[]> = {},
): SelectionResult {
  const selections = new Map<number, FieldSelection>();
  for (const [name, values] of Object.entries(picks)) {
    const field = model.field(name);
    selections.set(field.index, { values: matchLiterals(field, values), locked: false });
  }
  return SelectionResult.fromSelections(model, selections);
}

/** Plain value of a cell. */
export function plain(cell: NxCell): Plain {
  if (cell.qIsNull) return null;
  return typeof cell.qNum === 'number' ? cell.qNum : (cell.qText ?? null);
}

/** Computes a straight table of `dims` x `measures` and returns its rows and totals as plain values. */
export function chartOf(
  model: DataModel,
  state: SelectionResult,
  dims: readonly string[],
  measures: readonly string[],
  extra: Partial<HyperCubeDef> = {},
  options: HyperCubeOptions = {},
) {
  const width = dims.length + measures.length;
  const cube = computeHyperCube(
    model,
    state,
    {
      qDimensions: dims.map((name) => ({ qDef: { qFieldDefs: [name] } })),
      qMeasures: measures.map((qDef) => ({ qDef: { qDef } })),
      qInitialDataFetch: [
        { qLeft: 0, qTop: 0, qWidth: width, qHeight: Math.floor(10_000 / Math.max(width, 1)) },
      ],
      ...extra,
    },
    options,
  );
  const rows = cube.layout.qDataPages[0]!.qMatrix.map((row) =>
    row.map((cell, c) => (c < dims.length ? (cell.qIsNull ? null : cell.qText!) : plain(cell))),
  );
  return { cube, rows, totals: cube.layout.qGrandTotalRow.map(plain) };
}

/** The single value of a measure in a chart with no dimensions. */
export function valueOf(
  model: DataModel,
  state: SelectionResult,
  measure: string,
  options: HyperCubeOptions = {},
): Plain {
  return chartOf(model, state, [], [measure], {}, options).rows[0]![0]!;
}
