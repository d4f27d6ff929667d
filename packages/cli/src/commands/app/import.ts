import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineCommand } from '../../command/CommandSpec.js';
import { CliError } from '../../errors/CliError.js';

interface ImportOptions {
  readonly file: string;
  readonly name?: string;
  readonly spaceId?: string;
  readonly NoData?: boolean;
  readonly quiet?: boolean;
}

export const appImport = defineCommand<ImportOptions>({
  name: 'import',
  summary: 'Import an app from a .qvf file, streamed from disk with a progress bar',
  examples: [
    'qlikit app import --file sales.qvf',
    'qlikit app import -f sales.qvf --name "Sales" --spaceId <space-id> -q',
  ],
  options: [
    { flags: '-f, --file <path>', description: 'The .qvf to import', required: true },
    { flags: '--name <name>', description: 'Name of the imported app' },
    { flags: '--spaceId <id>', description: 'Space to import into' },
    { flags: '--NoData', description: 'Keep the data of an existing app' },
    { flags: '-q, --quiet', description: 'Print only the new app id' },
  ],
  async run({ options, out, io, signal, connection }) {
    const path = resolve(io.cwd, options.file);
    await stat(path).catch((cause: unknown) => {
      throw new CliError('FILE_UNREADABLE', `Cannot read ${options.file}.`, { cause, exitCode: 2 });
    });
    const server = await connection();
    const { apps } = await import('@qlikit/rest');
    const progress = out.progress('Importing');
    let app;
    try {
      app = await apps(await server.rest()).import(
        {
          body: { path },
          ...(options.name ? { name: options.name } : {}),
          ...(options.spaceId ? { spaceId: options.spaceId } : {}),
          ...(options.NoData ? { NoData: true } : {}),
        },
        { onProgress: progress.update, signal },
      );
    } finally {
      progress.stop();
    }
    if (options.quiet) out.line(app.id);
    else out.result(app.details, () => `Imported ${path} as ${app.id} (${app.name ?? ''}).`);
  },
});
