import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';
import { listDimensions } from '../masterItems.js';

export const dimensionLs = defineCommand<AppOptions>({
  name: 'ls',
  summary: "List the app's master dimensions",
  examples: [
    'qlikit app dimension ls --app flights',
    'qlikit app dimension ls --app flights --json',
  ],
  options: APP_OPTIONS,
  async run(context) {
    const { doc } = await openAppOf({ ...context, options: { ...context.options, data: false } });
    const rows = (await listDimensions(doc)).map((entry) => {
      const data = entry.qData as { title?: string; fields?: string[] };
      return { id: entry.qInfo.qId, title: data.title ?? null, fields: data.fields ?? [] };
    });
    context.out.table(rows, [
      { header: 'ID', value: (row) => row.id },
      { header: 'TITLE', value: (row) => row.title },
      { header: 'FIELDS', value: (row) => row.fields.join(', ') },
    ]);
  },
});
