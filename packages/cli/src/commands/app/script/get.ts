import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';

export const scriptGet = defineCommand<AppOptions>({
  name: 'get',
  summary: "Print the app's load script",
  examples: [
    'qlikit app script get --app flights > flights.qvs',
    'qlikit app script get --app flights --json',
  ],
  options: APP_OPTIONS,
  async run(context) {
    const { doc } = await openAppOf({ ...context, options: { ...context.options, data: false } });
    const script = await doc.getScript();
    context.out.result({ script }, () => script);
  },
});
