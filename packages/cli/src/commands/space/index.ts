import { defineCommand, defineGroup } from '../../command/CommandSpec.js';
import { usageError } from '../../errors/CliError.js';
import { formatRecord } from '../../output/formatRecord.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

const SPACE_TYPES = ['shared', 'managed', 'data'];

const spaceLs = defineCommand<{ limit?: number; name?: string; type?: string }>({
  name: 'ls',
  summary: 'List spaces',
  description: 'With --json: the spaces as the spaces API returns them.',
  examples: ['qlikit space ls', 'qlikit space ls --type managed --json'],
  options: [
    LIMIT_OPTION,
    { flags: '--name <text>', description: 'Only spaces whose name contains this' },
    { flags: '--type <type>', description: 'Only spaces of this type', choices: SPACE_TYPES },
  ],
  async run({ options, out, connection }) {
    const client = await (await connection()).rest();
    const spaces = client.spaces.list({
      limit: pageSize(options.limit),
      ...(options.name ? { name: options.name } : {}),
      ...(options.type ? { type: options.type } : {}),
    });
    out.table(await collectLimited(spaces, options.limit, out), [
      { header: 'ID', value: (space) => space.id },
      { header: 'NAME', value: (space) => space.name },
      { header: 'TYPE', value: (space) => space.type },
      { header: 'OWNER', value: (space) => space.ownerId },
    ]);
  },
});

const spaceGet = defineCommand({
  name: 'get <spaceId>',
  summary: 'Show a space',
  examples: ['qlikit space get <space-id>', 'qlikit space get <space-id> --json'],
  async run({ args, out, connection }) {
    const space = await (
      await connection()
    )
      .rest()
      .then((client) => client.spaces.get({ spaceId: args[0]! }));
    out.result(space, () =>
      formatRecord(space, [
        'id',
        'name',
        'type',
        'description',
        'ownerId',
        'createdAt',
        'updatedAt',
      ]),
    );
  },
});

const spaceCreate = defineCommand<{
  name: string;
  type: string;
  description?: string;
  quiet?: boolean;
}>({
  name: 'create',
  summary: 'Create a shared, managed or data space',
  examples: [
    'qlikit space create --name Finance --type shared',
    'qlikit space create --name Prod --type managed -q',
  ],
  options: [
    { flags: '--name <name>', description: 'Name of the space', required: true },
    {
      flags: '--type <type>',
      description: 'shared, managed or data',
      required: true,
      choices: SPACE_TYPES,
    },
    { flags: '--description <text>', description: 'Description of the space' },
    { flags: '-q, --quiet', description: 'Print only the new space id' },
  ],
  async run({ options, out, connection }) {
    const client = await (await connection()).rest();
    const space = await client.spaces.create({
      body: {
        name: options.name,
        type: options.type as 'shared',
        ...(options.description ? { description: options.description } : {}),
      },
    });
    if (options.quiet) out.line(space.id);
    else out.result(space, () => `Created ${space.type} space ${space.id} (${space.name}).`);
  },
});

const spaceUpdate = defineCommand<{ name?: string; description?: string }>({
  name: 'update <spaceId>',
  summary: "Change a space's name or description",
  examples: ['qlikit space update <space-id> --name "Finance EU"'],
  options: [
    { flags: '--name <name>', description: 'New name' },
    { flags: '--description <text>', description: 'New description' },
  ],
  async run({ args, options, out, connection }) {
    if (options.name === undefined && options.description === undefined) {
      throw usageError('Nothing to change: give --name or --description.');
    }
    const client = await (await connection()).rest();
    const { spaces } = await import('@qlikit/rest');
    const space = await spaces(client).get({ spaceId: args[0]! });
    await space.update({
      body: {
        name: options.name ?? space.name,
        description: options.description ?? space.details.description,
      },
    });
    out.result(space.details, () => `Updated space ${space.id}.`);
  },
});

const spaceRm = defineCommand({
  name: 'rm <spaceId>',
  summary: 'Delete a space',
  examples: ['qlikit space rm <space-id>'],
  async run({ args, out, connection }) {
    await (await (await connection()).rest()).spaces.delete({ spaceId: args[0]! });
    out.result({ id: args[0], deleted: true }, () => `Deleted space ${args[0]}.`);
  },
});

export const spaceGroup = defineGroup({
  name: 'space',
  summary: 'Spaces: list, create, change and delete',
  examples: ['qlikit space ls', 'qlikit space create --name Finance --type shared'],
  commands: [spaceLs, spaceGet, spaceCreate, spaceUpdate, spaceRm],
});
