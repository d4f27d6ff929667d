import { defineCommand } from '../../command/CommandSpec.js';

export const contextClear = defineCommand({
  name: 'clear',
  summary: 'Unset the current context',
  examples: ['qlikit context clear'],
  async run({ out, store }) {
    const contexts = await store();
    contexts.use(undefined);
    await contexts.save();
    out.result({ current: null }, () => 'No context is current now.');
  },
});
