import { parseExpression } from '../expression/parseExpression.js';
import { expandDollars } from '../expression/expandDollars.js';
import { numberOf } from '../aggregate/valueParts.js';
import { type ExpressionMatcher, searchSymbols } from '../selection/searchSymbols.js';
import { chartEvaluator, chartTarget } from '../hypercube/chartEvaluator.js';
import { computeHyperCube } from '../hypercube/computeHyperCube.js';
import type { ComputedHyperCube } from '../hypercube/ComputedHyperCube.js';
import { computeListObject, type ComputedListObject } from '../hypercube/computeListObject.js';
import type {
  HyperCubeDef,
  ListObjectDef,
  NxCell,
  NxDataPage,
  NxPage,
} from '../hypercube/QixShapes.js';
import type { DataModel } from '../model/DataModel.js';
import type { SelectionSnapshot } from '../selection/SelectionSnapshot.js';
import { fromSnapshot } from '../selection/SelectionSnapshot.js';
import type { SelectionState } from '../selection/SelectionState.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { LocError } from '../errors/LocError.js';
import { formatSettingsOf } from './formatSettingsOf.js';
import { appFunctions, type AppFunctionHost } from './appFunctions.js';
import type { ScalarFunction } from '../expression/EvalContext.js';
import { parseNumber } from '../value/parseNumber.js';
import { checkExpression, type ExpressionCheck } from './checkExpression.js';
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
import { resolveLibraryItems, type LibraryLookup } from './resolveLibraryItems.js';
import { readPages } from '../hypercube/readPages.js';
import type { ResultCache } from './ResultCache.js';
import { SharedResults } from './SharedResults.js';

type Json = Record<string, unknown>;

/** The document and user facts the app's functions report. */
export type DocumentInfo = Pick<
  AppFunctionHost,
  'documentName' | 'documentTitle' | 'reloadTime' | 'userId' | 'userDirectory'
>;

/** Where chart computations read the session's state and the app's definitions from. */
export interface ChartSources {
  /** A selection state by name (`$` the default one). */
  readonly state: (name: string) => SelectionState;
  /** A bookmark's stored selections, for set expressions that name it. */
  readonly bookmark: (id: string) => SelectionSnapshot | undefined;
  /** The script's variables (format settings come from them). */
  readonly scriptVariables: Readonly<Record<string, string>>;
  /** A variable's definition, for dollar-sign expansion. */
  readonly variable: (name: string) => string | undefined;
  /** A master dimension or measure by id, for `qLibraryId`. */
  readonly library: LibraryLookup;
  /** The selections charts compute over when not the current ones: for the object in modal selection, those it began with. */
  readonly basis?: (stateName: string) => SelectionResult | undefined;
  /** The document and user the app's own functions (DocumentName, OSUser, ...) report. */
  readonly documentInfo?: () => DocumentInfo;
  /** Results shared with the other sessions (none: this session computes its own). */
  readonly results?: ResultCache;
}

/**
 * Chart computations for one session over one version of its selections:
 * hypercubes, list objects and expressions, cached by definition until the
 * selections change (DocData then makes a new one).
 */
export class ChartCompute {
  private readonly cubes = new Map<string, ComputedHyperCube>();
  private readonly lists = new Map<string, ComputedListObject>();
  private readonly settings: FormatSettings;
  /** Variables whose `=` definitions are being evaluated for an expansion, to stop a cycle. */
  private readonly expanding = new Set<string>();

  private readonly state: (name: string) => SelectionState;
  private readonly bookmark: (id: string) => SelectionSnapshot | undefined;
  private readonly variable: (name: string) => string | undefined;
  private readonly library: LibraryLookup;
  private readonly basis?: (stateName: string) => SelectionResult | undefined;
  private readonly documentInfo?: () => DocumentInfo;
  private readonly shared: SharedResults;

  constructor(
    private readonly model: DataModel,
    sources: ChartSources,
  ) {
    this.state = sources.state;
    this.bookmark = sources.bookmark;
    this.variable = sources.variable;
    this.library = sources.library;
    this.basis = sources.basis;
    this.documentInfo = sources.documentInfo;
    this.settings = appFormatSettings(sources.scriptVariables);
    // A modal object computes over the selections it began with, which no key here names.
    this.shared = new SharedResults(
      sources.basis ? undefined : sources.results,
      model,
      settingsKey(sources.scriptVariables),
      this.state,
      this.bookmark,
    );
  }

  private functionsCache: ReadonlyMap<string, ScalarFunction> | undefined;

  /** Forgets the results computed so far (the selections changed); what they are computed with stays. */
  forgetResults(): void {
    this.cubes.clear();
    this.lists.clear();
  }

  /** The app's functions (field selections, document and user), bound to this computation. */
  private appFunctions(): ReadonlyMap<string, ScalarFunction> {
    this.functionsCache ??= appFunctions({
      model: this.model,
      timestampFormat: this.settings.timestampFormat,
      ...(this.documentInfo?.() ?? {
        documentName: '',
        documentTitle: '',
        reloadTime: null,
        userId: '',
      }),
      selections: (name) => {
        try {
          this.shared.readState(name);
          return this.state(name).result();
        } catch {
          return undefined;
        }
      },
    });
    return this.functionsCache;
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
    const binned = (start: number, width: number) => {
      const dims = ((def as HyperCubeDef).qDimensions ?? []) as Json[];
      const first = dims[0] ?? {};
      const inner = (first.qDef ?? {}) as { qFieldDefs?: unknown[] };
      const source = String(inner.qFieldDefs?.[0] ?? '').trim();
      const expr = source.startsWith('=')
        ? `(${source.slice(1)})`
        : `[${fieldNameOf(first).replace(/]/g, ']]')}]`;
      const binDef: Json = {
        ...def,
        qDimensions: [
          {
            ...first,
            qDef: { ...inner, qFieldDefs: [`=Floor((${expr} - (${start})) / ${width})`] },
          },
          ...dims.slice(1),
        ],
        qInitialDataFetch: [],
      };
      return this.cube(binDef, stateName);
    };
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
    const layout = list.layout as unknown as Json & {
      qSize: { qcx: number };
      qDimensionInfo: Json;
    };
    return {
      ...layout,
      qSize: { qcx: layout.qSize.qcx, qcy: rows.length },
      qDimensionInfo: { ...layout.qDimensionInfo, qCardinal: rows.length },
      qDataPages: pagesOfRows(rows, readPages(def.qInitialDataFetch)),
    };
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
    const { qcx, qcy } = (list.layout as unknown as { qSize: { qcx: number; qcy: number } }).qSize;
    const step = Math.max(1, Math.floor(10_000 / Math.max(1, qcx)));
    const rows: NxCell[][] = [];
    for (let top = 0; top < qcy; top += step) {
      const page = list.getListObjectData([
        { qTop: top, qLeft: 0, qWidth: qcx, qHeight: Math.min(step, qcy - top) },
      ])[0];
      for (const row of page?.qMatrix ?? [])
        if (row[0] && row[0].qElemNumber >= 0 && found.has(row[0].qElemNumber)) rows.push(row);
    }
    return rows;
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
    const source = text.trim().startsWith('=') ? text.trim().slice(1) : text;
    const expr = parseExpression(this.expandVariables(source));
    const evaluator = chartEvaluator(
      this.model,
      this.dataOf(stateName),
      this.options(),
      this.settings,
    );
    return evaluator.measures.evaluate(expr, chartTarget(evaluator.scope, []))[0] ?? null;
  }

  /**
   * The matcher of an `=expr` field search (Field.Select('=Sum(X)>10')): the
   * expression evaluated once per value of the field over the state's
   * possible records, true where it is a non-zero number. Undefined for
   * searches that are no expressions.
   */
  searchMatcher(
    fieldName: string,
    search: string,
    stateName: string,
  ): ExpressionMatcher | undefined {
    const trimmed = search.trim();
    if (!trimmed.startsWith('=')) return undefined;
    const field = this.model.findField(fieldName);
    if (!field)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Field not found: ${fieldName}`, {
        parameter: fieldName,
      });
    const expr = parseExpression(this.expandVariables(trimmed.slice(1)));
    const evaluator = chartEvaluator(
      this.model,
      this.dataOf(stateName),
      this.options(),
      this.settings,
    );
    const target = chartTarget(evaluator.scope, [field.name]);
    const values = evaluator.measures.evaluate(expr, target);
    const truth = new Uint8Array(field.cardinality);
    const symbols = target.index.keys[0];
    for (let group = 0; symbols && group < target.index.count; group++) {
      const symbol = symbols[group]!;
      const value = values[group] ?? null;
      const num = value === null ? NaN : numberOf(value);
      if (symbol >= 0 && !Number.isNaN(num) && num !== 0) truth[symbol] = 1;
    }
    return (symbol) => truth[symbol] === 1;
  }

  /**
   * CheckNumberOrExpression: a number written with the app's separators is
   * fine as it is; anything else is checked as an expression.
   */
  checkNumberOrExpression(text: string): Pick<ExpressionCheck, 'qErrorMsg' | 'qBadFieldNames'> {
    if (!Number.isNaN(parseNumber(text, undefined, this.settings)))
      return { qErrorMsg: '', qBadFieldNames: [] };
    const { qErrorMsg, qBadFieldNames } = this.checkExpression(text);
    return { qErrorMsg, qBadFieldNames };
  }

  /** CheckExpression: the syntax error, if any, and the names that are no fields (over the expanded text). */
  checkExpression(text: string, labels: readonly string[] = []): ExpressionCheck {
    let expanded: string;
    try {
      expanded = this.expandVariables(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { qErrorMsg: message, qBadFieldNames: [], qDangerousFieldNames: [] };
    }
    return checkExpression(expanded, {
      isField: (name) => this.model.findField(name) !== undefined,
      isVariable: (name) => this.variable(name) !== undefined,
      labels,
    });
  }

  /**
   * The computed hypercube of a definition over a state: kept by this
   * session until the selections change, and shared with the sessions
   * whose expanded definition and selections are the same.
   */
  cube(def: Json, stateName: string): ComputedHyperCube {
    const text = defText(def);
    const key = `${stateName}\u0000${text}`;
    let cube = this.cubes.get(key);
    if (!cube) {
      // Most definitions name no variable and no master item: they are their own expansion.
      const plain = !text.includes('$(') && !/"qLibraryId":"[^"]/.test(text);
      const expanded = plain ? def : this.expandDef(def);
      cube = this.shared.get(
        'cube',
        stateName,
        expanded,
        () => {
          const result = this.dataOf(stateName);
          const options = { ...this.options(), display: this.state(stateName).result() };
          return computeHyperCube(this.model, result, expanded as HyperCubeDef, options);
        },
        (computed) => computed.estimatedBytes(),
        plain ? text : undefined,
      );
      this.cubes.set(key, cube);
    }
    return cube;
  }

  private list(def: Json, stateName: string): ComputedListObject {
    const key = `${stateName}\u0000${JSON.stringify(def)}`;
    let list = this.lists.get(key);
    if (!list) {
      const resolved = resolveLibraryItems(def, this.library);
      list = this.shared.get(
        'list',
        stateName,
        resolved,
        () => {
          const result = this.dataOf(stateName);
          const options = { ...this.options(), display: this.state(stateName).result() };
          return computeListObject(this.model, result, resolved as ListObjectDef, options);
        },
        (computed) => computed.estimatedBytes(),
      );
      this.lists.set(key, list);
    }
    return list;
  }

  /** The selections a state's charts compute over: the basis when there is one, else the current ones. */
  private dataOf(stateName: string): SelectionResult {
    return this.basis?.(stateName) ?? this.state(stateName).result();
  }

  private options() {
    return {
      format: this.settings,
      functions: this.appFunctions(),
      states: (name: string) => {
        try {
          this.shared.readState(name);
          return this.state(name).result();
        } catch {
          return undefined;
        }
      },
      bookmarks: (id: string) => {
        this.shared.readBookmark(id);
        const snapshot = this.bookmark(id);
        return snapshot ? fromSnapshot(this.model, snapshot) : undefined;
      },
    };
  }

  /**
   * Dollar-sign expansion before parsing, as charts do: `$(name)` is the
   * variable's definition, or its value when the definition starts with `=`;
   * `$(=expr)` is the expression's value. Unknown names expand to nothing.
   */
  private expandVariables(text: string): string {
    if (!text.includes('$(')) return text;
    return expandDollars(text, (nameOrExpression, isExpression) => {
      if (isExpression) return this.valueText(nameOrExpression);
      const name = nameOrExpression.trim();
      const definition = this.variable(name);
      if (definition === undefined || !definition.trim().startsWith('=')) return definition;
      const key = name.toLowerCase();
      if (this.expanding.has(key)) return undefined;
      this.expanding.add(key);
      try {
        return this.valueText(definition.trim().slice(1));
      } finally {
        this.expanding.delete(key);
      }
    });
  }

  /** The text of an expression's value over the default state, for an expansion. */
  private valueText(expression: string): string {
    const value = this.evaluate(expression, '$');
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' ? value : String(value.text);
  }

  /** A hypercube definition with its master items resolved and its dollar-sign expansions done. */
  private expandDef(def: Json): Json {
    return JSON.parse(
      JSON.stringify(resolveLibraryItems(def, this.library)),
      (key, value: unknown) =>
        (key === 'qDef' ||
          key === 'qLabelExpression' ||
          key === 'qExpression' ||
          key === 'qFieldDefs') &&
        typeof value === 'string'
          ? this.expandVariables(value)
          : Array.isArray(value) && key === 'qFieldDefs'
            ? value.map((item: unknown) =>
                typeof item === 'string' ? this.expandVariables(item) : item,
              )
            : value,
    ) as Json;
  }
}

const defTexts = new WeakMap<object, string>();

/**
 * The JSON of a chart definition, written once per definition object: they
 * come from properties, which are replaced whole and never changed in place,
 * or are made for one computation.
 */
function defText(def: Json): string {
  let text = defTexts.get(def);
  if (text === undefined) defTexts.set(def, (text = JSON.stringify(def)));
  return text;
}

const formatSettings = new WeakMap<object, FormatSettings>();

/** The format settings of an app's script variables, worked out once per variables object (a reload makes a new one). */
function appFormatSettings(variables: Readonly<Record<string, string>>): FormatSettings {
  let settings = formatSettings.get(variables);
  if (!settings)
    formatSettings.set(
      variables,
      (settings = formatSettingsOf(variables, DEFAULT_FORMAT_SETTINGS)),
    );
  return settings;
}

const settingsKeys = new WeakMap<object, string>();
const settingsIds = new Map<string, string>();
let nextSettingsId = 0;

/**
 * A key of the script variables the format settings come from (kept per
 * variables object): a short id per distinct set of variables, so that the
 * result cache's keys stay short.
 */
function settingsKey(variables: Readonly<Record<string, string>>): string {
  let key = settingsKeys.get(variables);
  if (key === undefined) {
    const text = JSON.stringify(variables);
    key = settingsIds.get(text);
    if (key === undefined) {
      // Ids are never reused: forgetting old texts (scripts that set a variable to Now()) costs only misses.
      if (settingsIds.size >= 1000) settingsIds.clear();
      settingsIds.set(text, (key = `s${nextSettingsId++}`));
    }
    settingsKeys.set(variables, key);
  }
  return key;
}

/** Data pages cut from rows of cells, as GetListObjectData answers them. */
function pagesOfRows(rows: readonly NxCell[][], pages: readonly NxPage[]): NxDataPage[] {
  return pages.map((page) => {
    const top = Math.min(Math.max(0, page.qTop), rows.length);
    const slice = rows.slice(top, top + Math.max(0, page.qHeight));
    const width = slice[0]?.length ?? 0;
    const left = Math.min(Math.max(0, page.qLeft), width);
    const right = Math.min(width, left + Math.max(0, page.qWidth));
    return {
      qMatrix: slice.map((row) => row.slice(left, right)),
      qTails: [],
      qArea: { qLeft: left, qTop: top, qWidth: right - left, qHeight: slice.length },
      qIsReduced: false,
    };
  });
}

/** How many dimensions a pivot puts on the left: qNoOfLeftDims, all of them when it is -1 or absent. */
function leftDimensions(def: Json): number {
  const dims = Array.isArray(def.qDimensions) ? def.qDimensions.length : 0;
  const given = typeof def.qNoOfLeftDims === 'number' ? def.qNoOfLeftDims : -1;
  return given < 0 ? dims : Math.min(given, dims);
}

/** The data mode of a hypercube definition: S straight, P pivot, K stacked (long names accepted). */
function dataMode(def: Json): 'S' | 'P' | 'K' {
  const mode = String(def.qMode ?? 'S');
  if (mode === 'P' || mode === 'DATA_MODE_PIVOT') return 'P';
  if (mode === 'K' || mode === 'DATA_MODE_PIVOT_STACK') return 'K';
  return 'S';
}

/** The field a dimension or list definition names (`qDef.qFieldDefs[0]`, brackets and a leading `=` removed). */
function fieldNameOf(def: Json): string {
  const inner = (def.qDef ?? {}) as { qFieldDefs?: unknown[] };
  const raw = inner.qFieldDefs?.[0];
  if (typeof raw !== 'string' || raw === '')
    throw new LocError('LOCERR_GENERIC_INVALID_PARAMETERS', 'The definition has no qFieldDefs', {
      parameter: 'qFieldDefs',
    });
  const trimmed = raw.trim().replace(/^=/, '').trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}
