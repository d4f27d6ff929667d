import type { ConnectionStore } from '../io/sql/ConnectionStore.js';
import type { AccessUser } from '../model/applySectionAccess.js';
import { AccessReductions } from './AccessReductions.js';
import { DataModel } from '../model/DataModel.js';
import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import type { FieldTag } from '../model/FieldTag.js';
import type { LoadedTable } from '../model/LoadedTable.js';
import { LocError } from '../errors/LocError.js';
import type { AppDocument, AppSnapshot, StoredObject, StoredObjectType } from './AppDocument.js';
import type { AppStore } from './AppStore.js';
import type { BinarySource, ScriptComments } from '../script/ScriptOptions.js';
import type { ResultCache } from './ResultCache.js';
import type { DataFiles } from '../io/DataFiles.js';
import { AppHolders } from './AppHolders.js';
import { dateFieldTags } from './dateFieldTags.js';
import { formatSettingsOf } from './formatSettingsOf.js';
import { DEFAULT_FORMAT_SETTINGS } from '../value/FormatSettings.js';
import {
  applyStatus,
  objectId,
  objectIdOfProps,
  replaceProperties,
  withInfo,
  type ObjectStatus,
} from './storedObjects.js';
import { UnsavedChanges } from './UnsavedChanges.js';

const NO_COMMENTS: ScriptComments = { fields: {}, tables: {} };

/** What happened to an app, for the sessions that show it. */
export type AppEvent =
  | { readonly kind: 'object-changed'; readonly id: string }
  | { readonly kind: 'objects-destroyed'; readonly ids: readonly string[] }
  | { readonly kind: 'data-changed' }
  | { readonly kind: 'app-changed' };

/**
 * An app as every session shares it: its document (script, properties, stored
 * objects) and its data. Selections are not here: each session has its own.
 */
export class App {
  private readonly objects = new Map<string, StoredObject>();
  private readonly listeners = new Set<(event: AppEvent) => void>();
  /** Sessions and pieces of work that keep the app loaded; the store may unload it when they let go. */
  private readonly holders = new AppHolders(() => this.store.unloadIdle(this));
  private readonly unsaved = new UnsavedChanges();
  private model: DataModel | null = null;
  /** Each user's reduced data under SECTION ACCESS. */
  private readonly reductions = new AccessReductions((tables) => this.modelOf(tables));

  constructor(
    readonly document: AppDocument,
    private loadedTables: readonly LoadedTable[],
    private readonly store: AppStore,
    readonly isSessionApp: boolean,
    private accessTables: readonly LoadedTable[] = [],
  ) {
    for (const object of document.objects) this.objects.set(objectId(object), object);
  }

  get id(): string {
    return this.document.id;
  }

  /** The loaded tables, as the last reload left them. */
  get tables(): readonly LoadedTable[] {
    return this.loadedTables;
  }

  /** The associative model, built on first use after each reload. */
  get dataModel(): DataModel {
    this.model ??= this.modelOf(this.loadedTables);
    return this.model;
  }

  /** A model of (some of) the app's tables, with the date tags and the tags the script gave. */
  private modelOf(tables: readonly LoadedTable[]): DataModel {
    const tags: Record<string, FieldTag[]> = dateFieldTags(
      tables,
      formatSettingsOf(this.document.scriptVariables, DEFAULT_FORMAT_SETTINGS),
    );
    for (const [field, scriptTags] of Object.entries(this.document.fieldTags ?? {}))
      tags[field] = [...new Set([...(tags[field] ?? []), ...scriptTags])];
    return DataModel.fromTables(tables, {
      tags,
      numberFormats: this.document.fieldNumberFormats ?? {},
    });
  }

  /** The comments the last reload's script gave fields and tables. */
  get comments(): ScriptComments {
    return this.document.comments ?? NO_COMMENTS;
  }

  /** Whether the script loaded SECTION ACCESS tables, so each user sees reduced data. */
  get hasSectionAccess(): boolean {
    return this.accessTables.length > 0;
  }

  /** The SECTION ACCESS tables of the last reload. */
  get sectionAccess(): readonly LoadedTable[] {
    return this.accessTables;
  }

  /**
   * The tables a user may see under SECTION ACCESS (all of them when the app
   * has none), or null when no section access row admits the user.
   */
  tablesFor(user: AccessUser): readonly LoadedTable[] | null {
    if (!this.hasSectionAccess) return this.loadedTables;
    return this.reductions.tablesFor(user, this.loadedTables, this.accessTables);
  }

  /** The associative model of the data a user may see (see `tablesFor`). */
  dataModelFor(user: AccessUser): DataModel {
    if (!this.hasSectionAccess) return this.dataModel;
    return this.reductions.modelFor(user, this.loadedTables, this.accessTables);
  }

  /**
   * Another app's data for `BINARY source`: the source names the app by id,
   * bare or as a path or file name ending in it (`lib://Apps/<id>.qvf`).
   */
  async binarySource(source: string): Promise<BinarySource> {
    const id = /([^/\\[\]]+?)(?:\.qv[fw])?\]?$/i.exec(source.trim())?.[1] ?? source;
    if (id === this.id)
      throw new LocError('LOCERR_GENERIC_INVALID_PARAMETERS', 'BINARY cannot load the app itself', {
        parameter: id,
      });
    const other = await this.store.get(id);
    return { tables: other.tables, sectionAccess: other.sectionAccess };
  }

  /** Where this app's script paths lead, when the store maps them per app (else `filesDir` holds them all). */
  get dataFiles(): DataFiles | undefined {
    return this.store.dataFilesOf(this);
  }

  /** Where this app's `lib://DataFiles/` points. */
  get filesDir(): string {
    return this.store.filesDir;
  }

  /** Computed charts shared by the sessions (of every app of the store). */
  get results(): ResultCache {
    return this.store.results;
  }

  /** The data connections its script can `LIB CONNECT TO`. */
  get connections(): ConnectionStore {
    return this.store.connections;
  }

  /** Replaces the data after a reload and tells the sessions. */
  replaceData(
    tables: readonly LoadedTable[],
    variables: Record<string, string>,
    script: {
      readonly sectionAccess?: readonly LoadedTable[];
      readonly fieldTags?: Record<string, string[]>;
      readonly comments?: ScriptComments;
      readonly fieldNumberFormats?: Record<string, FieldNumberFormat>;
    } = {},
  ): void {
    this.unsaved.dataChanged();
    this.loadedTables = tables;
    this.accessTables = script.sectionAccess ?? [];
    this.document.fieldTags = script.fieldTags ?? {};
    this.document.comments = script.comments ?? NO_COMMENTS;
    this.document.fieldNumberFormats = script.fieldNumberFormats ?? {};
    this.dropModels();
    this.document.scriptVariables = variables;
    this.document.lastReloadTime = new Date().toISOString();
    this.document.properties.qLastReloadTime = this.document.lastReloadTime;
    this.touch();
    this.emit({ kind: 'data-changed' });
  }

  /** Drops the models built over the current data, and the results computed with them, which nobody asks for again. */
  dropModels(): void {
    this.store.results.forget([this.model, ...this.reductions.clear()]);
    this.model = null;
  }

  /** Sets the load script. */
  setScript(script: string): void {
    this.document.script = script;
    this.touch();
  }

  /** Marks these variables favorite, replacing the list (SetFavoriteVariables). */
  setFavoriteVariables(names: readonly string[]): void {
    this.document.favoriteVariables = [...new Set(names)];
    this.touch();
  }

  /** Sets the app properties (NxAppProperties). */
  setProperties(properties: Record<string, unknown>): void {
    this.document.properties = { ...structuredClone(properties) };
    this.touch();
    this.emit({ kind: 'app-changed' });
  }

  /** A stored object by id, or undefined. */
  findObject(id: string): StoredObject | undefined {
    return this.objects.get(id);
  }

  /** A stored object by id and class, or a not-found error. */
  getObject(id: string, type: StoredObjectType): StoredObject {
    const object = this.objects.get(id);
    if (!object || object.type !== type)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Object not found: ${id}`, { parameter: id });
    return object;
  }

  /** Every stored object of a class. */
  objectsOfType(type: StoredObjectType): StoredObject[] {
    return [...this.objects.values()].filter((object) => object.type === type);
  }

  /** The children of an object. */
  childrenOf(id: string): StoredObject[] {
    return [...this.objects.values()].filter((object) => object.parentId === id);
  }

  /** Stores a new object; its qInfo.qId is kept when given and free, else generated. */
  createObject(
    type: StoredObjectType,
    properties: Record<string, unknown>,
    parentId?: string,
  ): StoredObject {
    const props = withInfo(structuredClone(properties), type);
    const id = objectIdOfProps(props);
    if (this.objects.has(id))
      throw new LocError('LOCERR_GENERIC_ALREADY_EXISTS', `Object already exists: ${id}`, {
        parameter: id,
      });
    const now = new Date().toISOString();
    const object: StoredObject = { type, properties: props, createdDate: now, modifiedDate: now };
    if (parentId !== undefined) object.parentId = parentId;
    this.objects.set(id, object);
    this.syncDocument();
    return object;
  }

  /** Replaces an object's properties (its qInfo stays). */
  setObjectProperties(object: StoredObject, properties: Record<string, unknown>): void {
    replaceProperties(object, properties);
    this.syncDocument();
    this.emit({ kind: 'object-changed', id: objectId(object) });
  }

  /** Publishes or approves an object, or takes that back (Publish, UnPublish, Approve, UnApprove). */
  setObjectStatus(object: StoredObject, status: ObjectStatus): void {
    applyStatus(object, status);
    this.syncDocument();
    this.emit({ kind: 'object-changed', id: objectId(object) });
  }

  /** Destroys an object and its children; returns the ids destroyed. */
  destroyObject(id: string): string[] {
    if (!this.objects.has(id)) return [];
    const ids = [id];
    for (let i = 0; i < ids.length; i++) {
      for (const child of this.childrenOf(ids[i]!)) ids.push(objectId(child));
    }
    for (const each of ids) this.objects.delete(each);
    this.syncDocument();
    this.emit({ kind: 'objects-destroyed', ids });
    return ids;
  }

  /** Saves the app to disk (a no-op for session apps). */
  save(): Promise<void> {
    return this.store.save(this);
  }

  /** Saves the objects and properties only, keeping the saved data (SaveObjects; a no-op for session apps). */
  saveObjects(): Promise<void> {
    return this.store.saveObjects(this);
  }

  /** A consistent copy of the document and data, for saving. */
  snapshot(): AppSnapshot {
    return {
      document: structuredClone(this.document),
      tables: this.loadedTables,
      sectionAccess: this.accessTables,
    };
  }

  /** Counts a session of `userId` as having the app open, until the returned function runs. */
  openedBy(userId: string): () => void {
    return this.holders.openedBy(userId);
  }

  /** Keeps the app loaded until the returned function runs (see AppStore.use). */
  hold(): () => void {
    const release = this.holders.hold();
    return () => void release();
  }

  /** Whether a session or a piece of work holds the app loaded. */
  get isHeld(): boolean {
    return this.holders.any;
  }

  /** How many different users have the app open now. */
  get connectedUsers(): number {
    return this.holders.users;
  }

  /** Whether the document or data changed since the app was loaded or last saved. */
  get hasUnsavedChanges(): boolean {
    return this.unsaved.any;
  }

  /** Whether a reload replaced the data since the app was loaded or last saved with its data. */
  get hasUnsavedData(): boolean {
    return this.unsaved.data;
  }

  /**
   * Takes a snapshot to save; the returned function, called once the save is
   * written, counts the changes the snapshot holds as saved (not those made
   * while it was written), the data's only when the save writes the data.
   */
  snapshotToSave(withData: boolean): { snapshot: AppSnapshot; saved: () => void } {
    return { snapshot: this.snapshot(), saved: this.unsaved.savedAsNow(withData) };
  }

  /** Subscribes to the app's events; returns the unsubscribe function. */
  subscribe(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private syncDocument(): void {
    this.document.objects = [...this.objects.values()];
    this.touch();
  }

  private touch(): void {
    this.unsaved.changed();
    this.document.modifiedDate = new Date().toISOString();
  }
}
