import { defineCommand } from '../../command/CommandSpec.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

interface AppRow {
  readonly id: string;
  readonly name: string;
  readonly spaceId: string | null;
  readonly updatedAt: string | null;
}

export const appLs = defineCommand<{ limit?: number; name?: string; spaceId?: string }>({
  name: 'ls',
  summary: 'List apps: through the items API on a tenant, the doc list on an engine',
  description: 'With --json: an array of { id, name, spaceId, updatedAt }.',
  examples: [
    'qlikit app ls',
    'qlikit app ls --name Sales --limit 500 --json',
    'qlikit app ls --server localhost:9076 --server-type engine',
  ],
  options: [
    LIMIT_OPTION,
    { flags: '--name <text>', description: 'Only apps whose name contains this' },
    { flags: '--spaceId <id>', description: 'Only apps of this space' },
  ],
  async run({ options, out, connection }) {
    const server = await connection();
    let rows: AppRow[];
    if (server.target.serverType === 'engine') {
      const { global } = await server.openGlobal();
      const docs = await global.getDocList();
      rows = docs
        .map((doc) => ({
          id: doc.qDocId ?? '',
          name: doc.qTitle ?? doc.qDocName ?? '',
          spaceId: null,
          updatedAt: (doc.qMeta as { modifiedDate?: string } | undefined)?.modifiedDate ?? null,
        }))
        .filter((row) => !options.name || row.name.includes(options.name))
        .slice(0, options.limit ?? Infinity);
    } else {
      const client = await server.rest();
      const items = client.items.list({
        resourceType: 'app',
        limit: pageSize(options.limit),
        ...(options.name ? { query: options.name } : {}),
        ...(options.spaceId ? { spaceId: options.spaceId } : {}),
      });
      rows = (await collectLimited(items, options.limit, out)).map((item) => ({
        id: item.resourceId ?? item.id,
        name: item.name,
        spaceId: item.spaceId ?? null,
        updatedAt: item.updatedAt ?? null,
      }));
    }
    out.table(rows, [
      { header: 'ID', value: (row) => row.id },
      { header: 'NAME', value: (row) => row.name },
      { header: 'SPACE', value: (row) => row.spaceId },
      { header: 'UPDATED', value: (row) => row.updatedAt },
    ]);
  },
});
