import { defineCommand } from '../../command/CommandSpec.js';

export const contextUse = defineCommand({
  name: 'use <name>',
  summary: 'Make a context the current one',
  examples: ['qlikit context use prod'],
  async run({ args, out, store }) {
    const [name] = args as [string];
    const contexts = await store();
    contexts.use(name);
    await contexts.save();
    out.result({ current: name }, () => `Context '${name}' is now the current context.`);
  },
});
