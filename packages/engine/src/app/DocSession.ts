import type { LocaleInfo, ScriptSyntaxError } from '@qlikit/qix';
import type { SessionView } from './SessionView.js';
import { LocError } from '../errors/LocError.js';
import type { App, AppEvent } from './App.js';
import {
  applyStatus,
  metaOf,
  objectId,
  replaceProperties,
  layoutMeta,
  withInfo,
  type ObjectStatus,
} from './storedObjects.js';
import type { StoredObject, StoredObjectType } from './AppDocument.js';
import { ReloadProgress } from './ReloadProgress.js';
import { applyNxPatches, type PatchInput } from './applyNxPatches.js';
import { DocData } from './DocData.js';
import { computeLayout } from './layout/computeLayout.js';
import { reloadApp, type ReloadOptions } from './reloadApp.js';
import { variableItems, type VariableItem } from './variableItems.js';
import { checkScript } from './checkScript.js';
import type { AccessUser } from '../model/applySectionAccess.js';
import type { DataModel } from '../model/DataModel.js';
import type { LoadedTable } from '../model/LoadedTable.js';

/**
 * One session's view of an app: the shared app plus what belongs to the
 * session alone (its session objects, its reloads' progress, and, through
 * the compute layer, its selections).
 */
export class DocSession {
  /** Objects made with CreateSessionObject: they die with the session. */
  private readonly sessionObjects = new Map<string, StoredObject>();
  /** Progress of the reloads this session started, by request id. */
  readonly reloads = new Map<string, ReloadProgress>();
  reloading: ReloadProgress | null = null;
  /** The most recent reload, running or done: what GetProgress(0) reports. */
  lastReload: ReloadProgress | null = null;
  reloadController: AbortController | null = null;
  /** Soft patches (ApplyPatches with qSoftPatch): this session's unsaved overlay per object id. */
  private readonly softPatched = new Map<string, Record<string, unknown>>();
  /** The session's selections and everything computed from them. */
  readonly data: DocData;
  private readonly unsubscribe: () => void;
  private readonly close: () => void;

  constructor(
    readonly app: App,
    readonly session: SessionView,
  ) {
    this.data = new DocData(this);
    this.unsubscribe = app.subscribe((event) => this.onAppEvent(event));
    this.close = app.openedBy(session.identity.userId);
  }

  /** Who SECTION ACCESS reduces this session's data for: its user and the user's groups. */
  get accessUser(): AccessUser {
    const { userId, attributes } = this.session.identity;
    const groups = attributes?.groups;
    return {
      userId,
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    };
  }

  /** The data model this session sees: the app's, reduced by SECTION ACCESS for its user. */
  get dataModel(): DataModel {
    return this.app.dataModelFor(this.accessUser);
  }

  /** The tables this session sees (none when SECTION ACCESS admits its user to nothing). */
  get tables(): readonly LoadedTable[] {
    return this.app.tablesFor(this.accessUser) ?? [];
  }

  /** The properties with this session's soft patches applied. */
  effectiveProperties(object: StoredObject): Record<string, unknown> {
    // Most sessions soft-patch nothing: their map is not looked into (cold memory in a busy server).
    if (this.softPatched.size === 0) return object.properties;
    return this.softPatched.get(objectId(object)) ?? object.properties;
  }

  /** Applies patches that only this session sees and that are never saved; `check` refuses what may not be kept. */
  applySoftPatches(
    object: StoredObject,
    patches: readonly PatchInput[],
    check: (properties: Record<string, unknown>) => void,
  ): void {
    const next = structuredClone(this.effectiveProperties(object));
    applyNxPatches(next, patches, this.session.limits);
    check(next);
    this.softPatched.set(objectId(object), next);
    this.invalidateObject(objectId(object));
  }

  /** Drops an object's soft patches. */
  clearSoftPatches(object: StoredObject): void {
    if (this.softPatched.delete(objectId(object))) this.invalidateObject(objectId(object));
  }

  /** Replaces an object's properties and its children's from a full property tree (children matched by id, others created, missing ones destroyed). */
  setFullPropertyTree(object: StoredObject, entry: Record<string, unknown>): void {
    const properties = entry.qProperty;
    if (typeof properties !== 'object' || properties === null) {
      throw new LocError(
        'LOCERR_GENERIC_INVALID_PARAMETERS',
        'qPropEntry.qProperty must be an object',
        { parameter: 'qPropEntry' },
      );
    }
    this.setObjectProperties(object, properties as Record<string, unknown>);
    const id = objectId(object);
    const wanted = Array.isArray(entry.qChildren)
      ? (entry.qChildren as Record<string, unknown>[])
      : [];
    const keep = new Set<string>();
    for (const childEntry of wanted) {
      const childProps = (childEntry.qProperty ?? {}) as Record<string, unknown>;
      const childId = (childProps.qInfo as { qId?: string } | undefined)?.qId;
      const existing = childId
        ? this.childrenOf(id).find((child) => objectId(child) === childId)
        : undefined;
      const child =
        existing ??
        (this.isSessionObject(object)
          ? this.createSessionObject('GenericObject', childProps, id)
          : this.app.createObject('GenericObject', childProps, id));
      keep.add(objectId(child));
      this.setFullPropertyTree(child, childEntry);
    }
    for (const child of this.childrenOf(id)) {
      if (keep.has(objectId(child))) continue;
      if (this.isSessionObject(child)) this.destroySessionObject(objectId(child));
      else this.app.destroyObject(objectId(child));
    }
  }

  /** The layout of an object of any property-tree class. */
  layoutOf(object: StoredObject, type: StoredObjectType): Record<string, unknown> {
    const properties = this.effectiveProperties(object);
    const id = objectId(object);
    switch (type) {
      case 'GenericObject': {
        const layout = computeLayout(properties, this.data.layoutContext(object));
        layout.qHasSoftPatches = this.softPatched.size > 0 && this.softPatched.has(id);
        layout.qMeta = layoutMeta(layout.qMeta as Record<string, unknown>, object);
        return layout;
      }
      case 'GenericDimension':
        return {
          ...structuredClone(properties),
          qMeta: metaOf(object),
          qDimInfos: this.data.dimensionInfos(properties),
        };
      case 'GenericMeasure':
        return { ...structuredClone(properties), qMeta: metaOf(object) };
      case 'GenericBookmark':
        return {
          ...structuredClone(properties),
          qMeta: metaOf(object),
          qBookmark: this.data.bookmarkLayout(object),
          qFieldInfos: this.data.bookmarkFieldInfos(object),
        };
      case 'GenericVariable': {
        const definition = String(properties.qDefinition ?? '');
        return {
          ...structuredClone(properties),
          qMeta: metaOf(object),
          ...this.data.variableValue(definition),
          qIsScriptCreated: object.scriptCreated === true,
        };
      }
    }
  }

  /** Script, stored and session variables, for variable lists. */
  variableItems(showReserved: boolean, showConfig: boolean): VariableItem[] {
    return variableItems(this.objectsOfType('GenericVariable'), showReserved, showConfig);
  }

  /** Sets a variable's definition (SetStringValue and friends) and tells every view of it. */
  setVariableDefinition(variable: StoredObject, definition: string): void {
    this.setObjectProperties(variable, { ...variable.properties, qDefinition: definition });
  }

  /** After a variable or master item was created, changed or destroyed: expressions that use it are stale. */
  variablesChanged(): void {
    this.data.selectionsChanged();
    this.invalidateData();
  }

  /** Restores a bookmark's selections; false when it has none stored. */
  applyBookmark(bookmark: StoredObject): boolean {
    const applied = this.data.applyBookmark(bookmark);
    if (applied) this.invalidateData();
    return applied;
  }

  /** Names of the selection states, `$` first. */
  stateNames(): string[] {
    return this.data.stateNames();
  }

  /** NxLocaleInfo from the script's format variables. */
  localeInfo(): LocaleInfo {
    return this.data.localeInfo();
  }

  /** Ends a modal selection: keep (accept) or roll back the selections made in it. */
  endModal(accept: boolean): void {
    if (this.data.endModal(accept)) this.invalidateData();
  }

  /** Script errors found without running it; `$(Include=...)` reads the app's data files. */
  checkScriptSyntax(): Promise<ScriptSyntaxError[]> {
    return checkScript(this.app.document.script, this.app.filesDir);
  }

  /** Runs the load script; true when it succeeded. Progress goes to GetProgress under `requestId`. */
  async reload(
    requestId: string,
    signal: AbortSignal,
    options: ReloadOptions = {},
  ): Promise<boolean> {
    if (this.reloading)
      throw new LocError(
        'LOCERR_RELOAD_IN_PROGRESS',
        'A reload is already running in this session',
      );
    const progress = new ReloadProgress();
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    this.reloads.set(requestId, progress);
    this.reloading = progress;
    this.lastReload = progress;
    this.reloadController = controller;
    try {
      const ok = await reloadApp(this.app, progress, controller.signal, options);
      // The request itself was aborted (AbortRequest, AbortAll, CancelRequest): it answers LOCERR_GENERIC_ABORTED.
      // CancelReload stops only the reload, which then answers false.
      if (!ok && signal.aborted)
        throw new LocError('LOCERR_GENERIC_ABORTED', 'The reload request was aborted');
      return ok;
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.reloading = null;
      this.reloadController = null;
    }
  }

  /** A stored or session object by id and class. */
  getObject(id: string, type: StoredObjectType): StoredObject {
    const sessionObject = this.sessionObjects.get(id);
    if (sessionObject && sessionObject.type === type) return sessionObject;
    return this.app.getObject(id, type);
  }

  /** A stored or session object by id, or undefined. */
  findObject(id: string): StoredObject | undefined {
    return this.sessionObjects.get(id) ?? this.app.findObject(id);
  }

  /** Whether an object is a session object. */
  isSessionObject(object: StoredObject): boolean {
    return this.sessionObjects.get(objectId(object)) === object;
  }

  /** Creates a session object (lives in this session only). */
  createSessionObject(
    type: StoredObjectType,
    properties: Record<string, unknown>,
    parentId?: string,
  ): StoredObject {
    const props = withInfo(structuredClone(properties), type);
    const id = objectId({ type, properties: props, createdDate: '', modifiedDate: '' });
    if (this.findObject(id))
      throw new LocError('LOCERR_GENERIC_ALREADY_EXISTS', `Object already exists: ${id}`, {
        parameter: id,
      });
    const now = new Date().toISOString();
    const object: StoredObject = { type, properties: props, createdDate: now, modifiedDate: now };
    if (parentId !== undefined) object.parentId = parentId;
    this.sessionObjects.set(id, object);
    return object;
  }

  /** Destroys a session object and its session children; returns the ids. */
  destroySessionObject(id: string): string[] {
    if (!this.sessionObjects.has(id)) return [];
    const ids = [id];
    for (let i = 0; i < ids.length; i++) {
      for (const [childId, child] of this.sessionObjects)
        if (child.parentId === ids[i]) ids.push(childId);
    }
    for (const each of ids) this.sessionObjects.delete(each);
    this.session.closeHandles((entry) => ids.includes(entry.genericId) && entry.type !== 'Doc');
    return ids;
  }

  /** Session and stored objects of a class. */
  objectsOfType(type: StoredObjectType): StoredObject[] {
    const session = [...this.sessionObjects.values()].filter((object) => object.type === type);
    return [...this.app.objectsOfType(type), ...session];
  }

  /** Children of an object (stored or session). */
  childrenOf(id: string): StoredObject[] {
    const session = [...this.sessionObjects.values()].filter((object) => object.parentId === id);
    return [...this.app.childrenOf(id), ...session];
  }

  /** Replaces a session or stored object's properties, and invalidates its handle. */
  setObjectProperties(object: StoredObject, properties: Record<string, unknown>): void {
    this.softPatched.delete(objectId(object));
    if (this.isSessionObject(object)) {
      replaceProperties(object, properties);
      this.invalidateObject(objectId(object));
    } else {
      this.app.setObjectProperties(object, properties);
    }
    if (definesExpressions(object)) this.variablesChanged();
  }

  /** Publishes or approves a stored or session object, or takes that back. */
  setObjectStatus(object: StoredObject, status: ObjectStatus): void {
    if (this.isSessionObject(object)) {
      applyStatus(object, status);
      this.invalidateObject(objectId(object));
    } else {
      this.app.setObjectStatus(object, status);
    }
  }

  /** Marks every data-dependent handle of this session changed (after a selection or a reload). */
  invalidateData(): void {
    this.session.invalidate(showsData);
  }

  /** Marks one object's handle (and its parent's, whose child list shows it) changed. */
  invalidateObject(id: string): void {
    const parentId = this.findObject(id)?.parentId;
    this.session.invalidate(
      (entry) => entry.genericId === id || (parentId !== undefined && entry.genericId === parentId),
    );
  }

  /** Asks the reload under way, if any, to stop. */
  cancelReload(reason: string): void {
    this.reloadController?.abort(new Error(reason));
  }

  /** Leaves the app: stops listening to it. */
  dispose(): void {
    this.unsubscribe();
    this.close();
    this.cancelReload('The session ended');
  }

  private onAppEvent(event: AppEvent): void {
    switch (event.kind) {
      case 'object-changed':
        this.invalidateObject(event.id);
        // Another session changed a stored variable or master item: charts here that use it are stale.
        if (definesExpressions(this.app.findObject(event.id))) this.variablesChanged();
        break;
      case 'objects-destroyed':
        this.session.closeHandles(
          (entry) => entry.type !== 'Doc' && event.ids.includes(entry.genericId),
        );
        // A destroyed object may have been a variable that computed results expanded.
        this.data.selectionsChanged();
        break;
      case 'data-changed':
        this.data.onDataChanged();
        this.invalidateData();
        break;
      case 'app-changed':
        this.invalidateData();
        break;
    }
    this.session.flushNotifications();
  }
}

/** Whether charts compute with an object: variables they expand, master items they name by qLibraryId. */
function definesExpressions(object: StoredObject | undefined): boolean {
  return (
    object?.type === 'GenericVariable' ||
    object?.type === 'GenericDimension' ||
    object?.type === 'GenericMeasure'
  );
}

/** Whether a handle's layout shows the data (every handle but Global and Field): a selection changes it. */
function showsData(entry: { readonly type: string }): boolean {
  return entry.type !== 'Global' && entry.type !== 'Field';
}
