import { defineCommand, defineGroup } from '../../command/CommandSpec.js';
import { keyValues, positiveInteger } from '../../command/optionParsers.js';
import { CliError } from '../../errors/CliError.js';
import { formatRecord } from '../../output/formatRecord.js';
import { formatDuration } from '../app/reloadWithLog.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

const RELOAD_FIELDS = [
  'id',
  'appId',
  'status',
  'type',
  'partial',
  'creationTime',
  'startTime',
  'endTime',
  'errorMessage',
] as const;

const reloadCreate = defineCommand<{
  appId: string;
  partial?: boolean;
  variables?: Record<string, string>;
  weight?: number;
  wait?: boolean;
  interval: number;
}>({
  name: 'create',
  summary: 'Start a reload of an app through the reloads API',
  description:
    'Prints the queued reload. With --wait it follows the reload to its end, prints its log, result and duration, and exits with 1 when it failed.',
  examples: [
    'qlikit reload create --appId <app-id>',
    'qlikit reload create --appId <app-id> --partial --wait',
    'qlikit reload create --appId <app-id> --variables vYear=2024,vRegion=North --wait',
  ],
  options: [
    { flags: '--appId <id>', description: 'The app to reload (id or name)', required: true },
    { flags: '--partial', description: 'A partial reload' },
    {
      flags: '--variables <k=v,...>',
      description: 'Variables the load script starts with (repeatable)',
      parse: keyValues,
    },
    {
      flags: '--weight <n>',
      description: "The reload's weight: higher runs sooner among the tenant's queued reloads",
      parse: positiveInteger,
    },
    { flags: '--wait', description: 'Wait for the end, then print the log and the result' },
    {
      flags: '--interval <seconds>',
      description: 'Seconds between polls with --wait',
      defaultValue: '1',
      parse: positiveInteger,
    },
  ],
  async run({ options, out, signal, connection }) {
    const server = await connection();
    const { reloads } = await import('@qlikit/rest');
    const appId = await server.resolveAppId(options.appId);
    const reload = await reloads(await server.rest()).create({
      body: {
        appId,
        ...(options.partial ? { partial: true } : {}),
        ...(options.variables ? { variables: options.variables } : {}),
        ...(options.weight ? { weight: options.weight } : {}),
      },
    });
    if (!options.wait) {
      out.result(reload.details, () => `Reload ${reload.id} of ${appId} is ${reload.status}.`);
      return;
    }
    const started = Date.now();
    const interval = Number(options.interval) * 1000;
    await reload.wait({ intervalMs: interval, maxIntervalMs: interval, signal });
    if (reload.log && !out.json) out.info(reload.log);
    out.result(reload.details, () => {
      const color = reload.succeeded ? out.colors.green : out.colors.red;
      return `Reload ${reload.id} ${color(reload.status)} in ${formatDuration(Date.now() - started)}.`;
    });
    if (!reload.succeeded) {
      throw new CliError('RELOAD_FAILED', `Reload ${reload.id} ended ${reload.status}.`, {
        hint: '`qlikit reload get <id>` shows it again; `qlikit app reload --app <id>` runs it on the engine with the log as it comes.',
      });
    }
  },
});

const reloadGet = defineCommand({
  name: 'get <reloadId>',
  summary: 'Show a reload, with its log',
  examples: ['qlikit reload get <reload-id>', 'qlikit reload get <reload-id> --json'],
  async run({ args, out, connection }) {
    const reload = await (await (await connection()).rest()).reloads.get({ reloadId: args[0]! });
    out.result(
      reload,
      () => `${formatRecord(reload, RELOAD_FIELDS)}${reload.log ? `\n\n${reload.log}` : ''}`,
    );
  },
});

const reloadLs = defineCommand<{ appId: string; limit?: number }>({
  name: 'ls',
  summary: 'List the reloads of an app, newest first',
  examples: [
    'qlikit reload ls --appId <app-id>',
    'qlikit reload ls --appId <app-id> --limit 10 --json',
  ],
  options: [
    { flags: '--appId <id>', description: 'The app (id or name)', required: true },
    LIMIT_OPTION,
  ],
  async run({ options, out, connection }) {
    const server = await connection();
    const appId = await server.resolveAppId(options.appId);
    const list = (await server.rest()).reloads.list({ appId, limit: pageSize(options.limit) });
    out.table(await collectLimited(list, options.limit, out), [
      { header: 'ID', value: (reload) => reload.id },
      { header: 'APP', value: (reload) => reload.appId },
      { header: 'STATUS', value: (reload) => reload.status },
      { header: 'CREATED', value: (reload) => reload.creationTime },
      { header: 'ENDED', value: (reload) => reload.endTime },
    ]);
  },
});

export const reloadGroup = defineGroup({
  name: 'reload',
  summary: 'Reloads through the reloads API',
  examples: ['qlikit reload create --appId <app-id> --wait'],
  commands: [reloadCreate, reloadGet, reloadLs],
});
