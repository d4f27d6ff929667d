import { defineCommand, defineGroup } from '../../command/CommandSpec.js';
import { collect } from '../../command/optionParsers.js';
import { usageError } from '../../errors/CliError.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

const webhookLs = defineCommand<{ limit?: number }>({
  name: 'ls',
  summary: 'List webhooks',
  examples: ['qlikit webhook ls', 'qlikit webhook ls --json'],
  options: [LIMIT_OPTION],
  async run({ options, out, connection }) {
    const hooks = (await (await connection()).rest()).webhooks.list({
      limit: pageSize(options.limit),
    });
    out.table(await collectLimited(hooks, options.limit, out), [
      { header: 'ID', value: (hook) => hook.id },
      { header: 'NAME', value: (hook) => hook.name },
      { header: 'URL', value: (hook) => hook.url },
      { header: 'ENABLED', value: (hook) => hook.enabled },
      { header: 'EVENTS', value: (hook) => (hook.eventTypes ?? []).join(', ') },
    ]);
  },
});

interface WebhookCreateOptions {
  readonly name: string;
  readonly url: string;
  readonly eventTypes?: string[];
  readonly description?: string;
  readonly secret?: string;
  readonly filter?: string;
  readonly level?: 'tenant' | 'user';
  readonly enabled?: boolean;
  readonly disabled?: boolean;
  readonly quiet?: boolean;
}

/** `--eventTypes a,b` (qlik-cli's list form) or repeated `--eventTypes a --eventTypes b`. */
function eventTypeList(value: string, previous: unknown): string[] {
  return value
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean)
    .reduce<string[]>((list, type) => collect(type, list), (previous as string[]) ?? []);
}

const webhookCreate = defineCommand<WebhookCreateOptions>({
  name: 'create',
  summary: 'Create a webhook: the tenant POSTs the events to a URL',
  examples: [
    'qlikit webhook create --name reloads --url https://example.com/hook --eventTypes com.qlik.v1.app.reload.finished',
    'qlikit webhook create --name failures --url https://example.com/hook --eventTypes com.qlik.v1.app.reload.finished --filter \'data.status eq "error"\' --level user',
  ],
  options: [
    { flags: '--name <name>', description: 'Name of the webhook', required: true },
    { flags: '--url <url>', description: 'Where the events are sent', required: true },
    {
      flags: '--eventTypes <types>',
      description: 'Event types to send, comma-separated (repeatable)',
      parse: eventTypeList,
    },
    { flags: '--description <text>', description: 'Description' },
    { flags: '--secret <secret>', description: 'Secret to sign the deliveries with' },
    {
      flags: '--filter <expression>',
      description:
        'Send only matching events (SCIM filter: id, spaceId, topLevelResourceId, data.status)',
    },
    {
      flags: '--level <level>',
      description: "All the tenant's resources, or those the creator can access",
      choices: ['tenant', 'user'],
    },
    { flags: '--enabled', description: 'Create it enabled (the default)' },
    { flags: '--disabled', description: 'Create it disabled' },
    { flags: '-q, --quiet', description: 'Print only the new webhook id' },
  ],
  async run({ options, out, connection }) {
    if (options.enabled && options.disabled)
      throw usageError('Give --enabled or --disabled, not both.');
    const hook = await (
      await (await connection()).rest()
    ).webhooks.create({
      body: {
        name: options.name,
        url: options.url,
        enabled: !options.disabled,
        ...(options.eventTypes ? { eventTypes: options.eventTypes } : {}),
        ...(options.description ? { description: options.description } : {}),
        ...(options.secret ? { secret: options.secret } : {}),
        ...(options.filter ? { filter: options.filter } : {}),
        ...(options.level ? { level: options.level } : {}),
      },
    });
    if (options.quiet) out.line(hook.id ?? '');
    else out.result(hook, () => `Created webhook ${hook.id} (${hook.name}).`);
  },
});

const webhookRm = defineCommand({
  name: 'rm <webhookId>',
  summary: 'Delete a webhook',
  examples: ['qlikit webhook rm <webhook-id>'],
  async run({ args, out, connection }) {
    await (await (await connection()).rest()).webhooks.delete({ id: args[0]! });
    out.result({ id: args[0], deleted: true }, () => `Deleted webhook ${args[0]}.`);
  },
});

export const webhookGroup = defineGroup({
  name: 'webhook',
  summary: 'Webhooks',
  examples: ['qlikit webhook ls'],
  commands: [webhookLs, webhookCreate, webhookRm],
});
