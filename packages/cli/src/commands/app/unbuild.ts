import { resolve } from 'node:path';
import { defineCommand } from '../../command/CommandSpec.js';
import type { Connection } from '../../connect/Connection.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from './appOptions.js';
import type { AppFilesFormat } from './appFiles/AppFiles.js';
import { readAppFromEngine } from './appFiles/readAppFromEngine.js';
import { writeAppFiles } from './appFiles/writeAppFiles.js';

/** The space of a tenant's app, from its item (the apps API's attributes do not say). */
async function spaceOfApp(server: Connection, appId: string): Promise<string | undefined> {
  const items = (await server.rest()).items.list({ resourceType: 'app', resourceId: appId });
  for await (const item of items) return item.spaceId ?? undefined;
  return undefined;
}

export const appUnbuild = defineCommand<AppOptions & { dir?: string; format: AppFilesFormat }>({
  name: 'unbuild',
  summary: 'Write an app as files: script, master items, variables, objects, app properties',
  description:
    'The folder gets config.yml (binding the parts), script.qvs, app-properties, dimensions, measures and variables (JSON or YAML), one file per top-level object (a sheet holds its charts), and connections.yml. Passwords of connections are never written. `app build` reads it back.',
  examples: [
    'qlikit app unbuild --app flights --dir flights/',
    'qlikit app unbuild --app flights --dir flights/ --format yaml',
  ],
  options: [
    ...APP_OPTIONS,
    { flags: '--dir <folder>', description: 'Folder to write to (default: ./<app title>-unbuild)' },
    {
      flags: '--format <format>',
      description: 'json or yaml for the object files',
      defaultValue: 'json',
      choices: ['json', 'yaml'],
    },
  ],
  async run(context) {
    const { doc, appId } = await openAppOf({
      ...context,
      options: { ...context.options, data: false },
    });
    const server = await context.connection();
    // On a tenant the files remember the app's space, so a build finds the same data files.
    const spaceId =
      server.target.serverType === 'engine' ? undefined : await spaceOfApp(server, appId);
    const files = { ...(await readAppFromEngine(doc)), ...(spaceId ? { spaceId } : {}) };
    const title = files.appProperties?.qTitle || appId;
    const fallback = `${title.toLowerCase().replace(/[^\p{L}\p{N}_-]+/gu, '-')}-unbuild`;
    const directory = resolve(context.io.cwd, context.options.dir ?? fallback);
    const written = await writeAppFiles(directory, files, context.options.format);
    context.out.result(
      {
        appId,
        dir: directory,
        files: written,
        counts: {
          dimensions: files.dimensions.length,
          measures: files.measures.length,
          variables: files.variables.length,
          objects: files.objects.length,
        },
      },
      () =>
        `Wrote ${appId} to ${directory}: ${files.objects.length} objects, ${files.dimensions.length} dimensions, ${files.measures.length} measures, ${files.variables.length} variables, the script and app properties.`,
    );
  },
});
