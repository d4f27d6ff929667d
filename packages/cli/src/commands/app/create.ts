import { defineCommand } from '../../command/CommandSpec.js';
import { usageError } from '../../errors/CliError.js';

interface CreateOptions {
  readonly attributesName?: string;
  readonly attributesDescription?: string;
  readonly attributesSpaceId?: string;
  readonly attributesUsage?:
    'ANALYTICS' | 'DATA_PREPARATION' | 'DATAFLOW_PREP' | 'SINGLE_TABLE_PREP';
  readonly description?: string;
  readonly spaceId?: string;
  readonly quiet?: boolean;
}

export const appCreate = defineCommand<CreateOptions>({
  name: 'create [name]',
  summary: 'Create an empty app',
  description:
    "The name is the argument or qlik-cli's --attributes-name; --description and --spaceId are short for the --attributes-… flags.",
  examples: [
    'qlikit app create "Sales 2025"',
    'qlikit app create --attributes-name Sales --attributes-spaceId <space-id> --quiet',
  ],
  options: [
    { flags: '--attributes-name <name>', description: 'The name (title) of the app' },
    { flags: '--attributes-description <text>', description: 'Description of the app' },
    {
      flags: '--attributes-spaceId <id>',
      description: 'Create it in this space (default: personal)',
    },
    {
      flags: '--attributes-usage <usage>',
      description: 'What the app is for',
      choices: ['ANALYTICS', 'DATA_PREPARATION', 'DATAFLOW_PREP', 'SINGLE_TABLE_PREP'],
    },
    { flags: '--description <text>', description: 'Same as --attributes-description' },
    { flags: '--spaceId <id>', description: 'Same as --attributes-spaceId' },
    { flags: '-q, --quiet', description: 'Print only the new app id' },
  ],
  async run({ args, options, out, connection }) {
    const name = args[0] ?? options.attributesName;
    if (!name) throw usageError('Name the app: `qlikit app create <name>` or --attributes-name.');
    const server = await connection();
    let id: string;
    if (server.target.serverType === 'engine') {
      const { global } = await server.openGlobal();
      id = (await global.createApp({ qAppName: name })).qAppId;
    } else {
      const client = await server.rest();
      const app = await client.apps.create({
        body: {
          attributes: {
            name,
            description: options.attributesDescription ?? options.description,
            spaceId: options.attributesSpaceId ?? options.spaceId,
            ...(options.attributesUsage ? { usage: options.attributesUsage } : {}),
          },
        },
      });
      id = app.attributes?.id ?? '';
    }
    if (options.quiet) out.line(id);
    else out.result({ id, name }, () => `Created app ${id} (${name}).`);
  },
});
