import { defineCommand } from '../../command/CommandSpec.js';

interface CopyOptions {
  readonly name?: string;
  readonly spaceId?: string;
  readonly quiet?: boolean;
}

export const appCopy = defineCommand<CopyOptions>({
  name: 'copy <app>',
  summary: 'Copy an app (script, data, sheets and master items)',
  examples: [
    'qlikit app copy <app-id> --name "Sales (copy)"',
    'qlikit app copy Sales --spaceId <space-id> --quiet',
  ],
  options: [
    { flags: '--name <name>', description: 'Name of the copy' },
    { flags: '--spaceId <id>', description: 'Space of the copy' },
    { flags: '-q, --quiet', description: 'Print only the new app id' },
  ],
  async run({ args, options, out, connection }) {
    const server = await connection();
    const sourceId = await server.resolveAppId(args[0]!);
    let id: string;
    if (server.target.serverType === 'engine') {
      const { global } = await server.openGlobal();
      id = (await global.createApp({ qAppName: options.name ?? `${args[0]} (copy)` })).qAppId;
      await global.copyApp({ qTargetAppId: id, qSrcAppId: sourceId, qIds: [] });
    } else {
      const { apps } = await import('@qlikit/rest');
      const source = await apps(await server.rest()).get({ appId: sourceId });
      const copy = await source.copy({
        body: { attributes: { name: options.name, spaceId: options.spaceId } },
      });
      id = copy.id;
    }
    if (options.quiet) out.line(id);
    else out.result({ id, sourceId }, () => `Copied ${sourceId} to ${id}.`);
  },
});
