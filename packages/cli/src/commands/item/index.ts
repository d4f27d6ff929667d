import { defineCommand, defineGroup } from '../../command/CommandSpec.js';
import { usageError } from '../../errors/CliError.js';
import { formatRecord } from '../../output/formatRecord.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

interface ItemLsOptions {
  readonly resourceType?: string;
  readonly name?: string;
  readonly spaceId?: string;
  readonly query?: string;
  readonly sort?: string;
  readonly limit?: number;
}

const itemLs = defineCommand<ItemLsOptions>({
  name: 'ls',
  summary: 'List hub items (apps, notes, links...), page after page up to --limit',
  description: 'With --json: the items as the items API returns them.',
  examples: [
    'qlikit item ls --resourceType app',
    'qlikit item ls --resourceType app --name Sales --json',
    'qlikit item ls --spaceId <space-id> --limit 500',
  ],
  options: [
    {
      flags: '--resourceType <type>',
      description: 'Only items of this type: app, qvapp, note, link, dataset...',
    },
    { flags: '--name <name>', description: 'Only items with exactly this name' },
    { flags: '--query <text>', description: 'Only items whose name or description contains this' },
    { flags: '--spaceId <id>', description: 'Only items of this space' },
    { flags: '--sort <field>', description: 'Sort: +name, -updatedAt, ...' },
    LIMIT_OPTION,
  ],
  async run({ options, out, connection }) {
    const client = await (await connection()).rest();
    const { resourceType, name, query, spaceId, sort } = options;
    const items = client.items.list({
      limit: pageSize(options.limit),
      ...(resourceType ? { resourceType: resourceType as 'app' } : {}),
      ...(name ? { name } : {}),
      ...(query ? { query } : {}),
      ...(spaceId ? { spaceId } : {}),
      ...(sort ? { sort: sort as '+name' } : {}),
    });
    out.table(await collectLimited(items, options.limit, out), [
      { header: 'ID', value: (item) => item.id },
      { header: 'NAME', value: (item) => item.name },
      { header: 'TYPE', value: (item) => item.resourceType },
      { header: 'RESOURCE', value: (item) => item.resourceId },
      { header: 'SPACE', value: (item) => item.spaceId },
    ]);
  },
});

const itemGet = defineCommand({
  name: 'get <itemId>',
  summary: 'Show an item',
  examples: ['qlikit item get <item-id> --json'],
  async run({ args, out, connection }) {
    const item = await (await (await connection()).rest()).items.get({ itemId: args[0]! });
    out.result(item, () =>
      formatRecord(item, [
        'id',
        'name',
        'resourceType',
        'resourceId',
        'spaceId',
        'ownerId',
        'description',
        'updatedAt',
      ]),
    );
  },
});

const itemUpdate = defineCommand<{ name?: string; description?: string }>({
  name: 'update <itemId>',
  summary: "Change an item's name or description",
  examples: ['qlikit item update <item-id> --name "Sales 2025"'],
  options: [
    { flags: '--name <name>', description: 'New name' },
    { flags: '--description <text>', description: 'New description' },
  ],
  async run({ args, options, out, connection }) {
    if (options.name === undefined && options.description === undefined) {
      throw usageError('Nothing to change: give --name or --description.');
    }
    const { items } = await import('@qlikit/rest');
    const item = await items(await (await connection()).rest()).get({ itemId: args[0]! });
    await item.update({
      body: {
        name: options.name ?? item.name,
        description: options.description ?? item.details.description,
      },
    });
    out.result(item.details, () => `Updated item ${item.id}.`);
  },
});

const itemRm = defineCommand({
  name: 'rm <itemId>',
  summary: 'Delete an item',
  examples: ['qlikit item rm <item-id>'],
  async run({ args, out, connection }) {
    await (await (await connection()).rest()).items.delete({ itemId: args[0]! });
    out.result({ id: args[0], deleted: true }, () => `Deleted item ${args[0]}.`);
  },
});

export const itemGroup = defineGroup({
  name: 'item',
  summary: 'Hub items: apps, notes, links and other resources of the tenant',
  examples: ['qlikit item ls --resourceType app --limit 20'],
  commands: [itemLs, itemGet, itemUpdate, itemRm],
});
