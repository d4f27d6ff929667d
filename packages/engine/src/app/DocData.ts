import type { LocaleInfo } from '@qlikit/qix';
import { DEFAULT_STATE, SelectionStates } from '../selection/SelectionStates.js';
import type { SelectionState } from '../selection/SelectionState.js';
import { fromSnapshot, type SelectionSnapshot } from '../selection/SelectionSnapshot.js';
import { SelectionResult } from '../selection/SelectionResult.js';
import { LocError } from '../errors/LocError.js';
import type { StoredObject } from './AppDocument.js';
import type { DocSession } from './DocSession.js';
import { ChartCompute } from './ChartCompute.js';
import type { ChartSources, DocumentInfo } from './ChartSources.js';
import { bookmarkFieldInfos, bookmarkLayout, type BookmarkState } from './bookmarkLayout.js';
import { dualParts } from './dualParts.js';
import { localeInfo } from './localeInfo.js';
import { dimensionInfos } from './dimensionInfos.js';
import { objectLayoutContext } from './objectLayoutContext.js';
import type { LayoutContext } from './layout/LayoutContext.js';

/**
 * A session's selections over its app's data and what is computed from them.
 * The selection states are rebuilt when the data changes, keeping the
 * selections whose fields and values still exist.
 */
export class DocData {
  private states: SelectionStates | null = null;
  private alternateStates: string[] = [];
  /** The object in modal selection, and the selections to restore when it is aborted. */
  private modal: {
    readonly objectId: string;
    readonly before: ReadonlyMap<string, SelectionSnapshot>;
    made: boolean;
  } | null = null;
  private compute: ChartCompute | null = null;
  /** Chart computations for the object in modal selection: over the selections as they were when it began. */
  private modalCompute: ChartCompute | null = null;
  /** Searches typed into list objects (SearchListObjectFor), by object id and path, until accepted or aborted. */
  private readonly listSearches = new Map<string, string>();
  private readonly layoutContexts = new WeakMap<StoredObject, LayoutContext>();
  /** What every ChartCompute of this session asks back, made once. */
  private chartHooks: Omit<ChartSources, 'scriptVariables' | 'basis' | 'results'> | undefined;

  constructor(private readonly doc: DocSession) {}

  /** The state called `name` (`$` by default, '' counts as `$`). */
  state(name: string = DEFAULT_STATE): SelectionState {
    const states = this.selectionStates();
    const stateName = name === '' ? DEFAULT_STATE : name;
    if (!states.has(stateName))
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `No alternate state ${stateName}`, {
        parameter: stateName,
      });
    return states.get(stateName);
  }

  /** Chart computations over the current selections. */
  get chart(): ChartCompute {
    this.compute ??= this.newChartCompute();
    return this.compute;
  }

  /**
   * The chart computations an object's data comes from. The object in modal
   * selection keeps showing, in the order it had, the data of the selections
   * its modal selection began with, while its cells show the states of the
   * current ones: a bar chart keeps every bar while bars are being picked,
   * and a list box does not re-sort until the selection is accepted.
   */
  chartOf(objectId: string): ChartCompute {
    const modal = this.modal;
    if (!modal || modal.objectId !== objectId) return this.chart;
    this.modalCompute ??= this.newChartCompute((name) => {
      const snapshot = modal.before.get(name === '' ? DEFAULT_STATE : name);
      return snapshot
        ? SelectionResult.fromSelections(
            this.doc.dataModel,
            fromSnapshot(this.doc.dataModel, snapshot),
          )
        : undefined;
    });
    return this.modalCompute;
  }

  private newChartCompute(
    basis?: (stateName: string) => SelectionResult | undefined,
  ): ChartCompute {
    this.chartHooks ??= {
      state: (name) => this.state(name),
      bookmark: (id) => this.bookmarkSnapshot(id),
      variable: (name) => this.variableDefinition(name),
      library: (id) => {
        const item = this.doc.findObject(id);
        return item?.type === 'GenericDimension' || item?.type === 'GenericMeasure'
          ? item.properties
          : undefined;
      },
      documentInfo: () => this.documentInfo(),
    };
    // A new computation follows every selection: the hooks above are made once, the data read now.
    return new ChartCompute(this.doc.dataModel, {
      ...this.chartHooks,
      scriptVariables: this.doc.app.document.scriptVariables,
      basis,
      results: this.doc.app.results,
    });
  }

  /** What DocumentName, DocumentTitle, ReloadTime and OSUser report for this session. */
  private documentInfo(): DocumentInfo {
    const { app, session } = this.doc;
    const directory = session.identity.attributes?.userDirectory;
    return {
      documentName: app.id,
      documentTitle: String(app.document.properties.qTitle ?? app.id),
      reloadTime: app.document.lastReloadTime,
      userId: session.identity.userId,
      userDirectory: typeof directory === 'string' ? directory : undefined,
    };
  }

  /** Drops what was computed from the selections (they changed, or the data did). */
  private dropComputed(): void {
    this.compute = null;
    this.modalCompute = null;
  }

  /** Names of the alternate states (qStateNames of the app layout). */
  stateNames(): string[] {
    return [...this.alternateStates];
  }

  /** Adds an alternate state. */
  addState(name: string): void {
    if (name === '' || name === DEFAULT_STATE)
      throw new LocError('LOCERR_GENERIC_INVALID_PARAMETERS', 'Invalid state name', {
        parameter: name,
      });
    if (this.alternateStates.includes(name)) return;
    // Build the states first: a first build adds every listed name itself.
    const states = this.selectionStates();
    this.alternateStates.push(name);
    states.add(name);
    this.dropComputed();
  }

  /** Removes an alternate state. */
  removeState(name: string): void {
    const at = this.alternateStates.indexOf(name);
    if (at < 0)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `No alternate state ${name}`, {
        parameter: name,
      });
    this.alternateStates.splice(at, 1);
    this.selectionStates().remove(name);
    this.dropComputed();
  }

  /** Rebuilds the states over new data, keeping what selections still resolve. */
  onDataChanged(): void {
    const saved = this.states ? this.snapshotAll() : null;
    this.states = null;
    this.dropComputed();
    if (!saved) return;
    const states = this.selectionStates();
    for (const [name, snapshot] of saved) if (states.has(name)) states.get(name).restore(snapshot);
  }

  /** Called after any selection change: computed results are stale. */
  selectionsChanged(): void {
    // The computation's results are stale, not the computation: it is kept, emptied (one per click is garbage).
    this.compute?.forgetResults();
    this.modalCompute = null;
  }

  /** Remembers a list object's search text until it is accepted or aborted. */
  setListSearch(objectId: string, path: string, text: string): void {
    this.listSearches.set(`${objectId}\u0000${path}`, text);
  }

  /** A list object's open search text, if any. */
  listSearch(objectId: string, path: string): string | undefined {
    return this.listSearches.get(`${objectId}\u0000${path}`);
  }

  /** Takes (and forgets) a list object's search text. */
  takeListSearch(objectId: string, path: string): string | undefined {
    const key = `${objectId}\u0000${path}`;
    const text = this.listSearches.get(key);
    this.listSearches.delete(key);
    return text;
  }

  /** Starts a modal selection on an object; selections from any other object fail until it ends. */
  beginModal(objectId: string): void {
    if (this.modal && this.modal.objectId !== objectId) {
      throw new LocError(
        'LOCERR_HC_MODAL_OBJECT_ERROR',
        `Object ${this.modal.objectId} is in modal selection`,
        { parameter: objectId },
      );
    }
    this.modal ??= { objectId, before: this.snapshotAll(), made: false };
    this.modalCompute = null;
  }

  /** Ends the modal selection; returns whether selections were rolled back. */
  endModal(accept: boolean): boolean {
    const modal = this.modal;
    this.modal = null;
    this.modalCompute = null;
    if (!modal || accept) return false;
    this.restoreAll(modal.before);
    return true;
  }

  /** Rolls the selections back to where the modal selection began (ResetMadeSelections). */
  resetModal(): boolean {
    if (!this.modal) return false;
    this.restoreAll(this.modal.before);
    this.modal.made = false;
    return true;
  }

  /** Notes that the object in modal selection has made selections (qSelectionInfo.qMadeSelections). */
  markModalSelections(): void {
    if (this.modal) this.modal.made = true;
  }

  /** Whether `objectId` is in modal selection and has made selections since it began or was reset. */
  madeSelections(objectId: string): boolean {
    return this.modal?.objectId === objectId && this.modal.made;
  }

  /** Fails with LOCERR_HC_MODAL_OBJECT_ERROR when another object is in modal selection. */
  assertCanSelect(fromObjectId: string | null): void {
    if (this.modal && this.modal.objectId !== fromObjectId) {
      throw new LocError(
        'LOCERR_HC_MODAL_OBJECT_ERROR',
        `Object ${this.modal.objectId} is in modal selection`,
        { parameter: this.modal.objectId },
      );
    }
  }

  /** Whether `objectId` is the object in modal selection. */
  inModal(objectId: string): boolean {
    return this.modal?.objectId === objectId;
  }

  /** The state a bookmark stores now: the selections of every state. */
  captureBookmark(): BookmarkState {
    return { states: Object.fromEntries(this.snapshotAll()) };
  }

  /** Restores a bookmark's selections; false when it stores none. */
  applyBookmark(bookmark: StoredObject): boolean {
    const stored = bookmark.bookmarkState as BookmarkState | undefined;
    if (!stored) return false;
    this.restoreAll(new Map(Object.entries(stored.states)));
    return true;
  }

  /** The `qBookmark` of a bookmark's layout: per state the fields it selects, with their values as FieldValues. */
  bookmarkLayout(bookmark: StoredObject): Record<string, unknown> {
    return bookmarkLayout(bookmark, this.doc.tables.length > 0 ? this.doc.dataModel : null);
  }

  /** qFieldInfos of a bookmark's layout: each field the bookmark selects in the default state, with its count of values. */
  bookmarkFieldInfos(bookmark: StoredObject): Record<string, unknown>[] {
    return bookmarkFieldInfos(bookmark);
  }

  /** qText/qNum of a variable's definition: `=expr` is evaluated, anything else is its text (and number when numeric). */
  variableValue(definition: string): { qText: string; qNum: number | 'NaN' } {
    if (definition.startsWith('=')) {
      const value = this.chart.evaluate(definition.slice(1), DEFAULT_STATE);
      return dualParts(value);
    }
    const num = definition.trim() === '' ? NaN : Number(definition);
    return { qText: definition, qNum: Number.isFinite(num) ? num : 'NaN' };
  }

  /** qDimInfos of a master dimension: cardinality and tags of each field it groups. */
  dimensionInfos(properties: Record<string, unknown>): Record<string, unknown>[] {
    return dimensionInfos(this.doc.tables.length > 0 ? this.doc.dataModel : null, properties);
  }

  /** NxLocaleInfo from the script's number-interpretation variables. */
  localeInfo(): LocaleInfo {
    return localeInfo(this.doc.app.document.scriptVariables);
  }

  /** The LayoutContext that computes an object's data blocks over this session's selections. */
  layoutContext(object: StoredObject): LayoutContext {
    // It reads the selections and the object's properties when asked, so one per object serves every call.
    let context = this.layoutContexts.get(object);
    if (!context)
      this.layoutContexts.set(object, (context = objectLayoutContext(this, this.doc, object)));
    return context;
  }

  private variableDefinition(name: string): string | undefined {
    const wanted = name.toLowerCase();
    const variable = this.doc
      .objectsOfType('GenericVariable')
      .find((each) => String(each.properties.qName ?? '').toLowerCase() === wanted);
    return variable ? String(variable.properties.qDefinition ?? '') : undefined;
  }

  private bookmarkSnapshot(id: string): SelectionSnapshot | undefined {
    const bookmark = this.doc.findObject(id);
    const stored = bookmark?.bookmarkState as BookmarkState | undefined;
    return stored?.states[DEFAULT_STATE];
  }

  private selectionStates(): SelectionStates {
    if (!this.states) {
      this.states = new SelectionStates(this.doc.dataModel);
      for (const name of this.alternateStates) this.states.add(name);
    }
    return this.states;
  }

  private snapshotAll(): Map<string, SelectionSnapshot> {
    const states = this.selectionStates();
    return new Map(states.names.map((name) => [name, states.get(name).snapshot()]));
  }

  private restoreAll(snapshots: ReadonlyMap<string, SelectionSnapshot>): void {
    const states = this.selectionStates();
    for (const [name, snapshot] of snapshots)
      if (states.has(name)) states.get(name).restore(snapshot);
    this.dropComputed();
  }
}
