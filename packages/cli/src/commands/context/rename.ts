import { defineCommand } from '../../command/CommandSpec.js';

export const contextRename = defineCommand({
  name: 'rename <name> <new-name>',
  summary: 'Rename a saved context',
  examples: ['qlikit context rename local dev'],
  async run({ args, out, store }) {
    const [from, to] = args as [string, string];
    const contexts = await store();
    contexts.rename(from, to);
    await contexts.save();
    out.result({ name: to, previousName: from }, () => `Context '${from}' is now '${to}'.`);
  },
});
