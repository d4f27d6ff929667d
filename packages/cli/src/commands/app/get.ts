import { defineCommand } from '../../command/CommandSpec.js';
import { formatRecord } from '../../output/formatRecord.js';

export const appGet = defineCommand({
  name: 'get <app>',
  summary: "Show an app's attributes (on an engine: its app layout)",
  description:
    "With --json: the app as the apps API returns it (NxApp), or the engine's NxAppLayout.",
  examples: ['qlikit app get <app-id>', 'qlikit app get "Sales" --json'],
  async run({ args, out, connection }) {
    const server = await connection();
    if (server.target.serverType === 'engine') {
      const { doc } = await server.openApp(args[0], { noData: true });
      const layout = await doc.getAppLayout();
      out.result(layout, () =>
        formatRecord({ title: layout.qTitle, lastReloadTime: layout.qLastReloadTime }),
      );
      return;
    }
    const client = await server.rest();
    const app = await client.apps.get({ appId: await server.resolveAppId(args[0]!) });
    const attributes = app.attributes ?? {};
    out.result(app, () =>
      formatRecord(attributes as Record<string, unknown>, [
        'id',
        'name',
        'description',
        'spaceId',
        'owner',
        'createdDate',
        'modifiedDate',
        'lastReloadTime',
        'published',
      ]),
    );
  },
});
