import { defineCommand } from '../../command/CommandSpec.js';

interface CreateOptions {
  readonly description?: string;
  readonly spaceId?: string;
  readonly quiet?: boolean;
}

export const appCreate = defineCommand<CreateOptions>({
  name: 'create <name>',
  summary: 'Create an empty app',
  examples: [
    'qlikit app create "Sales 2025"',
    'qlikit app create Sales --spaceId <space-id> --quiet',
  ],
  options: [
    { flags: '--description <text>', description: 'Description of the app' },
    { flags: '--spaceId <id>', description: 'Create it in this space (default: personal)' },
    { flags: '-q, --quiet', description: 'Print only the new app id' },
  ],
  async run({ args, options, out, connection }) {
    const [name] = args as [string];
    const server = await connection();
    let id: string;
    if (server.target.serverType === 'engine') {
      const { global } = await server.openGlobal();
      id = (await global.createApp({ qAppName: name })).qAppId;
    } else {
      const client = await server.rest();
      const app = await client.apps.create({
        body: { attributes: { name, description: options.description, spaceId: options.spaceId } },
      });
      id = app.attributes?.id ?? '';
    }
    if (options.quiet) out.line(id);
    else out.result({ id, name }, () => `Created app ${id} (${name}).`);
  },
});
