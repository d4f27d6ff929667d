import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, NO_SAVE_OPTION, openAppOf, type AppOptions } from '../appOptions.js';
import { readTextInput } from '../files/readTextInput.js';

export const scriptSet = defineCommand<AppOptions & { save?: boolean }>({
  name: 'set <file>',
  summary: "Set the app's load script from a file (- reads stdin) and save the app",
  examples: [
    'qlikit app script set flights.qvs --app flights',
    'cat script.qvs | qlikit app script set - --app flights --no-save',
  ],
  options: [...APP_OPTIONS, NO_SAVE_OPTION],
  async run(context) {
    const script = await readTextInput(context.args[0]!, context);
    const { doc } = await openAppOf(context);
    await doc.setScript(script);
    if (context.options.save !== false) await doc.doSave();
    context.out.result({ saved: context.options.save !== false, length: script.length }, () =>
      context.options.save !== false ? 'Script set and the app saved.' : 'Script set (not saved).',
    );
  },
});
