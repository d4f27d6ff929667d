import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';
import { listVariables } from '../masterItems.js';

export const variableLs = defineCommand<AppOptions>({
  name: 'ls',
  summary: "List the app's variables",
  examples: ['qlikit app variable ls --app flights', 'qlikit app variable ls --app flights --json'],
  options: APP_OPTIONS,
  async run(context) {
    const { doc } = await openAppOf({ ...context, options: { ...context.options, data: false } });
    const rows = (await listVariables(doc)).map((item) => ({
      id: item.qInfo.qId,
      name: item.qName ?? null,
      definition: item.qDefinition ?? null,
      description: item.qDescription ?? null,
    }));
    context.out.table(rows, [
      { header: 'NAME', value: (row) => row.name },
      { header: 'DEFINITION', value: (row) => row.definition },
      { header: 'DESCRIPTION', value: (row) => row.description },
    ]);
  },
});
