import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineCommand } from '../../command/CommandSpec.js';
import { CliError, usageError } from '../../errors/CliError.js';

interface ImportOptions {
  readonly file?: string;
  readonly fileId?: string;
  readonly name?: string;
  readonly fallbackName?: string;
  readonly spaceId?: string;
  readonly appId?: string;
  readonly mode?: string;
  readonly NoData?: boolean;
  readonly quiet?: boolean;
}

export const appImport = defineCommand<ImportOptions>({
  name: 'import',
  summary:
    'Import an app from a .qvf file (streamed from disk with a progress bar) or a temp content',
  examples: [
    'qlikit app import --file sales.qvf',
    'qlikit app import -f sales.qvf --name "Sales" --spaceId <space-id> -q',
    'qlikit app import --fileId <temp-content-id> --name "Sales"',
  ],
  options: [
    { flags: '-f, --file <path>', description: 'The .qvf to import' },
    {
      flags: '--fileId <id>',
      description: 'Import a file already uploaded to temp contents instead of --file',
    },
    { flags: '--name <name>', description: 'Name of the imported app' },
    {
      flags: '--fallbackName <name>',
      description: 'Name when neither --name nor the file has one',
    },
    { flags: '--spaceId <id>', description: 'Space to import into' },
    { flags: '--appId <id>', description: 'Id of the target app (for a .qvw source)' },
    { flags: '--mode <mode>', description: 'NEW (the default): import as a new app' },
    { flags: '--NoData', description: 'Keep the data of an existing app' },
    { flags: '-q, --quiet', description: 'Print only the new app id' },
  ],
  async run({ options, out, io, signal, connection }) {
    if ((options.file === undefined) === (options.fileId === undefined)) {
      throw usageError('Give --file <path> or --fileId <temp-content-id>, one of them.');
    }
    const path = options.file === undefined ? undefined : resolve(io.cwd, options.file);
    if (path) {
      await stat(path).catch((cause: unknown) => {
        throw new CliError('FILE_UNREADABLE', `Cannot read ${options.file}.`, {
          cause,
          exitCode: 2,
        });
      });
    }
    const server = await connection();
    const { apps } = await import('@qlikit/rest');
    const progress = out.progress('Importing');
    let app;
    try {
      app = await apps(await server.rest()).import(
        {
          ...(path ? { body: { path } } : { fileId: options.fileId }),
          ...(options.name ? { name: options.name } : {}),
          ...(options.fallbackName ? { fallbackName: options.fallbackName } : {}),
          ...(options.spaceId ? { spaceId: options.spaceId } : {}),
          ...(options.appId ? { appId: options.appId } : {}),
          ...(options.mode ? { mode: options.mode } : {}),
          ...(options.NoData ? { NoData: true } : {}),
        },
        { onProgress: progress.update, signal },
      );
    } finally {
      progress.stop();
    }
    const source = path ?? `temp content ${options.fileId}`;
    if (options.quiet) out.line(app.id);
    else out.result(app.details, () => `Imported ${source} as ${app.id} (${app.name ?? ''}).`);
  },
});
