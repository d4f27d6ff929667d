import type { TenantContext } from '../services/TenantContext.js';
import { newId } from '../storage/newId.js';
import type { ReloadTaskRow } from '../storage/ReloadTasksTable.js';
import { nextOccurrence, parseRecurrence } from './recurrence.js';
import type { ReloadQueue } from './ReloadQueue.js';
import { fromWallTime } from './zonedTime.js';

/** Failed runs in a row after which a task is disabled, as Qlik Cloud does. */
const MAX_CONSECUTIVE_FAILURES = 5;
/** Longest sleep between checks, so a clock change is noticed. */
const MAX_SLEEP_MS = 60_000;

/** An instant from a task's date-time: with an offset or `Z` as is, without one as wall time in `timeZone`. */
export function taskInstant(value: string, timeZone: string): number {
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return Date.parse(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  return fromWallTime({ year, month, day, hour, minute, second }, timeZone);
}

/** When a task runs next after `after` (an instant), or null when its recurrence has ended. */
export function nextRun(
  task: Pick<ReloadTaskRow, 'recurrence' | 'startDateTime' | 'endDateTime' | 'timeZone'>,
  after: number,
): string | null {
  const start = taskInstant(task.startDateTime, task.timeZone);
  const rules = task.recurrence.map(parseRecurrence);
  // A task without recurrence runs once, at its start.
  const next =
    rules.length === 0
      ? start > after
        ? start
        : null
      : nextOccurrence(rules, start, task.timeZone, after);
  if (next === null) return null;
  if (task.endDateTime && next > taskInstant(task.endDateTime, task.timeZone)) return null;
  return new Date(next).toISOString();
}

/**
 * Runs reload tasks while the tenant runs: each due task queues a reload
 * (type `chronos`, as its owner) and is given its next run; a task whose
 * recurrence has ended is `Completed`, one whose reloads failed five times in
 * a row is disabled. A run that came due while the tenant was stopped runs
 * once at start-up.
 */
export class ReloadTaskScheduler {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly context: TenantContext,
    private readonly queue: ReloadQueue,
  ) {}

  /** Starts checking for due tasks. */
  start(): void {
    this.unsubscribe = this.context.events.subscribe((event) => {
      if (event.eventType === 'com.qlik.v1.app.reload.finished')
        this.afterReload(String(event.data.reloadId));
    });
    this.tick();
  }

  /** Re-plans after a task was created or changed. */
  reschedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const next = this.context.storage.reloadTasks.nextDue();
    const wait =
      next === undefined
        ? MAX_SLEEP_MS
        : Math.max(0, Math.min(MAX_SLEEP_MS, Date.parse(next) - Date.now()));
    this.timer = setTimeout(() => this.tick(), wait);
    this.timer.unref();
  }

  /** Stops the scheduler. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
  }

  private tick(): void {
    if (this.closed) return;
    const { storage } = this.context;
    const now = Date.now();
    for (const task of storage.reloadTasks.due(new Date(now).toISOString())) {
      const app = storage.apps.get(task.appId);
      storage.transaction(() => {
        if (app) {
          storage.reloads.create({
            id: newId(),
            appId: task.appId,
            userId: task.userId,
            type: 'chronos',
            partial: task.partial,
            variables: {},
            reloadTaskId: task.id,
          });
        }
        const next = nextRun(task, now);
        storage.reloadTasks.update(task.id, {
          lastExecutionTime: new Date(now).toISOString(),
          nextExecutionTime: next,
          state: next === null ? 'Completed' : task.state,
        });
      });
    }
    this.queue.pump();
    this.reschedule();
  }

  /** Disables a task whose last reloads all failed. */
  private afterReload(reloadId: string): void {
    const { storage } = this.context;
    const reload = storage.reloads.get(reloadId);
    if (!reload?.reloadTaskId || reload.status !== 'FAILED') return;
    const recent = storage.reloads.ofTask(reload.reloadTaskId, MAX_CONSECUTIVE_FAILURES);
    if (
      recent.length === MAX_CONSECUTIVE_FAILURES &&
      recent.every((row) => row.status === 'FAILED')
    ) {
      storage.reloadTasks.update(reload.reloadTaskId, {
        state: 'Disabled',
        disabledCode: 'CONSECUTIVE-FAILURES',
        log: `Disabled after ${MAX_CONSECUTIVE_FAILURES} failed reloads in a row; the last: ${reload.errorMessage ?? ''}`,
      });
    }
  }
}
