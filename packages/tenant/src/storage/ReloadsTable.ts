import type { Db } from './openDatabase.js';
import { encodeCursor } from './Cursor.js';
import { now } from './newId.js';
import { Where } from './Where.js';

/** Where a reload is: Qlik's statuses. */
export type ReloadStatus =
  'QUEUED' | 'RELOADING' | 'CANCELING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'EXCEEDED_LIMIT';

/** Who asked for a reload: `hub` (a user, through the API), `chronos` (a reload task). */
export type ReloadType = 'hub' | 'external' | 'chronos';

/** A reload: queued, running or finished, with its log. */
export interface ReloadRow {
  readonly id: string;
  readonly appId: string;
  readonly userId: string;
  readonly type: ReloadType;
  readonly status: ReloadStatus;
  readonly partial: boolean;
  readonly variables: Readonly<Record<string, string>>;
  readonly log: string;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly reloadTaskId: string | null;
  readonly engineTime: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
}

interface RawReload {
  id: string;
  app_id: string;
  user_id: string;
  type: ReloadType;
  status: ReloadStatus;
  partial: number;
  variables: string;
  log: string;
  error_code: string | null;
  error_message: string | null;
  reload_task_id: string | null;
  engine_time: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
}

/** The reloads table: the queue and its history. */
export class ReloadsTable {
  constructor(private readonly db: Db) {}

  /** The reload with this id. */
  get(id: string): ReloadRow | undefined {
    const raw = this.db.prepare<[string], RawReload>('SELECT * FROM reloads WHERE id = ?').get(id);
    return raw && toRow(raw);
  }

  /** Queues a reload. */
  create(
    row: Pick<
      ReloadRow,
      'id' | 'appId' | 'userId' | 'type' | 'partial' | 'variables' | 'reloadTaskId'
    >,
  ): ReloadRow {
    const full: ReloadRow = {
      ...row,
      status: 'QUEUED',
      log: '',
      errorCode: null,
      errorMessage: null,
      engineTime: null,
      createdAt: now(),
      startedAt: null,
      endedAt: null,
    };
    this.db
      .prepare(
        `INSERT INTO reloads (id, app_id, user_id, type, status, partial, variables, reload_task_id, created_at)
         VALUES (@id, @appId, @userId, @type, @status, @partial, @variables, @reloadTaskId, @createdAt)`,
      )
      .run({ ...full, partial: full.partial ? 1 : 0, variables: JSON.stringify(full.variables) });
    return full;
  }

  /** Changes a reload's state. */
  update(
    id: string,
    changes: Partial<
      Pick<
        ReloadRow,
        'status' | 'log' | 'errorCode' | 'errorMessage' | 'engineTime' | 'startedAt' | 'endedAt'
      >
    >,
  ): ReloadRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: ReloadRow = { ...current, ...changes };
    this.db
      .prepare(
        `UPDATE reloads SET status = @status, log = @log, error_code = @errorCode, error_message = @errorMessage,
         engine_time = @engineTime, started_at = @startedAt, ended_at = @endedAt WHERE id = @id`,
      )
      .run({ ...next, partial: next.partial ? 1 : 0, variables: JSON.stringify(next.variables) });
    return next;
  }

  /** Reloads in a status, oldest first. */
  withStatus(...statuses: ReloadStatus[]): ReloadRow[] {
    return this.db
      .prepare<[string], RawReload>(
        'SELECT * FROM reloads WHERE status IN (SELECT value FROM json_each(?)) ORDER BY created_at, id',
      )
      .all(JSON.stringify(statuses))
      .map(toRow);
  }

  /** One page of reloads (an app's, or every app's without appId), newest first unless `ascending`. */
  page(query: {
    readonly appId?: string;
    readonly limit: number;
    readonly ascending: boolean;
    readonly next?: string;
    readonly partial?: boolean;
    readonly status?: string;
  }): { rows: ReloadRow[]; next?: string } {
    const where = new Where()
      .when('appId', query.appId, 'app_id = @appId')
      .when('partial', query.partial, 'partial = @partial')
      .when('status', query.status, 'status = @status');
    where.after('created_at', query.next || undefined, !query.ascending);
    where.bind('limit', query.limit + 1);
    const order = query.ascending ? 'ASC' : 'DESC';
    const rows = this.db
      .prepare<Record<string, unknown>, RawReload>(
        `SELECT * FROM reloads ${where} ORDER BY created_at ${order}, id ${order} LIMIT @limit`,
      )
      .all(where.params)
      .map(toRow);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return rows.length > query.limit && last
      ? { rows: page, next: encodeCursor({ value: last.createdAt, id: last.id }) }
      : { rows: page };
  }

  /** The latest finished reloads of a task, newest first. */
  ofTask(taskId: string, limit: number): ReloadRow[] {
    return this.db
      .prepare<[string, number], RawReload>(
        "SELECT * FROM reloads WHERE reload_task_id = ? AND status IN ('SUCCEEDED', 'FAILED') ORDER BY created_at DESC, id DESC LIMIT ?",
      )
      .all(taskId, limit)
      .map(toRow);
  }

  /** Deletes an app's reloads. */
  deleteOfApp(appId: string): void {
    this.db.prepare('DELETE FROM reloads WHERE app_id = ?').run(appId);
  }
}

function toRow(raw: RawReload): ReloadRow {
  return {
    id: raw.id,
    appId: raw.app_id,
    userId: raw.user_id,
    type: raw.type,
    status: raw.status,
    partial: raw.partial !== 0,
    variables: JSON.parse(raw.variables) as Record<string, string>,
    log: raw.log,
    errorCode: raw.error_code,
    errorMessage: raw.error_message,
    reloadTaskId: raw.reload_task_id,
    engineTime: raw.engine_time,
    createdAt: raw.created_at,
    startedAt: raw.started_at,
    endedAt: raw.ended_at,
  };
}
