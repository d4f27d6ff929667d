import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LocError } from '../errors/LocError.js';
import { dataDirFiles } from '../io/DataFiles.js';
import { ResultCache } from './ResultCache.js';
import { ConnectionStore } from '../io/sql/ConnectionStore.js';
import { App } from './App.js';
import type { AppDocument } from './AppDocument.js';
import type { DataFiles } from '../io/DataFiles.js';
import { AppVersions, assertAppId } from './AppVersions.js';
import { AppCacheTime, DEFAULT_APP_CACHE_SECONDS } from './AppCacheTime.js';
import { AppWrites } from './AppWrites.js';
import { adoptAppFiles, versionFilesOf, type SavedFile } from './adoptAppFiles.js';
import { documentAs, newDocument } from './appDocuments.js';

/** How an AppStore is set up beyond its directory. */
export interface AppStoreOptions {
  /**
   * Where each app's script paths (`lib://...`) lead, when not every app reads
   * the store's one `files/` directory: a tenant gives each app its space's
   * data files.
   */
  readonly dataFiles?: (app: App) => DataFiles;
  /**
   * How long an app whose reloaded data was never saved stays loaded after
   * its last session ends (Qlik's "App cache time"; default 28,800 s as in
   * Qlik). Other apps are unloaded at once: reading them again loses nothing.
   */
  readonly appCacheSeconds?: number;
}

/**
 * The apps of an engine: saved on disk (see AppVersions) and loaded in memory
 * while sessions, or work under way, hold them.
 */
export class AppStore {
  /** Where apps live. */
  readonly appsDir: string;
  /** Where `lib://DataFiles/...` points. */
  readonly filesDir: string;
  private readonly versions: AppVersions;
  private connectionStore: ConnectionStore | undefined;
  private readonly open = new Map<string, App>();
  /** Apps with unsaved data that no session holds, until their cache time ends. */
  private readonly cacheTime: AppCacheTime;
  private readonly writes = new AppWrites();
  /** Charts computed by one session and shared with the others, for every app of the store. */
  readonly results = new ResultCache();

  constructor(
    readonly dataDir: string,
    private readonly options: AppStoreOptions = {},
  ) {
    this.appsDir = join(dataDir, 'apps');
    this.versions = new AppVersions(this.appsDir);
    this.cacheTime = new AppCacheTime(options.appCacheSeconds ?? DEFAULT_APP_CACHE_SECONDS);
    this.filesDir = join(dataDir, 'files');
  }

  /** The data files an app's script reads and writes, when the store's owner maps them (else `filesDir`). */
  dataFilesOf(app: App): DataFiles | undefined {
    return this.options.dataFiles?.(app);
  }

  /** Creates the directories when missing, and clears what saves cut short (a crash) left behind. */
  async init(): Promise<void> {
    await mkdir(this.appsDir, { recursive: true });
    await this.versions.removeUnfinished();
    await mkdir(this.filesDir, { recursive: true });
    this.connectionStore = await ConnectionStore.open(
      join(this.dataDir, 'connections.json'),
      dataDirFiles(this.filesDir),
    );
  }

  /** The engine's data connections, shared by its apps (kept in `connections.json`). */
  get connections(): ConnectionStore {
    if (!this.connectionStore) throw new Error('AppStore.init() has not run');
    return this.connectionStore;
  }

  /** The saved documents of every app, for GetDocList. */
  async list(): Promise<AppDocument[]> {
    const ids = await readdir(this.appsDir).catch(() => [] as string[]);
    const documents: AppDocument[] = [];
    for (const id of ids.sort()) {
      const live = this.open.get(id);
      if (live) {
        documents.push(live.document);
        continue;
      }
      // An app not loaded is listed from its document alone: its data stays on disk.
      const document = await this.versions.readDocument(id).catch(() => null);
      if (document) documents.push(document);
    }
    return documents;
  }

  /** Whether an app exists on disk or in memory. */
  async exists(id: string): Promise<boolean> {
    if (this.open.has(id)) return true;
    return (await this.versions.current(id)) !== null;
  }

  /** Bytes the app's saved version takes on disk; 0 for an app never saved. */
  async fileSize(id: string): Promise<number> {
    const version = await this.versions.current(id);
    if (version === null) return 0;
    const dir = this.versions.dir(id, version);
    let total = 0;
    for (const name of await readdir(dir).catch(() => [] as string[]))
      total += (await stat(join(dir, name)).catch(() => ({ size: 0 }))).size;
    return total;
  }

  /** How many different users have the app open now (0 when it is not loaded). */
  connectedUsers(id: string): number {
    return this.open.get(id)?.connectedUsers ?? 0;
  }

  /** Creates and saves an empty app; its id is a fresh UUID unless given. */
  async create(title: string, id: string = randomUUID()): Promise<App> {
    assertAppId(id);
    if (await this.exists(id))
      throw new LocError('LOCERR_APP_ALREADY_EXISTS', `App already exists: ${id}`, {
        parameter: id,
      });
    const app = new App(newDocument(id, title), [], this, false);
    await this.save(app);
    this.loaded(app);
    return app;
  }

  /**
   * Saves a copy of an app (document, objects and data) under a new id and
   * title; with `replace`, as a new version of an existing app instead (a
   * republish), swapped in atomically like any save.
   */
  async copy(
    sourceId: string,
    targetId: string,
    title: string,
    options: { replace?: boolean } = {},
  ): Promise<App> {
    assertAppId(targetId);
    const exists = await this.exists(targetId);
    if (exists && !options.replace)
      throw new LocError('LOCERR_APP_ALREADY_EXISTS', `App already exists: ${targetId}`, {
        parameter: targetId,
      });
    if (!exists && options.replace)
      throw new LocError('LOCERR_APP_NOT_FOUND', `App not found: ${targetId}`, {
        parameter: targetId,
      });
    const { document, tables, sectionAccess } = (await this.get(sourceId)).snapshot();
    const copy = documentAs(document, targetId, title);
    const app = new App(copy, tables, this, false, sectionAccess);
    await this.save(app);
    this.loaded(app);
    return app;
  }

  /** The files of an app's saved version (after any save under way), to copy it elsewhere as it is on disk. */
  async savedFiles(id: string): Promise<SavedFile[]> {
    await this.flush();
    const version = await this.versions.current(id);
    if (version === null)
      throw new LocError('LOCERR_APP_NOT_FOUND', `App not found: ${id}`, { parameter: id });
    const versionDir = this.versions.dir(id, version);
    return (await readdir(versionDir))
      .sort()
      .map((name) => ({ name, path: join(versionDir, name) }));
  }

  /**
   * Makes files of a saved version written elsewhere (an import) a new app:
   * `app.json` is rewritten with the new id and title, the other files are
   * moved in (same file system), and the version becomes current by one
   * rename. Without `tables.json`/`tables.bin` the app has no data. Files that
   * do not read back as an app are refused with the app removed.
   */
  async adopt(id: string, title: string, files: readonly SavedFile[]): Promise<App> {
    assertAppId(id);
    if (await this.exists(id))
      throw new LocError('LOCERR_APP_ALREADY_EXISTS', `App already exists: ${id}`, {
        parameter: id,
      });
    const byName = versionFilesOf(id, files);
    try {
      await adoptAppFiles(this.versions, id, title, byName);
      return await this.get(id);
    } catch (error) {
      await rm(join(this.appsDir, id), { recursive: true, force: true });
      if (error instanceof LocError) throw error;
      throw new LocError('LOCERR_GENERIC_CORRUPT_DATA', 'The files do not read back as an app', {
        parameter: id,
        cause: error,
      });
    }
  }

  /**
   * A session app: lives in memory only, for as long as its session, and is
   * not listed here, so that no other session can open it by its id.
   */
  createSessionApp(id: string): App {
    return new App(newDocument(id, id), [], this, true);
  }

  /**
   * The app with this id, loaded from disk unless loaded already, and shared by
   * everyone who asks while it is loaded. Nothing keeps it loaded: the caller
   * opens it in a session or holds it (`use`) to keep it beyond the current
   * turn, else the store unloads it again.
   */
  async get(id: string): Promise<App> {
    const live = this.open.get(id);
    if (live) return live;
    // An unloaded app may still be on its way to disk: read what it wrote.
    await this.writes.pending(id);
    const loaded = this.open.get(id);
    if (loaded) return loaded;
    const snapshot = await this.versions.read(id);
    if (!snapshot)
      throw new LocError('LOCERR_APP_NOT_FOUND', `App not found: ${id}`, { parameter: id });
    const app =
      this.open.get(id) ??
      new App(snapshot.document, snapshot.tables, this, false, snapshot.sectionAccess);
    this.loaded(app);
    return app;
  }

  /** Runs `work` with the app held loaded, for work that uses it across awaits (a reload, say). */
  async use<T>(id: string, work: (app: App) => Promise<T> | T): Promise<T> {
    const app = await this.get(id);
    const release = app.hold();
    try {
      return await work(app);
    } finally {
      release();
    }
  }

  /** Whether an app is loaded in memory now (sessions hold it, or work under way does). */
  isLoaded(id: string): boolean {
    return this.open.has(id);
  }

  /**
   * Called when the last holder of an app lets go: unloads it, as Qlik's engine
   * unloads an app its last session has left (and forgets its shared results).
   * As Qlik's autosave at session end, what changed since the last save is
   * saved first, except the data (SaveObjects). An app whose data a reload
   * replaced without a save stays loaded for `appCacheSeconds`, as in Qlik
   * ("App cache time"), so that a session opening it meanwhile still finds
   * that data; unloading any other app loses nothing, so it goes at once.
   */
  unloadIdle(app: App): void {
    if (app.isSessionApp || app.isHeld || this.open.get(app.id) !== app) return;
    if (app.hasUnsavedChanges) {
      // Opened again while saving, it stays; changed again meanwhile, it is saved again. A save
      // that fails keeps the app loaded, so that its changes are not lost with it.
      void this.saveObjects(app).then(
        () => this.unloadIdle(app),
        () => undefined,
      );
      return;
    }
    if (!app.hasUnsavedData) return this.unload(app);
    this.cacheTime.start(app, () => {
      if (!app.isHeld && this.open.get(app.id) === app) this.unload(app);
    });
  }

  private unload(app: App): void {
    this.forget(app);
    app.dropModels();
  }

  /** Takes an app out of the loaded ones. */
  private forget(app: App): void {
    this.cacheTime.stop(app);
    if (this.open.get(app.id) === app) this.open.delete(app.id);
  }

  /** Registers a loaded app; unloads it after this turn unless someone holds it by then. */
  private loaded(app: App): void {
    this.open.set(app.id, app);
    setImmediate(() => {
      if (!app.isHeld) this.unloadIdle(app);
    });
  }

  /** Deletes an app from memory and disk. */
  async delete(id: string): Promise<void> {
    const live = this.open.get(id);
    if (!live && (await this.versions.current(id)) === null) {
      throw new LocError('LOCERR_APP_NOT_FOUND', `App not found: ${id}`, { parameter: id });
    }
    // Sessions that have it open keep their instance (and its models) until they end.
    if (live) this.forget(live);
    // A save under way would write the app's directory again after the removal.
    await this.writes.pending(id);
    await rm(join(this.appsDir, id), { recursive: true, force: true });
  }

  /** Writes the app as a new version and makes it current. */
  save(app: App): Promise<void> {
    if (app.isSessionApp) return Promise.resolve();
    const { snapshot, saved } = app.snapshotToSave(true);
    return this.writes.serially(app.id, () => this.versions.write(snapshot)).then(saved);
  }

  /**
   * SaveObjects: writes the app's objects and properties as a new version but
   * keeps the data model, script and reload state of the saved one (all of
   * the app when it was never saved).
   */
  saveObjects(app: App): Promise<void> {
    if (app.isSessionApp) return Promise.resolve();
    const { snapshot: current, saved: done } = app.snapshotToSave(false);
    const saving = this.writes.serially(app.id, async () => {
      const saved = await this.versions.read(app.id);
      if (!saved) return this.versions.write(current);
      return this.versions.write({
        ...saved,
        document: {
          ...saved.document,
          properties: current.document.properties,
          objects: current.document.objects,
          modifiedDate: current.document.modifiedDate,
        },
      });
    });
    return saving.then(done);
  }

  /** Waits for saves under way. */
  async flush(): Promise<void> {
    await this.writes.flush();
  }
}
