import { defineCommand, defineGroup } from '../../command/CommandSpec.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

const apiKeyLs = defineCommand<{ limit?: number; sub?: string }>({
  name: 'ls',
  summary: 'List API keys (yours; a tenant admin sees everyone’s)',
  examples: ['qlikit api-key ls', 'qlikit api-key ls --json'],
  options: [LIMIT_OPTION, { flags: '--sub <userId>', description: 'Only the keys of this user' }],
  async run({ options, out, connection }) {
    const keys = (await (await connection()).rest()).apiKeys.list({
      limit: pageSize(options.limit),
      ...(options.sub ? { sub: options.sub } : {}),
    });
    out.table(await collectLimited(keys, options.limit, out), [
      { header: 'ID', value: (key) => key.id },
      { header: 'DESCRIPTION', value: (key) => key.description },
      { header: 'SUB', value: (key) => key.sub },
      { header: 'STATUS', value: (key) => key.status },
      { header: 'EXPIRY', value: (key) => key.expiry },
    ]);
  },
});

const apiKeyCreate = defineCommand<{
  description: string;
  expiry?: string;
  sub?: string;
  quiet?: boolean;
}>({
  name: 'create',
  summary: 'Create an API key; the key itself is shown once',
  examples: [
    'qlikit api-key create --description "CI" --expiry P30D',
    'qlikit api-key create --description ci -q > key.txt',
  ],
  options: [
    { flags: '--description <text>', description: 'What the key is for', required: true },
    {
      flags: '--expiry <duration>',
      description: 'ISO 8601 duration, e.g. P30D (default: the tenant maximum)',
    },
    {
      flags: '--sub <userId>',
      description: 'The user the key acts as (admins only; default: you)',
    },
    { flags: '-q, --quiet', description: 'Print only the key' },
  ],
  async run({ options, out, connection }) {
    const key = await (
      await (await connection()).rest()
    ).apiKeys.create({
      body: {
        description: options.description,
        ...(options.expiry ? { expiry: options.expiry } : {}),
        ...(options.sub ? { sub: options.sub } : {}),
      },
    });
    if (options.quiet) out.line(key.token);
    else
      out.result(
        key,
        () => `Created API key ${key.id}. Keep it now, it is not shown again:\n${key.token}`,
      );
  },
});

const apiKeyRm = defineCommand({
  name: 'rm <keyId>',
  summary: 'Delete (revoke) an API key; it stops working at once',
  examples: ['qlikit api-key rm <key-id>'],
  async run({ args, out, connection }) {
    await (await (await connection()).rest()).apiKeys.delete({ id: args[0]! });
    out.result({ id: args[0], deleted: true }, () => `Deleted API key ${args[0]}.`);
  },
});

export const apiKeyGroup = defineGroup({
  name: 'api-key',
  summary: 'API keys',
  examples: ['qlikit api-key create --description "CI" --expiry P30D'],
  commands: [apiKeyLs, apiKeyCreate, apiKeyRm],
});
