import { defineCommand } from '../../command/CommandSpec.js';
import { applyContextFlags, CONTEXT_OPTIONS, type ContextFlags } from './contextFlags.js';

export const contextUpdate = defineCommand<ContextFlags>({
  name: 'update <name>',
  summary: 'Change a saved context; flags not given keep their values',
  examples: [
    'qlikit context update local --api-key <new key>',
    'qlikit context update prod --server https://tenant.us.qlikcloud.com --comment "production"',
  ],
  options: CONTEXT_OPTIONS,
  async run({ args, options, out, store }) {
    const [name] = args as [string];
    const contexts = await store();
    const context = applyContextFlags(contexts.require(name), options);
    contexts.set(context);
    await contexts.save();
    out.result(
      { name, server: context.server, serverType: context.serverType },
      () => `Context '${name}' updated.`,
    );
  },
});
