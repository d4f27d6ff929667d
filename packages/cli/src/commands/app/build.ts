import { resolve } from 'node:path';
import { defineCommand, type CommandContext } from '../../command/CommandSpec.js';
import { CliError } from '../../errors/CliError.js';
import { APP_OPTIONS, NO_SAVE_OPTION, type AppOptions } from './appOptions.js';
import type { AppFilesConfig } from './appFiles/AppFiles.js';
import { applyAppFiles } from './appFiles/applyAppFiles.js';
import { readAppFiles } from './appFiles/readAppFiles.js';
import { formatDuration, reloadWithLog, type ReloadOutcome } from './reloadWithLog.js';

interface BuildOptions extends AppOptions {
  readonly dir?: string;
  readonly script?: string;
  readonly appProperties?: string;
  readonly dimensions?: string;
  readonly measures?: string;
  readonly variables?: string;
  readonly objects?: string;
  readonly connections?: string;
  readonly reload?: boolean;
  readonly save?: boolean;
  readonly silent?: boolean;
  readonly spaceId?: string;
}

const PART_FLAGS: readonly [keyof AppFilesConfig, keyof BuildOptions, string][] = [
  ['script', 'script', '--script <path>|Path to the load script (.qvs)'],
  [
    'app-properties',
    'appProperties',
    '--app-properties <path>|Path to the app properties (JSON or YAML)',
  ],
  ['dimensions', 'dimensions', '--dimensions <path>|Path to the master dimensions'],
  ['measures', 'measures', '--measures <path>|Path to the master measures'],
  ['variables', 'variables', '--variables <path>|Path to the variables'],
  ['objects', 'objects', '--objects <pattern>|Object files, e.g. objects/*.json'],
  ['connections', 'connections', '--connections <path>|Path to connections.yml'],
];

// The app to build into: --app names it (made when no app has that name), else a new app titled as the files say.
async function targetApp(
  context: CommandContext<BuildOptions>,
  title: string | undefined,
  spaceId: string | undefined,
) {
  const server = await context.connection();
  const ref = context.options.app;
  if (ref) {
    try {
      return { appId: await server.resolveAppId(ref), created: undefined };
    } catch (error) {
      if (!(error instanceof CliError && error.code === 'APP_NOT_FOUND')) throw error;
    }
  }
  const name = ref ?? title ?? 'Built app';
  if (server.target.serverType === 'engine') {
    const { global } = await server.openGlobal();
    return { appId: (await global.createApp({ qAppName: name })).qAppId, created: name };
  }
  const app = await (
    await server.rest()
  ).apps.create({
    body: { attributes: { name, ...(spaceId ? { spaceId } : {}) } },
  });
  return { appId: app.attributes?.id ?? '', created: name };
}

export const appBuild = defineCommand<BuildOptions>({
  name: 'build',
  summary: 'Build an app from files (as `app unbuild` writes them), reload and save it',
  description:
    'Reads --dir/config.yml, or the parts named by flags. --app names the app to update; when no app has that name (or --app is absent) a new one is made. Objects, master items and variables keep their ids, so an unbuilt app builds back to an equal app.',
  examples: [
    'qlikit app build --dir flights/ --app "Flights copy"',
    'qlikit app build --app <app-id> --script script.qvs --no-reload',
    'qlikit app build --dir flights/ --app <app-id> --silent --json',
  ],
  options: [
    ...APP_OPTIONS,
    { flags: '--dir <folder>', description: 'A folder written by `app unbuild` (its config.yml)' },
    ...PART_FLAGS.map(([, , text]) => {
      const [flags, description] = text.split('|') as [string, string];
      return { flags, description };
    }),
    {
      flags: '--spaceId <id>',
      description:
        "Space of a new app on a tenant (default: config.yml's spaceId, the unbuilt app's)",
    },
    { flags: '--no-reload', description: 'Do not run the load script' },
    { flags: '--silent', description: 'Do not print the reload log' },
    NO_SAVE_OPTION,
  ],
  async run(context) {
    const { options, out, io } = context;
    const overrides = Object.fromEntries(
      PART_FLAGS.flatMap(([key, option]) => {
        const value = options[option];
        return typeof value === 'string' ? [[key, resolve(io.cwd, value)]] : [];
      }),
    ) as AppFilesConfig;
    const directory = options.dir === undefined ? undefined : resolve(io.cwd, options.dir);
    if (!directory && Object.keys(overrides).length === 0) {
      throw new CliError('USAGE', 'Nothing to build from: give --dir, or parts such as --script.', {
        exitCode: 2,
      });
    }
    const files = await readAppFiles(directory, overrides);
    const { appId, created } = await targetApp(
      context,
      files.appProperties?.qTitle,
      options.spaceId ?? files.spaceId,
    );
    const app = await (await context.connection()).openApp(appId, { ttl: options.ttl });
    const counts = await applyAppFiles(app.doc, files, out, created);
    let reload: ReloadOutcome | undefined;
    if (options.reload !== false) {
      reload = await reloadWithLog(app, out, { silent: options.silent, signal: context.signal });
      if (!reload.success) {
        throw new CliError(
          'RELOAD_FAILED',
          `The app was built but its reload failed: ${reload.errors.join('; ') || 'see the log'}.`,
          {
            hint: 'Fix script.qvs and build again; --no-reload skips the reload.',
          },
        );
      }
    }
    const saved = options.save !== false;
    if (saved) await app.doc.doSave();
    out.result(
      {
        appId,
        created: created !== undefined,
        counts,
        reload: reload && { status: 'SUCCEEDED', durationMs: reload.durationMs },
        saved,
      },
      () =>
        `Built ${appId}${created ? ` (new app '${created}')` : ''}: ${counts.objects} objects, ${counts.dimensions} dimensions, ${counts.measures} measures, ${counts.variables} variables${reload ? `; reloaded in ${formatDuration(reload.durationMs)}` : ''}${saved ? '; saved' : ''}.`,
    );
  },
});
