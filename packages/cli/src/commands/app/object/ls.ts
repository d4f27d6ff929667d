import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';

export const objectLs = defineCommand<AppOptions>({
  name: 'ls',
  summary: "List the app's generic objects (sheets, charts, ...)",
  examples: ['qlikit app object ls --app flights', 'qlikit app object ls --app flights --json'],
  options: APP_OPTIONS,
  async run(context) {
    const { doc } = await openAppOf({ ...context, options: { ...context.options, data: false } });
    const entries = await doc.getObjects({
      qOptions: { qTypes: [], qIncludeSessionObjects: false },
    });
    const rows = entries.map((entry) => ({
      id: entry.qInfo.qId,
      type: entry.qInfo.qType,
      title: (entry.qMeta as { title?: string } | undefined)?.title ?? null,
    }));
    context.out.table(rows, [
      { header: 'ID', value: (row) => row.id },
      { header: 'TYPE', value: (row) => row.type },
      { header: 'TITLE', value: (row) => row.title },
    ]);
  },
});
