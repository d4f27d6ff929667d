import { resolve } from 'node:path';
import { defineCommand } from '../../command/CommandSpec.js';

interface ExportOptions {
  readonly outputFile?: string;
  readonly NoData?: boolean;
}

export const appExport = defineCommand<ExportOptions>({
  name: 'export <app>',
  summary: 'Export an app to a .qvf file, streamed to disk with a progress bar',
  examples: [
    'qlikit app export <app-id>',
    'qlikit app export Sales --output-file ./backup/sales.qvf --NoData',
  ],
  options: [
    {
      flags: '-o, --output-file <path>',
      description: 'Where to write the .qvf (default: ./<app id>.qvf)',
    },
    { flags: '--NoData', description: 'Export the app without its data' },
  ],
  async run({ args, options, out, io, signal, connection }) {
    const server = await connection();
    const { apps } = await import('@qlikit/rest');
    const app = await apps(await server.rest()).get({ appId: await server.resolveAppId(args[0]!) });
    const path = resolve(io.cwd, options.outputFile ?? `${app.id}.qvf`);
    const progress = out.progress('Exporting');
    try {
      const file = await app.export(options.NoData ? { NoData: true } : {}, {
        onProgress: progress.update,
        signal,
      });
      await file.toFile(path);
    } finally {
      progress.stop();
    }
    out.result({ id: app.id, file: path }, () => `Exported ${app.id} to ${path}.`);
  },
});
