import type { Task } from '@qlikit/rest/services/reload-tasks';
import { nextRun, taskInstant, type ReloadTaskScheduler } from '../../jobs/ReloadTaskScheduler.js';
import { parseRecurrence, RecurrenceError } from '../../jobs/recurrence.js';
import { isTimeZone } from '../../jobs/zonedTime.js';
import { ApiError } from '../../server/ApiError.js';
import type { AuthenticatedCall, RouteTable } from '../../routes/RouteTable.js';
import { newId } from '../../storage/newId.js';
import type { ReloadTaskRow } from '../../storage/ReloadTasksTable.js';
import type { AppService } from '../apps/AppService.js';
import { cursorLinks, link } from '../links.js';
import { pageArray } from '../pageArray.js';
import type { TenantContext } from '../TenantContext.js';

/** The schedule fields of a task, checked: time zone, RRULE lines, start and end. */
function checkedSchedule(body: {
  timeZone?: string;
  recurrence?: string[];
  startDateTime?: string;
  endDateTime?: string;
}): Pick<ReloadTaskRow, 'timeZone' | 'recurrence' | 'startDateTime' | 'endDateTime'> {
  const timeZone = body.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone))
    throw ApiError.badRequest(`Unknown time zone ${timeZone}`, 'RELOAD-TASKS-400');
  const recurrence = body.recurrence ?? [];
  try {
    recurrence.forEach(parseRecurrence);
  } catch (error) {
    if (error instanceof RecurrenceError)
      throw ApiError.badRequest(error.message, 'RELOAD-TASKS-400');
    throw error;
  }
  const startDateTime = body.startDateTime ?? new Date().toISOString();
  if (Number.isNaN(taskInstant(startDateTime, timeZone)))
    throw ApiError.badRequest(`Bad startDateTime ${startDateTime}`, 'RELOAD-TASKS-400');
  const endDateTime = body.endDateTime ?? null;
  if (endDateTime !== null && Number.isNaN(taskInstant(endDateTime, timeZone)))
    throw ApiError.badRequest(`Bad endDateTime ${endDateTime}`, 'RELOAD-TASKS-400');
  return { timeZone, recurrence, startDateTime, endDateTime };
}

/** The reload-tasks service: scheduled reloads with RFC 5545 recurrence, run by the tenant while it runs. */
export function reloadTasksRoutes(
  routes: RouteTable,
  context: TenantContext,
  apps: AppService,
  scheduler: ReloadTaskScheduler,
): void {
  const { storage, tenantId } = context;

  const show = (task: ReloadTaskRow, call: AuthenticatedCall): Task => {
    const app = storage.apps.get(task.appId);
    const body: Task = {
      id: task.id,
      appId: task.appId,
      userId: task.userId,
      tenantId,
      state: task.state,
      partial: task.partial,
      timeZone: task.timeZone,
      recurrence: [...task.recurrence],
      startDateTime: task.startDateTime,
      autoReload: false,
      autoReloadPartial: false,
      log: task.log,
      links: { self: link(call, `/api/v1/reload-tasks/${task.id}`) },
    };
    if (task.endDateTime) body.endDateTime = task.endDateTime;
    if (app?.spaceId) body.spaceId = app.spaceId;
    if (task.lastExecutionTime) body.lastExecutionTime = task.lastExecutionTime;
    if (task.nextExecutionTime) body.nextExecutionTime = task.nextExecutionTime;
    if (task.disabledCode) body.disabledCode = task.disabledCode;
    return body;
  };
  const visible = (
    id: string,
    call: AuthenticatedCall,
    privilege: 'read' | 'reload',
  ): ReloadTaskRow => {
    const task = storage.reloadTasks.get(id);
    if (!task || !storage.apps.get(task.appId))
      throw ApiError.notFound(`Reload task ${id} not found`, 'RELOAD-TASKS-404');
    apps.authorized(call.principal, task.appId, privilege);
    return task;
  };

  routes.add('reload-tasks.listReloadTasks', (args, call) => {
    const tasks = storage.reloadTasks
      .list(args.appId)
      .filter((task) => args.partial === undefined || task.partial === args.partial)
      .filter((task) => {
        const app = storage.apps.get(task.appId);
        return (
          app !== undefined && context.policy.appPrivileges(call.principal, app).includes('read')
        );
      });
    const page = pageArray(tasks, args.limit ?? 10, args.next, args.prev);
    return { data: page.items.map((task) => show(task, call)), links: cursorLinks(call, page) };
  });

  routes.add('reload-tasks.createReloadTask', ({ body }, call) => {
    if (!body.appId) throw ApiError.badRequest('appId is required', 'RELOAD-TASKS-400');
    if (body.autoReload)
      throw ApiError.badRequest(
        'autoReload (reload on upstream data change) is not supported',
        'RELOAD-TASKS-400',
      );
    const app = apps.authorized(call.principal, body.appId, 'reload');
    const schedule = checkedSchedule(body);
    const task = storage.reloadTasks.create({
      id: newId(),
      appId: app.id,
      userId: call.principal.user.id,
      state: 'Enabled',
      partial: body.partial ?? false,
      ...schedule,
      disabledCode: null,
      log: '',
      lastExecutionTime: null,
      nextExecutionTime: nextRun(schedule, Date.now()),
    });
    scheduler.reschedule();
    return call.reply.code(201).send(show(task, call));
  });

  routes.add('reload-tasks.getReloadTask', ({ taskId }, call) =>
    show(visible(taskId, call, 'read'), call),
  );

  routes.add('reload-tasks.updateReloadTask', ({ taskId, body }, call) => {
    const task = visible(taskId, call, 'reload');
    if (body.autoReload)
      throw ApiError.badRequest(
        'autoReload (reload on upstream data change) is not supported',
        'RELOAD-TASKS-400',
      );
    const schedule = checkedSchedule({
      timeZone: body.timeZone ?? task.timeZone,
      recurrence: body.recurrence ?? [...task.recurrence],
      startDateTime: body.startDateTime ?? task.startDateTime,
      endDateTime: body.endDateTime ?? task.endDateTime ?? undefined,
    });
    const state = body.state ?? task.state;
    const updated = storage.reloadTasks.update(taskId, {
      ...schedule,
      partial: body.partial ?? task.partial,
      state,
      disabledCode: state === 'Disabled' ? (task.disabledCode ?? 'MANUALLY') : null,
      nextExecutionTime:
        state === 'Enabled' ? nextRun(schedule, Date.now()) : task.nextExecutionTime,
    })!;
    scheduler.reschedule();
    return show(updated, call);
  });

  routes.add('reload-tasks.deleteReloadTask', ({ taskId }, call) => {
    visible(taskId, call, 'reload');
    storage.reloadTasks.delete(taskId);
    scheduler.reschedule();
    return undefined;
  });
}
