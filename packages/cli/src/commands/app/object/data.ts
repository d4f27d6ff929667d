import { defineCommand } from '../../../command/CommandSpec.js';
import { positiveInteger } from '../../../command/optionParsers.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';
import { printCube } from '../cube/printCube.js';

export const objectData = defineCommand<AppOptions & { rows?: number; csv?: boolean }>({
  name: 'data <objectId>',
  summary: "Print an object's hypercube data as a table, CSV or JSON",
  examples: [
    'qlikit app object data <object-id> --app flights',
    'qlikit app object data <object-id> --app flights --csv',
  ],
  options: [
    ...APP_OPTIONS,
    { flags: '--rows <n>', description: 'At most this many rows', parse: positiveInteger },
    { flags: '--csv', description: 'Print CSV instead of a table' },
  ],
  async run(context) {
    const { doc } = await openAppOf(context);
    const object = await doc.getObject(context.args[0]!);
    await printCube(context.out, object, {
      rows: context.options.rows,
      csv: context.options.csv,
      signal: context.signal,
    });
  },
});
