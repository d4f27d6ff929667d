import { defineCommand } from '../../command/CommandSpec.js';

export const appRm = defineCommand({
  name: 'rm <app>',
  summary: 'Delete an app',
  examples: ['qlikit app rm <app-id>'],
  async run({ args, out, connection }) {
    const server = await connection();
    const appId = await server.resolveAppId(args[0]!);
    if (server.target.serverType === 'engine') {
      const { global } = await server.openGlobal();
      await global.deleteApp(appId);
    } else {
      await (await server.rest()).apps.delete({ appId });
    }
    out.result({ id: appId, deleted: true }, () => `Deleted app ${appId}.`);
  },
});
