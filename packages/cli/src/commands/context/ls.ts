import { defineCommand } from '../../command/CommandSpec.js';

export const contextLs = defineCommand({
  name: 'ls',
  summary: 'List the saved contexts; * marks the current one',
  examples: ['qlikit context ls', 'qlikit context ls --json'],
  async run({ out, store }) {
    const contexts = await store();
    const rows = contexts.list().map((context) => ({
      name: context.name,
      server: context.server,
      serverType: context.serverType ?? null,
      comment: context.comment ?? null,
      current: context.name === contexts.currentName,
    }));
    out.table(rows, [
      { header: '', value: (row) => (row.current ? '*' : '') },
      { header: 'NAME', value: (row) => row.name },
      { header: 'SERVER', value: (row) => row.server },
      { header: 'TYPE', value: (row) => row.serverType },
      { header: 'COMMENT', value: (row) => row.comment },
    ]);
    if (!out.json && rows.length === 0)
      out.info('No contexts yet: `qlikit context create <name> --server <url>`.');
  },
});
