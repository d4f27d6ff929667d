import { defineCommand } from '../../command/CommandSpec.js';
import { usageError } from '../../errors/CliError.js';
import { formatRecord } from '../../output/formatRecord.js';
import { masked } from './contextFlags.js';

export const contextGet = defineCommand({
  name: 'get [name]',
  summary: 'Show a context (the current one by default); secrets are masked',
  examples: ['qlikit context get', 'qlikit context get prod --json'],
  async run({ args, out, store }) {
    const contexts = await store();
    const name = args[0] ?? contexts.currentName;
    if (!name)
      throw usageError(
        'No context is current.',
        'Name one, or pick one with `qlikit context use <name>`.',
      );
    const context = contexts.require(name);
    const shown = {
      name: context.name,
      server: context.server,
      serverType: context.serverType ?? null,
      comment: context.comment ?? null,
      current: context.name === contexts.currentName,
      apiKey: masked(context.apiKey) ?? null,
      oauthClientId: context.oauthClientId ?? null,
      oauthClientSecret: masked(context.oauthClientSecret) ?? null,
      headers: Object.keys(context.headers ?? {}),
      insecure: context.insecure ?? false,
    };
    out.result(shown, () => formatRecord({ ...shown, headers: shown.headers.join(', ') }));
  },
});
