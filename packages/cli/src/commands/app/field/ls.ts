import type { FieldList } from '@qlikit/qix';
import { defineCommand } from '../../../command/CommandSpec.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from '../appOptions.js';

export const fieldLs = defineCommand<AppOptions & { system?: boolean }>({
  name: 'ls',
  summary: "List the app's fields with their distinct value counts and tables",
  examples: ['qlikit app field ls --app flights', 'qlikit app field ls --app flights --json'],
  options: [
    ...APP_OPTIONS,
    { flags: '--system', description: 'Include system fields ($Table, $Field...)' },
  ],
  async run(context) {
    const { doc } = await openAppOf(context);
    const list = await doc.createSessionObject({
      qInfo: { qType: 'qlikit-cli-fields' },
      qFieldListDef: {
        qShowSystem: context.options.system === true,
        qShowSrcTables: true,
        qShowSemantic: true,
      },
    });
    const layout = (await list.getLayout()) as { qFieldList?: FieldList };
    const rows = (layout.qFieldList?.qItems ?? []).map((field) => ({
      name: field.qName,
      cardinal: field.qCardinal ?? null,
      tables: (field as { qSrcTables?: string[] }).qSrcTables ?? [],
      tags: field.qTags ?? [],
    }));
    context.out.table(rows, [
      { header: 'NAME', value: (row) => row.name },
      { header: 'VALUES', value: (row) => row.cardinal, align: 'right' },
      { header: 'TABLES', value: (row) => row.tables.join(', ') },
      { header: 'TAGS', value: (row) => row.tags.join(', ') },
    ]);
  },
});
