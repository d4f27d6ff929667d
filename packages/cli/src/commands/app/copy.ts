import { defineCommand } from '../../command/CommandSpec.js';

interface CopyOptions {
  readonly attributesName?: string;
  readonly attributesDescription?: string;
  readonly attributesSpaceId?: string;
  readonly name?: string;
  readonly spaceId?: string;
  readonly quiet?: boolean;
}

export const appCopy = defineCommand<CopyOptions>({
  name: 'copy <app>',
  summary: 'Copy an app (script, data, sheets and master items)',
  examples: [
    'qlikit app copy <app-id> --attributes-name "Sales (copy)"',
    'qlikit app copy Sales --spaceId <space-id> --quiet',
  ],
  options: [
    { flags: '--attributes-name <name>', description: 'Name of the copy' },
    { flags: '--attributes-description <text>', description: 'Description of the copy' },
    { flags: '--attributes-spaceId <id>', description: 'Space of the copy' },
    { flags: '--name <name>', description: 'Same as --attributes-name' },
    { flags: '--spaceId <id>', description: 'Same as --attributes-spaceId' },
    { flags: '-q, --quiet', description: 'Print only the new app id' },
  ],
  async run({ args, options, out, connection }) {
    const server = await connection();
    const sourceId = await server.resolveAppId(args[0]!);
    const name = options.attributesName ?? options.name;
    const spaceId = options.attributesSpaceId ?? options.spaceId;
    let id: string;
    if (server.target.serverType === 'engine') {
      const { global } = await server.openGlobal();
      id = (await global.createApp({ qAppName: name ?? `${args[0]} (copy)` })).qAppId;
      await global.copyApp({ qTargetAppId: id, qSrcAppId: sourceId, qIds: [] });
    } else {
      const { apps } = await import('@qlikit/rest');
      const source = await apps(await server.rest()).get({ appId: sourceId });
      const copy = await source.copy({
        body: {
          attributes: { name, spaceId, description: options.attributesDescription },
        },
      });
      id = copy.id;
    }
    if (options.quiet) out.line(id);
    else out.result({ id, sourceId }, () => `Copied ${sourceId} to ${id}.`);
  },
});
