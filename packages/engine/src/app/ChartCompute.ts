import { searchSymbols, type ExpressionMatcher } from '../selection/searchSymbols.js';
import { computeHyperCube } from '../hypercube/computeHyperCube.js';
import type { ComputedHyperCube } from '../hypercube/ComputedHyperCube.js';
import { computeListObject, type ComputedListObject } from '../hypercube/computeListObject.js';
import type { HyperCubeDef, ListObjectDef, NxCell, NxDataPage } from '../hypercube/QixShapes.js';
import type { DataModel } from '../model/DataModel.js';
import type { SelectionState } from '../selection/SelectionState.js';
import type { Value } from '../value/Value.js';
import { LocError } from '../errors/LocError.js';
import type { ExpressionCheck } from './checkExpression.js';
import {
  allRows,
  pivotGrid,
  pivotPages,
  pivotPicks,
  stackPages,
  type PivotGrid,
} from './pivotPages.js';
import type { CubeSelectionTarget } from './chartSelections.js';
import { continuousData, type ContinuousData, type ContinuousOptions } from './continuousData.js';
import { reducedPages } from './reducedPages.js';
import { resolveLibraryItems } from './resolveLibraryItems.js';
import { readPages } from '../hypercube/readPages.js';
import { SharedResults } from './SharedResults.js';
import type { ChartSources } from './ChartSources.js';
import { ChartExpressions } from './ChartExpressions.js';
import { settingsKey } from './appFormatSettings.js';
import {
  binnedDefinition,
  dataMode,
  defText,
  isPlainDef,
  fieldNameOf,
  leftDimensions,
} from './chartDefinition.js';
import { pagesOfRows, searchedLayout, searchedRows } from './searchedList.js';

type Json = Record<string, unknown>;

/**
 * Chart computations for one session over one version of its selections:
 * hypercubes, list objects and expressions, cached by definition until the
 * selections change (DocData then makes a new one).
 */
export class ChartCompute {
  /** By state, then definition text (one string per definition object: its hash is kept). */
  private readonly cubes = new Map<string, Map<string, ComputedHyperCube>>();
  private readonly lists = new Map<string, ComputedListObject>();
  private readonly state: (name: string) => SelectionState;
  private readonly shared: SharedResults;
  private readonly expressions: ChartExpressions;

  constructor(
    private readonly model: DataModel,
    private readonly sources: ChartSources,
  ) {
    this.state = sources.state;
    // A modal object computes over the selections it began with, which no key here names.
    this.shared = new SharedResults(
      sources.basis ? undefined : sources.results,
      model,
      settingsKey(sources.scriptVariables),
      this.state,
      sources.bookmark,
    );
    this.expressions = new ChartExpressions(model, sources, this.shared);
  }

  /** Forgets the results computed so far (the selections changed); what they are computed with stays. */
  forgetResults(): void {
    // Clearing a Map allocates a new table: every selection gets here, most with no list computed.
    // A state's map of cubes is emptied, not dropped, so the next cube needs no new map (the
    // memo lives as long as the session: each map made per click was copied by a scavenge).
    for (const byText of this.cubes.values()) if (byText.size > 0) byText.clear();
    if (this.lists.size > 0) this.lists.clear();
  }

  /**
   * The `qHyperCube` layout of a definition. A pivot (`qMode` P) or stacked
   * (K) cube has its initial pages in qPivotDataPages or qStackedDataPages
   * instead of qDataPages; a pivot's qSize counts its data columns (the
   * measures) and its left rows.
   */
  hyperCube(def: Json, stateName: string): Json {
    const cube = this.cube(def, stateName);
    const mode = dataMode(def);
    if (mode === 'S') return cube.layout as unknown as Json;
    const initial = readPages(def.qInitialDataFetch);
    const layout: Json = { ...(cube.layout as unknown as Json), qMode: mode, qDataPages: [] };
    if (mode === 'P') {
      const grid = this.pivotGrid(def, stateName);
      layout.qSize = { qcx: grid.top.length, qcy: grid.left.length };
      layout.qNoOfLeftDims = grid.left[0]?.length ?? leftDimensions(def);
      layout.qPivotDataPages = pivotPages(cube, grid, initial);
    } else {
      layout.qStackedDataPages = stackPages(cube, initial, 10_000);
    }
    return layout;
  }

  /** Pages of a hypercube (GetHyperCubeData). */
  hyperCubeData(def: Json, stateName: string, pages: readonly Json[]): NxDataPage[] {
    return this.cube(def, stateName).getHyperCubeData(pages);
  }

  /** Reduced pages of a hypercube (GetHyperCubeReducedData). */
  reducedData(
    def: Json,
    stateName: string,
    pages: unknown,
    zoomFactor: number,
    mode: string,
  ): NxDataPage[] {
    return reducedPages(this.cube(def, stateName), pages, zoomFactor, mode);
  }

  /** Data of a cube along its continuous first dimension (GetHyperCubeContinuousData). */
  continuousData(
    def: Json,
    stateName: string,
    options: ContinuousOptions,
    reverse: boolean,
  ): ContinuousData {
    const binned = (start: number, width: number) =>
      this.cube(binnedDefinition(def, start, width), stateName);
    return continuousData(this.cube(def, stateName), options, reverse, binned);
  }

  /** A cube with its dimension fields and the selection state behind it, for selecting through it. */
  selectionTarget(def: Json, stateName: string): CubeSelectionTarget {
    const cube = this.cube(def, stateName);
    return { cube, fields: cube.dimensionFields(), state: this.state(stateName) };
  }

  /** The state a definition selects in. */
  selectionState(stateName: string): SelectionState {
    return this.state(stateName);
  }

  /** Pivot pages of a hypercube (GetHyperCubePivotData): qNoOfLeftDims dimensions on the left, the others and the measures on top. */
  pivotData(def: Json, stateName: string, pages: readonly Json[]): Json[] {
    const cube = this.cube(def, stateName);
    return pivotPages(cube, this.pivotGrid(def, stateName), readPages(pages));
  }

  /** Stacked pages of a hypercube (GetHyperCubeStackData). */
  stackData(def: Json, stateName: string, pages: readonly Json[], maxCells: number): Json[] {
    return stackPages(this.cube(def, stateName), readPages(pages), maxCells);
  }

  /**
   * The `qListObject` layout of a definition. While a search typed into the
   * list object is open (SearchListObjectFor), the list shows only the
   * values it finds: qSize, qCardinal and the pages count those.
   */
  listObject(def: Json, stateName: string, search?: string): Json {
    const list = this.list(def, stateName);
    if (search === undefined) return list.layout as unknown as Json;
    const rows = this.searchedRows(def, stateName, search);
    return searchedLayout(list, rows, readPages(def.qInitialDataFetch));
  }

  /** Pages of a list object (GetListObjectData), of the values an open search finds when there is one. */
  listObjectData(
    def: Json,
    stateName: string,
    pages: readonly Json[],
    search?: string,
  ): NxDataPage[] {
    if (search !== undefined)
      return pagesOfRows(this.searchedRows(def, stateName, search), readPages(pages));
    return this.list(def, stateName).getListObjectData(pages);
  }

  /** The rows of a list object whose values a search string finds, in the list's order. */
  private searchedRows(def: Json, stateName: string, search: string): NxCell[][] {
    const list = this.list(def, stateName);
    const fieldName = fieldNameOf(def);
    const field = this.model.findField(fieldName);
    if (!field)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Field not found: ${fieldName}`, {
        parameter: fieldName,
      });
    const found = searchSymbols(field, search, this.searchMatcher(fieldName, search, stateName));
    return searchedRows(list, found);
  }

  /** The field of a list object. */
  listField(def: Json): string {
    return fieldNameOf(def);
  }

  /** The fields behind the columns `columns` (all when empty) of the definition at `path`. */
  fieldsAt(properties: Json, path: string, columns: readonly number[]): string[] {
    const def = path
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], properties) as
      Json | undefined;
    if (!def)
      throw new LocError('LOCERR_GENERIC_INVALID_PATH', `Nothing at ${path}`, { parameter: path });
    if (path.endsWith('qListObjectDef')) return [fieldNameOf(def)];
    const dims = ((def.qDimensions ?? []) as Json[]).map(fieldNameOf);
    return columns.length === 0
      ? dims
      : columns.filter((column) => column < dims.length).map((column) => dims[column]!);
  }

  /**
   * Selects through pivot cells (SelectPivotCells): a left cell (qType L)
   * selects its value, a top cell (T) its value, a data cell (D) the values
   * of its row and its column. Measure headers select nothing.
   */
  selectPivotCells(
    def: Json,
    stateName: string,
    cells: readonly { qType?: string; qCol: number; qRow: number }[],
  ): boolean {
    const dims = ((def.qDimensions ?? []) as Json[]).map(fieldNameOf);
    const bySymbol = new Map<number, Set<number>>();
    for (const pick of pivotPicks(this.pivotGrid(def, stateName), cells)) {
      const symbols = bySymbol.get(pick.dimension) ?? new Set<number>();
      symbols.add(pick.symbol);
      bySymbol.set(pick.dimension, symbols);
    }
    const choices = [...bySymbol].filter(([dimension]) => dimension < dims.length);
    if (choices.length === 0) return false;
    return this.state(stateName).batch((state) => {
      for (const [dimension, symbols] of choices) state.select(dims[dimension]!, [...symbols]);
    });
  }

  /** The pivot grid of a cube: left dimensions by qNoOfLeftDims, the top ones ordered as a cube of them alone sorts them. */
  private pivotGrid(def: Json, stateName: string): PivotGrid {
    const cube = this.cube(def, stateName);
    const dims = (def.qDimensions ?? []) as Json[];
    const left = leftDimensions(def);
    if (left >= dims.length) return pivotGrid(cube, dims.length);
    const topDef: Json = { qDimensions: dims.slice(left), qMeasures: [], qInitialDataFetch: [] };
    if (def.qStateName !== undefined) topDef.qStateName = def.qStateName;
    const topRows = allRows(this.cube(topDef, stateName));
    return pivotGrid(cube, left, topRows);
  }

  /** The value of a chart expression over all possible records of a state (Evaluate, qStringExpression, `=` variables). */
  evaluate(text: string, stateName: string): Value {
    return this.expressions.evaluate(text, stateName);
  }

  /** The matcher of an `=expr` field search (Field.Select('=Sum(X)>10')); undefined for searches that are no expressions. */
  searchMatcher(
    fieldName: string,
    search: string,
    stateName: string,
  ): ExpressionMatcher | undefined {
    return this.expressions.searchMatcher(fieldName, search, stateName);
  }

  /** CheckNumberOrExpression: a number in the app's format, or else a checked expression. */
  checkNumberOrExpression(text: string): Pick<ExpressionCheck, 'qErrorMsg' | 'qBadFieldNames'> {
    return this.expressions.checkNumberOrExpression(text);
  }

  /** CheckExpression: the syntax error, if any, and the names that are no fields (over the expanded text). */
  checkExpression(text: string, labels: readonly string[] = []): ExpressionCheck {
    return this.expressions.checkExpression(text, labels);
  }

  /**
   * The computed hypercube of a definition over a state: kept by this
   * session until the selections change, and shared with the sessions
   * whose expanded definition and selections are the same.
   */
  cube(def: Json, stateName: string): ComputedHyperCube {
    const text = defText(def);
    let byText = this.cubes.get(stateName);
    if (!byText) this.cubes.set(stateName, (byText = new Map()));
    let cube = byText.get(text);
    if (!cube) {
      // Most definitions name no variable and no master item: they are their own expansion.
      const plain = isPlainDef(def);
      const expanded = plain ? def : this.expressions.expandDef(def);
      cube = this.shared.get(
        'cube',
        stateName,
        expanded,
        () => {
          const result = this.expressions.dataOf(stateName);
          const options = {
            ...this.expressions.options(),
            display: this.state(stateName).result(),
          };
          return computeHyperCube(this.model, result, expanded as HyperCubeDef, options);
        },
        (computed) => computed.estimatedBytes(),
        plain ? text : undefined,
      );
      byText.set(text, cube);
    }
    return cube;
  }

  private list(def: Json, stateName: string): ComputedListObject {
    const key = `${stateName}\u0000${JSON.stringify(def)}`;
    let list = this.lists.get(key);
    if (!list) {
      const resolved = resolveLibraryItems(def, this.sources.library);
      list = this.shared.get(
        'list',
        stateName,
        resolved,
        () => {
          const result = this.expressions.dataOf(stateName);
          const options = {
            ...this.expressions.options(),
            display: this.state(stateName).result(),
          };
          return computeListObject(this.model, result, resolved as ListObjectDef, options);
        },
        (computed) => computed.estimatedBytes(),
      );
      this.lists.set(key, list);
    }
    return list;
  }
}
