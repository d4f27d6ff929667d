import { ReloadProgress, reloadApp } from '@qlikit/engine';
import type { ReloadRow } from '../storage/ReloadsTable.js';
import type { TenantContext } from '../services/TenantContext.js';
import type { DataFileService } from '../services/data-files/DataFileService.js';

/** How reloads run. */
export interface ReloadQueueOptions {
  /** Reloads running at once, across apps (one per app at a time); 2 by default. */
  readonly concurrency?: number;
}

/**
 * Runs queued reloads on the engine: `QUEUED` → `RELOADING` →
 * `SUCCEEDED`/`FAILED`/`CANCELED`, oldest first, one per app at a time. A
 * reload that succeeds is saved (a new app version, swapped in atomically); a
 * failed or cancelled one leaves the app exactly as it was. The queue lives in
 * the database: reloads still queued at a restart run then, and a reload a
 * crash interrupted is marked failed (the app on disk is its last saved
 * version).
 */
export class ReloadQueue {
  private readonly concurrency: number;
  private readonly running = new Map<
    string,
    { appId: string; controller: AbortController; done: Promise<void> }
  >();
  private closed = false;

  constructor(
    private readonly context: TenantContext,
    private readonly files: DataFileService,
    options: ReloadQueueOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
  }

  /** Fails what a crash interrupted and starts what is queued. */
  start(): void {
    const { reloads } = this.context.storage;
    for (const row of reloads.withStatus('RELOADING', 'CANCELING')) {
      reloads.update(row.id, {
        status: row.status === 'CANCELING' ? 'CANCELED' : 'FAILED',
        endedAt: new Date().toISOString(),
        errorCode: row.status === 'CANCELING' ? null : 'RELOAD-INTERRUPTED',
        errorMessage:
          row.status === 'CANCELING'
            ? null
            : 'The tenant stopped during the reload; the app is unchanged',
      });
    }
    this.pump();
  }

  /** Picks up newly queued reloads. */
  pump(): void {
    if (this.closed) return;
    const busyApps = new Set([...this.running.values()].map((job) => job.appId));
    for (const row of this.context.storage.reloads.withStatus('QUEUED')) {
      if (this.running.size >= this.concurrency) return;
      if (busyApps.has(row.appId)) continue;
      busyApps.add(row.appId);
      this.launch(row);
    }
  }

  /** Cancels a reload: a queued one at once, a running one by aborting it (its data is discarded). */
  cancel(id: string): ReloadRow | undefined {
    const { reloads } = this.context.storage;
    const row = reloads.get(id);
    if (!row) return undefined;
    if (row.status === 'QUEUED')
      return reloads.update(id, { status: 'CANCELED', endedAt: new Date().toISOString() });
    if (row.status === 'RELOADING') {
      this.running.get(id)?.controller.abort();
      return reloads.update(id, { status: 'CANCELING' });
    }
    return row;
  }

  /** Reloads running now. */
  get active(): number {
    return this.running.size;
  }

  /** Stops taking reloads and aborts the running ones (they end as the restart would leave them). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.running.values()) job.controller.abort();
    await Promise.allSettled([...this.running.values()].map((job) => job.done));
  }

  private launch(row: ReloadRow): void {
    const controller = new AbortController();
    const done = this.run(row, controller.signal).finally(() => {
      this.running.delete(row.id);
      this.pump();
    });
    this.running.set(row.id, { appId: row.appId, controller, done });
  }

  private async run(row: ReloadRow, signal: AbortSignal): Promise<void> {
    const { storage, engineApps, events } = this.context;
    const started = new Date().toISOString();
    storage.reloads.update(row.id, { status: 'RELOADING', startedAt: started });
    const progress = new ReloadProgress();
    let succeeded = false;
    let errorMessage: string | null = null;
    try {
      // Held for the whole reload, so that a session opening the app meanwhile shares this instance.
      succeeded = await engineApps.use(row.appId, async (app) => {
        const done = await reloadApp(app, progress, signal, {
          partial: row.partial,
          variables: row.variables,
        });
        // A cancel that comes after the script finished is too late: the new data stands and is saved.
        if (done) await app.save();
        return done;
      });
      errorMessage = progress.error;
    } catch (error) {
      succeeded = false;
      errorMessage = error instanceof Error ? error.message : String(error);
    }
    const ended = new Date().toISOString();
    const ok = succeeded;
    const canceled = !ok && signal.aborted;
    const log = progress.text;
    storage.transaction(() => {
      storage.reloads.update(row.id, {
        status: ok ? 'SUCCEEDED' : canceled ? 'CANCELED' : 'FAILED',
        log,
        endedAt: ended,
        engineTime: ok ? ended : null,
        errorCode: ok || canceled ? null : 'RELOAD-FAILED',
        errorMessage: ok || canceled ? null : errorMessage,
      });
      if (ok) {
        storage.apps.update(row.appId, { lastReloadTime: ended });
        const item = storage.items.forResource('app', row.appId);
        if (item) storage.items.update(item.id, row.userId, { resourceUpdated: true });
      }
    });
    if (ok) await this.files.reconcile().catch(() => undefined);
    const app = storage.apps.get(row.appId);
    if (app && !canceled) {
      events.emit({
        eventType: 'com.qlik.v1.app.reload.finished',
        userId: row.userId,
        resourceId: row.appId,
        resourceType: 'app',
        ownerId: app.ownerId,
        ...(app.spaceId ? { spaceId: app.spaceId } : {}),
        data: {
          id: row.appId,
          reloadId: row.id,
          status: ok ? 'ok' : 'error',
          isPartialReload: row.partial,
          errors: ok ? [] : [errorMessage],
        },
      });
      if (ok)
        events.emit({
          eventType: 'com.qlik.v1.app.data.updated',
          userId: row.userId,
          resourceId: row.appId,
          resourceType: 'app',
          ownerId: app.ownerId,
          ...(app.spaceId ? { spaceId: app.spaceId } : {}),
          data: { id: row.appId, reloadId: row.id },
        });
    }
  }
}
