import { defineCommand } from '../../command/CommandSpec.js';
import { usageError } from '../../errors/CliError.js';
import { applyContextFlags, CONTEXT_OPTIONS, type ContextFlags } from './contextFlags.js';

export const contextCreate = defineCommand<ContextFlags>({
  name: 'create <name>',
  summary: 'Create a context: a server, its type and credentials, saved under a name',
  description:
    "Contexts live in the user's config directory (QLIKIT_CONFIG_DIR to move it): servers in contexts.yml, API keys and secrets in secrets.yml, mode 0600. The first context becomes the current one.",
  examples: [
    'qlikit context create local --server http://127.0.0.1:3000 --api-key <key>',
    'qlikit context create me@cloud --server https://tenant.eu.qlikcloud.com --oauth-client-id <id> --oauth-client-secret <secret>',
    'qlikit context create engine --server localhost:9076 --server-type engine --comment "bare engine"',
  ],
  options: CONTEXT_OPTIONS,
  async run({ args, options, out, store }) {
    const [name] = args as [string];
    const contexts = await store();
    if (contexts.get(name)) {
      throw usageError(
        `A context named '${name}' exists already.`,
        `Change it with \`qlikit context update ${name}\`.`,
      );
    }
    if (!options.server) throw usageError('A context needs --server <url>.');
    const context = applyContextFlags({ name }, options);
    contexts.set(context);
    const current = contexts.currentName === undefined;
    if (current) contexts.use(name);
    await contexts.save();
    out.result({ name, server: context.server, serverType: context.serverType, current }, () =>
      current
        ? `Context '${name}' created; it is the current context.`
        : `Context '${name}' created. Use it with \`qlikit context use ${name}\`.`,
    );
  },
});
