import type { Doc } from '@qlikit/qix';
import { defineCommand, type CommandSpec } from '../../command/CommandSpec.js';
import { CliError } from '../../errors/CliError.js';
import { APP_OPTIONS, NO_SAVE_OPTION, openAppOf, type AppOptions } from './appOptions.js';

/** `app object rm`, `app dimension rm`, `app measure rm` and `app variable rm`: delete by id (variables by name), then save. */
export function rmItemsCommand(kind: {
  readonly group: string;
  /** What the arguments are: `objectId`, `variableName`... */
  readonly argument: string;
  readonly plural: string;
  /** The engine's Destroy* call; false when nothing had that id. */
  readonly destroy: (doc: Doc, id: string) => Promise<boolean>;
}): CommandSpec<AppOptions & { save?: boolean }> {
  return defineCommand<AppOptions & { save?: boolean }>({
    name: `rm <${kind.argument}...>`,
    summary: `Delete ${kind.plural} from the app, then save`,
    examples: [`qlikit app ${kind.group} rm <${kind.argument}> --app flights`],
    options: [...APP_OPTIONS, NO_SAVE_OPTION],
    async run(context) {
      const { doc, appId } = await openAppOf({
        ...context,
        options: { ...context.options, data: false },
      });
      // The ones found are deleted (and saved); the missing ones then fail the command.
      const missing: string[] = [];
      const removed: string[] = [];
      for (const id of context.args) {
        if (await kind.destroy(doc, id)) removed.push(id);
        else missing.push(id);
      }
      const saved = removed.length > 0 && context.options.save !== false;
      if (saved) await doc.doSave();
      context.out.result(
        { removed, saved },
        () =>
          `Deleted ${removed.length} ${kind.plural} from ${appId}${saved ? '; the app is saved' : ''}.`,
      );
      if (missing.length) {
        throw new CliError(
          'NOT_FOUND',
          `No ${kind.group} ${missing.map((id) => `'${id}'`).join(', ')} in ${appId}.`,
          { hint: `\`qlikit app ${kind.group} ls --app ${appId}\` lists them.` },
        );
      }
    },
  });
}
