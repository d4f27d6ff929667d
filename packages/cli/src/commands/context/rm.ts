import { defineCommand } from '../../command/CommandSpec.js';

export const contextRm = defineCommand({
  name: 'rm <name>',
  summary: 'Delete a saved context and its secrets',
  examples: ['qlikit context rm old-tenant'],
  async run({ args, out, store }) {
    const [name] = args as [string];
    const contexts = await store();
    contexts.remove(name);
    await contexts.save();
    out.result({ removed: name }, () => `Context '${name}' removed.`);
  },
});
