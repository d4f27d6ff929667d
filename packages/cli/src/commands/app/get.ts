import { defineCommand } from '../../command/CommandSpec.js';

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
      out.result(
        layout,
        () => `title:          ${layout.qTitle}\nlastReloadTime: ${layout.qLastReloadTime ?? ''}`,
      );
      return;
    }
    const client = await server.rest();
    const app = await client.apps.get({ appId: await server.resolveAppId(args[0]!) });
    const attributes = app.attributes ?? {};
    out.result(app, () =>
      [
        'id',
        'name',
        'description',
        'spaceId',
        'owner',
        'createdDate',
        'modifiedDate',
        'lastReloadTime',
        'published',
      ]
        .map((key) => [key, (attributes as Record<string, unknown>)[key]] as const)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${`${key}:`.padEnd(16)}${String(value)}`)
        .join('\n'),
    );
  },
});
