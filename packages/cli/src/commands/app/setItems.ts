import type { Doc } from '@qlikit/qix';
import { defineCommand, type CommandSpec } from '../../command/CommandSpec.js';
import { APP_OPTIONS, NO_SAVE_OPTION, openAppOf, type AppOptions } from './appOptions.js';
import { readItemFiles } from './files/readItemFiles.js';
import type { Upserted } from './masterItems.js';

/** `app dimension set`, `app measure set` and `app variable set`: properties from files, created or updated. */
export function setItemsCommand<T>(kind: {
  readonly group: string;
  readonly plural: string;
  readonly upsert: (doc: Doc, properties: T) => Promise<Upserted>;
}): CommandSpec<AppOptions & { save?: boolean }> {
  return defineCommand<AppOptions & { save?: boolean }>({
    name: 'set <files...>',
    summary: `Create or update ${kind.plural} from JSON or YAML files (an object or an array each), then save`,
    examples: [
      `qlikit app ${kind.group} set ${kind.plural}.json --app flights`,
      `qlikit app ${kind.group} set ./${kind.plural}/*.json --app flights --no-save`,
    ],
    options: [...APP_OPTIONS, NO_SAVE_OPTION],
    async run(context) {
      const items = await readItemFiles<T>(context.args, context);
      const { doc } = await openAppOf({ ...context, options: { ...context.options, data: false } });
      const counts: Record<Upserted, number> = { created: 0, updated: 0 };
      for (const item of items) counts[await kind.upsert(doc, item)] += 1;
      const saved = context.options.save !== false;
      if (saved) await doc.doSave();
      context.out.result(
        { ...counts, saved },
        () =>
          `${counts.created} ${kind.plural} created, ${counts.updated} updated${saved ? '; the app is saved' : ''}.`,
      );
    },
  });
}
