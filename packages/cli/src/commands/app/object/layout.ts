import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';

export const objectLayout = defineCommand<AppOptions>({
  name: 'layout <objectId>',
  summary: "Print an object's layout (its properties as evaluated) as JSON",
  examples: ['qlikit app object layout <object-id> --app flights'],
  options: APP_OPTIONS,
  async run(context) {
    const { doc } = await openAppOf(context);
    const object = await doc.getObject(context.args[0]!);
    context.out.printJson(await object.getLayout());
  },
});
