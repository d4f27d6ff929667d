import { defineCommand, defineGroup } from '../../command/CommandSpec.js';
import { collect } from '../../command/optionParsers.js';
import { formatRecord } from '../../output/formatRecord.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

const TASK_FIELDS = [
  'id',
  'appId',
  'state',
  'partial',
  'recurrence',
  'timeZone',
  'startDateTime',
  'endDateTime',
  'userId',
] as const;

const taskLs = defineCommand<{ appId?: string; limit?: number }>({
  name: 'ls',
  summary: 'List reload tasks (schedules)',
  examples: ['qlikit reload-task ls', 'qlikit reload-task ls --appId <app-id> --json'],
  options: [
    { flags: '--appId <id>', description: 'Only the tasks of this app (id or name)' },
    LIMIT_OPTION,
  ],
  async run({ options, out, connection }) {
    const server = await connection();
    const appId = options.appId ? await server.resolveAppId(options.appId) : undefined;
    const tasks = (await server.rest()).reloadTasks.list({
      limit: pageSize(options.limit),
      ...(appId ? { appId } : {}),
    });
    out.table(await collectLimited(tasks, options.limit, out), [
      { header: 'ID', value: (task) => task.id },
      { header: 'APP', value: (task) => task.appId },
      { header: 'STATE', value: (task) => task.state },
      { header: 'RECURRENCE', value: (task) => (task.recurrence ?? []).join(' ') },
    ]);
  },
});

const taskGet = defineCommand({
  name: 'get <taskId>',
  summary: 'Show a reload task',
  examples: ['qlikit reload-task get <task-id>'],
  async run({ args, out, connection }) {
    const task = await (await (await connection()).rest()).reloadTasks.get({ taskId: args[0]! });
    out.result(task, () => formatRecord(task, TASK_FIELDS));
  },
});

interface TaskCreateOptions {
  readonly appId: string;
  readonly recurrence: string[];
  readonly timeZone?: string;
  readonly startDateTime?: string;
  readonly partial?: boolean;
  readonly quiet?: boolean;
}

const taskCreate = defineCommand<TaskCreateOptions>({
  name: 'create',
  summary: 'Schedule reloads of an app (RFC 5545 recurrence rules)',
  examples: [
    'qlikit reload-task create --appId <app-id> --recurrence "RRULE:FREQ=DAILY;BYHOUR=6;BYMINUTE=0;BYSECOND=0" --timeZone Europe/Stockholm',
  ],
  options: [
    { flags: '--appId <id>', description: 'The app to reload (id or name)', required: true },
    {
      flags: '--recurrence <rule>',
      description: 'An RRULE (repeatable)',
      parse: collect,
      required: true,
    },
    { flags: '--timeZone <zone>', description: 'IANA time zone of the rules (default UTC)' },
    {
      flags: '--startDateTime <time>',
      description: 'When the schedule starts (ISO 8601, local to --timeZone)',
    },
    { flags: '--partial', description: 'Partial reloads' },
    { flags: '-q, --quiet', description: 'Print only the new task id' },
  ],
  async run({ options, out, connection }) {
    const server = await connection();
    const appId = await server.resolveAppId(options.appId);
    const task = await (
      await server.rest()
    ).reloadTasks.create({
      body: {
        appId,
        recurrence: options.recurrence,
        timeZone: options.timeZone ?? 'UTC',
        ...(options.startDateTime ? { startDateTime: options.startDateTime } : {}),
        ...(options.partial ? { partial: true } : {}),
      },
    });
    if (options.quiet) out.line(task.id);
    else out.result(task, () => `Created reload task ${task.id} for ${appId}.`);
  },
});

const taskRm = defineCommand({
  name: 'rm <taskId>',
  summary: 'Delete a reload task',
  examples: ['qlikit reload-task rm <task-id>'],
  async run({ args, out, connection }) {
    await (await (await connection()).rest()).reloadTasks.delete({ taskId: args[0]! });
    out.result({ id: args[0], deleted: true }, () => `Deleted reload task ${args[0]}.`);
  },
});

export const reloadTaskGroup = defineGroup({
  name: 'reload-task',
  summary: 'Scheduled reloads',
  examples: ['qlikit reload-task ls --appId <app-id>'],
  commands: [taskLs, taskGet, taskCreate, taskRm],
});
