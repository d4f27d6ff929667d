import { parseExpression } from '../expression/parseExpression.js';
import { ExpressionError } from '../expression/ExpressionError.js';
import { chartEvaluator, chartTarget, computeHyperCube } from '../hypercube/computeHyperCube.js';
import type { ComputedHyperCube } from '../hypercube/ComputedHyperCube.js';
import { computeListObject, type ComputedListObject } from '../hypercube/computeListObject.js';
import type { HyperCubeDef, ListObjectDef, NxDataPage, NxPage } from '../hypercube/QixShapes.js';
import type { DataModel } from '../model/DataModel.js';
import type { SelectionSnapshot } from '../selection/SelectionSnapshot.js';
import { fromSnapshot } from '../selection/SelectionSnapshot.js';
import type { SelectionState } from '../selection/SelectionState.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { EngineError, LocErr } from '../server/protocol/EngineError.js';
import { formatSettingsOf } from './formatSettingsOf.js';
import { pivotPages, stackPages } from './pivotPages.js';
import { checkScript } from './checkScript.js';

type Json = Record<string, unknown>;

/**
 * Chart computations for one session over one version of its selections:
 * hypercubes, list objects and expressions, cached by definition until the
 * selections change (DocData then makes a new one).
 */
export class ChartCompute {
  private readonly cubes = new Map<string, ComputedHyperCube>();
  private readonly lists = new Map<string, ComputedListObject>();
  private readonly settings: FormatSettings;

  constructor(
    private readonly model: DataModel,
    private readonly state: (name: string) => SelectionState,
    private readonly bookmark: (id: string) => SelectionSnapshot | undefined,
    scriptVariables: Readonly<Record<string, string>>,
    private readonly variable: (name: string) => string | undefined,
  ) {
    this.settings = formatSettingsOf(scriptVariables, DEFAULT_FORMAT_SETTINGS);
  }

  /** The `qHyperCube` layout of a definition. */
  hyperCube(def: Json, stateName: string): Json {
    return this.cube(def, stateName).layout as unknown as Json;
  }

  /** Pages of a hypercube (GetHyperCubeData). */
  hyperCubeData(def: Json, stateName: string, pages: readonly Json[]): NxDataPage[] {
    return this.guard(() => this.cube(def, stateName).getHyperCubeData(pages as unknown as NxPage[]));
  }

  /** Pivot pages of a hypercube (GetHyperCubePivotData): dimensions on the left, measures on top. */
  pivotData(def: Json, stateName: string, pages: readonly Json[]): Json[] {
    const cube = this.cube(def, stateName);
    return pivotPages(cube, pages as unknown as NxPage[]);
  }

  /** Stacked pages of a hypercube (GetHyperCubeStackData). */
  stackData(def: Json, stateName: string, pages: readonly Json[], maxCells: number): Json[] {
    return stackPages(this.cube(def, stateName), pages as unknown as NxPage[], maxCells);
  }

  /** The `qListObject` layout of a definition. */
  listObject(def: Json, stateName: string): Json {
    return this.list(def, stateName).layout as unknown as Json;
  }

  /** Pages of a list object (GetListObjectData). */
  listObjectData(def: Json, stateName: string, pages: readonly Json[]): NxDataPage[] {
    return this.guard(() => this.list(def, stateName).getListObjectData(pages as unknown as NxPage[]));
  }

  /** The field behind a hypercube dimension. */
  dimensionField(def: Json, dimNo: number): string {
    const dims = ((def as HyperCubeDef).qDimensions ?? []) as Json[];
    const dim = dims[dimNo];
    if (!dim) throw new EngineError(LocErr.GENERIC_INVALID_PARAMETERS, `No dimension ${dimNo}`, 'qDimNo');
    return fieldNameOf(dim);
  }

  /** The field of a list object. */
  listField(def: Json): string {
    return fieldNameOf(def);
  }

  /** The fields behind the columns `columns` (all when empty) of the definition at `path`. */
  fieldsAt(properties: Json, path: string, columns: readonly number[]): string[] {
    const def = path.split('/').filter(Boolean).reduce<unknown>((node, key) => (node as Json | undefined)?.[key], properties) as Json | undefined;
    if (!def) throw new EngineError(LocErr.GENERIC_INVALID_PATH, `Nothing at ${path}`, path);
    if (path.endsWith('qListObjectDef')) return [fieldNameOf(def)];
    const dims = ((def.qDimensions ?? []) as Json[]).map(fieldNameOf);
    return columns.length === 0 ? dims : columns.filter((column) => column < dims.length).map((column) => dims[column]!);
  }

  /** Selects the dimension values of the given rows, in the dimension columns among `columns`. */
  selectCells(def: Json, stateName: string, rows: readonly number[], columns: readonly number[]): boolean {
    const cube = this.cube(def, stateName);
    const dims = ((def.qDimensions ?? []) as Json[]).map(fieldNameOf);
    const state = this.state(stateName);
    let changed = false;
    for (const column of columns) {
      if (column >= dims.length) continue;
      const symbols = rows.map((row) => cube.getHyperCubeData([{ qTop: row, qLeft: column, qWidth: 1, qHeight: 1 }])[0]?.qMatrix[0]?.[0]?.qElemNumber ?? -1);
      changed = state.select(dims[column]!, symbols.filter((symbol) => symbol >= 0)) || changed;
    }
    return changed;
  }

  /** Selects the first dimension's values whose measure lies in each range (RangeSelectHyperCubeValues). */
  selectMeasureRanges(def: Json, stateName: string, ranges: readonly Json[]): boolean {
    const cube = this.cube(def, stateName);
    const dims = ((def.qDimensions ?? []) as Json[]).map(fieldNameOf);
    if (dims.length === 0) return false;
    const rowCount = cube.layout.qSize.qcy;
    const symbols: number[] = [];
    for (const range of ranges) {
      const info = (range.qRange ?? {}) as { qMin?: number; qMax?: number; qMinInclEq?: boolean; qMaxInclEq?: boolean };
      const column = dims.length + Number(range.qMeasureIx ?? 0);
      const page = cube.getHyperCubeData([{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: Math.min(rowCount, 10_000) }])[0]!;
      const values = cube.getHyperCubeData([{ qTop: 0, qLeft: column, qWidth: 1, qHeight: Math.min(rowCount, 10_000) }])[0]!;
      values.qMatrix.forEach((row, index) => {
        const num = row[0]?.qNum;
        if (typeof num !== 'number') return;
        const low = info.qMin ?? -Infinity;
        const high = info.qMax ?? Infinity;
        const above = info.qMinInclEq === false ? num > low : num >= low;
        const below = info.qMaxInclEq === false ? num < high : num <= high;
        const symbol = page.qMatrix[index]?.[0]?.qElemNumber ?? -1;
        if (above && below && symbol >= 0) symbols.push(symbol);
      });
    }
    return this.state(stateName).select(dims[0]!, symbols);
  }

  /** The value of a chart expression over all possible records of a state (Evaluate, qStringExpression, `=` variables). */
  evaluate(text: string, stateName: string): Value {
    const source = text.trim().startsWith('=') ? text.trim().slice(1) : text;
    const expr = this.guard(() => parseExpression(this.expandVariables(source)));
    const evaluator = chartEvaluator(this.model, this.state(stateName).result(), this.options(), this.settings);
    return this.guard(() => evaluator.measures.evaluate(expr, chartTarget(evaluator.scope, []))[0] ?? null);
  }

  /** An empty string when the expression parses, else the error message (CheckExpression). */
  checkExpression(text: string): string {
    try {
      parseExpression(this.expandVariables(text));
      return '';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Syntax errors of a load script, as CheckScriptSyntax reports them. */
  checkScriptSyntax(script: string): Json[] {
    return checkScript(script);
  }

  private cube(def: Json, stateName: string): ComputedHyperCube {
    const key = `${stateName}\u0000${JSON.stringify(def)}`;
    let cube = this.cubes.get(key);
    if (!cube) {
      const result = this.state(stateName).result();
      cube = this.guard(() => computeHyperCube(this.model, result, this.expandDef(def) as HyperCubeDef, this.options()));
      this.cubes.set(key, cube);
    }
    return cube;
  }

  private list(def: Json, stateName: string): ComputedListObject {
    const key = `${stateName}\u0000${JSON.stringify(def)}`;
    let list = this.lists.get(key);
    if (!list) {
      const result = this.state(stateName).result();
      list = this.guard(() => computeListObject(this.model, result, def as ListObjectDef, this.options()));
      this.lists.set(key, list);
    }
    return list;
  }

  private options() {
    return {
      format: this.settings,
      states: (name: string) => {
        try {
          return this.state(name).result();
        } catch {
          return undefined;
        }
      },
      bookmarks: (id: string) => {
        const snapshot = this.bookmark(id);
        return snapshot ? fromSnapshot(this.model, snapshot) : undefined;
      },
    };
  }

  /** `$(name)` expansion of variables in expressions, as charts do before parsing. */
  private expandVariables(text: string): string {
    return text.replace(/\$\(([^()=]+)\)/g, (_match, name: string) => {
      const definition = this.variable(name.trim());
      return definition === undefined ? '' : definition;
    });
  }

  private expandDef(def: Json): Json {
    return JSON.parse(JSON.stringify(def), (key, value: unknown) =>
      (key === 'qDef' || key === 'qLabelExpression') && typeof value === 'string' ? this.expandVariables(value) : value,
    ) as Json;
  }

  /** Turns the compute layers' errors into engine errors with their LOCERR codes. */
  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof EngineError) throw error;
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      if (code === 'LOCERR_CALC_PAGES_TOO_LARGE') throw new EngineError(LocErr.CALC_PAGES_TOO_LARGE, message, '', { cause: error });
      if (error instanceof ExpressionError) throw new EngineError(LocErr.GENERIC_INVALID_PARAMETERS, message, '', { cause: error });
      throw new EngineError(LocErr.GENERIC_INVALID_PARAMETERS, message, '', { cause: error });
    }
  }
}

/** The field a dimension or list definition names (`qDef.qFieldDefs[0]`, brackets and a leading `=` removed). */
function fieldNameOf(def: Json): string {
  const inner = (def.qDef ?? {}) as { qFieldDefs?: unknown[] };
  const raw = inner.qFieldDefs?.[0];
  if (typeof raw !== 'string' || raw === '') throw new EngineError(LocErr.GENERIC_INVALID_PARAMETERS, 'The definition has no qFieldDefs', 'qFieldDefs');
  const trimmed = raw.trim().replace(/^=/, '').trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}
