import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';
import { listMeasures } from '../masterItems.js';

export const measureLs = defineCommand<AppOptions>({
  name: 'ls',
  summary: "List the app's master measures",
  examples: ['qlikit app measure ls --app flights', 'qlikit app measure ls --app flights --json'],
  options: APP_OPTIONS,
  async run(context) {
    const { doc } = await openAppOf({ ...context, options: { ...context.options, data: false } });
    const rows = (await listMeasures(doc)).map((entry) => {
      const data = entry.qData as { title?: string; expression?: string; label?: string };
      return {
        id: entry.qInfo.qId,
        title: data.title ?? null,
        expression: data.expression ?? null,
      };
    });
    context.out.table(rows, [
      { header: 'ID', value: (row) => row.id },
      { header: 'TITLE', value: (row) => row.title },
      { header: 'EXPRESSION', value: (row) => row.expression },
    ]);
  },
});
