import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';

export const objectProperties = defineCommand<AppOptions & { full?: boolean }>({
  name: 'properties <objectId>',
  summary: "Print an object's properties as JSON (--full: with its children, as a property tree)",
  examples: [
    'qlikit app object properties <object-id> --app flights',
    'qlikit app object properties <sheet-id> --full --app flights',
  ],
  options: [
    ...APP_OPTIONS,
    { flags: '--full', description: 'The full property tree, children included' },
  ],
  async run(context) {
    const { doc } = await openAppOf({ ...context, options: { ...context.options, data: false } });
    const object = await doc.getObject(context.args[0]!);
    context.out.printJson(
      context.options.full ? await object.getFullPropertyTree() : await object.getProperties(),
    );
  },
});
