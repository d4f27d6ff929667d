import type { Db } from './openDatabase.js';
import { now } from './newId.js';

/** A scheduled reload of an app. */
export interface ReloadTaskRow {
  readonly id: string;
  readonly appId: string;
  readonly userId: string;
  readonly state: 'Enabled' | 'Disabled' | 'Completed';
  readonly partial: boolean;
  readonly timeZone: string;
  /** `RRULE:` lines (RFC 5545). */
  readonly recurrence: readonly string[];
  readonly startDateTime: string;
  readonly endDateTime: string | null;
  readonly disabledCode:
    'MANUALLY' | 'CONSECUTIVE-FAILURES' | 'OWNER-DELETED' | 'OWNER-DISABLED' | null;
  readonly log: string;
  readonly lastExecutionTime: string | null;
  readonly nextExecutionTime: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface RawTask {
  id: string;
  app_id: string;
  user_id: string;
  state: ReloadTaskRow['state'];
  partial: number;
  time_zone: string;
  recurrence: string;
  start_date_time: string;
  end_date_time: string | null;
  disabled_code: ReloadTaskRow['disabledCode'];
  log: string;
  last_execution_time: string | null;
  next_execution_time: string | null;
  created_at: string;
  updated_at: string;
}

/** The reload_tasks table. */
export class ReloadTasksTable {
  constructor(private readonly db: Db) {}

  /** The task with this id. */
  get(id: string): ReloadTaskRow | undefined {
    const raw = this.db
      .prepare<[string], RawTask>('SELECT * FROM reload_tasks WHERE id = ?')
      .get(id);
    return raw && toRow(raw);
  }

  /** Tasks, optionally of one app, oldest first. */
  list(appId?: string): ReloadTaskRow[] {
    const rows = appId
      ? this.db
          .prepare<[string], RawTask>(
            'SELECT * FROM reload_tasks WHERE app_id = ? ORDER BY created_at, id',
          )
          .all(appId)
      : this.db.prepare<[], RawTask>('SELECT * FROM reload_tasks ORDER BY created_at, id').all();
    return rows.map(toRow);
  }

  /** Enabled tasks due at or before `at`. */
  due(at: string): ReloadTaskRow[] {
    return this.db
      .prepare<[string], RawTask>(
        "SELECT * FROM reload_tasks WHERE state = 'Enabled' AND next_execution_time IS NOT NULL AND next_execution_time <= ? ORDER BY next_execution_time",
      )
      .all(at)
      .map(toRow);
  }

  /** The earliest next execution of an enabled task. */
  nextDue(): string | undefined {
    return (
      this.db
        .prepare<[], { t: string | null }>(
          "SELECT min(next_execution_time) AS t FROM reload_tasks WHERE state = 'Enabled'",
        )
        .get()?.t ?? undefined
    );
  }

  /** Stores a task. */
  create(row: Omit<ReloadTaskRow, 'createdAt' | 'updatedAt'>): ReloadTaskRow {
    const time = now();
    const full: ReloadTaskRow = { ...row, createdAt: time, updatedAt: time };
    this.db
      .prepare(
        `INSERT INTO reload_tasks (id, app_id, user_id, state, partial, time_zone, recurrence, start_date_time,
           end_date_time, disabled_code, log, last_execution_time, next_execution_time, created_at, updated_at)
         VALUES (@id, @appId, @userId, @state, @partial, @timeZone, @recurrence, @startDateTime, @endDateTime,
           @disabledCode, @log, @lastExecutionTime, @nextExecutionTime, @createdAt, @updatedAt)`,
      )
      .run(raw(full));
    return full;
  }

  /** Replaces a task's fields. */
  update(
    id: string,
    changes: Partial<Omit<ReloadTaskRow, 'id' | 'createdAt' | 'updatedAt'>>,
  ): ReloadTaskRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: ReloadTaskRow = { ...current, ...changes, updatedAt: now() };
    this.db
      .prepare(
        `UPDATE reload_tasks SET app_id = @appId, user_id = @userId, state = @state, partial = @partial,
           time_zone = @timeZone, recurrence = @recurrence, start_date_time = @startDateTime,
           end_date_time = @endDateTime, disabled_code = @disabledCode, log = @log,
           last_execution_time = @lastExecutionTime, next_execution_time = @nextExecutionTime, updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run(raw(next));
    return next;
  }

  /** Deletes a task. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM reload_tasks WHERE id = ?').run(id).changes > 0;
  }

  /** Deletes an app's tasks. */
  deleteOfApp(appId: string): void {
    this.db.prepare('DELETE FROM reload_tasks WHERE app_id = ?').run(appId);
  }
}

function raw(row: ReloadTaskRow): Record<string, unknown> {
  return { ...row, partial: row.partial ? 1 : 0, recurrence: JSON.stringify(row.recurrence) };
}

function toRow(raw: RawTask): ReloadTaskRow {
  return {
    id: raw.id,
    appId: raw.app_id,
    userId: raw.user_id,
    state: raw.state,
    partial: raw.partial !== 0,
    timeZone: raw.time_zone,
    recurrence: JSON.parse(raw.recurrence) as string[],
    startDateTime: raw.start_date_time,
    endDateTime: raw.end_date_time,
    disabledCode: raw.disabled_code,
    log: raw.log,
    lastExecutionTime: raw.last_execution_time,
    nextExecutionTime: raw.next_execution_time,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}
