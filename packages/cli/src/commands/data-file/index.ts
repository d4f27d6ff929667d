import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { defineCommand, defineGroup } from '../../command/CommandSpec.js';
import { CliError, usageError } from '../../errors/CliError.js';
import { formatRecord } from '../../output/formatRecord.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

const FILE_FIELDS = [
  'id',
  'name',
  'size',
  'spaceId',
  'appId',
  'ownerId',
  'createdDate',
  'modifiedDate',
] as const;

const dataFileLs = defineCommand<{ connectionId?: string; name?: string; limit?: number }>({
  name: 'ls',
  summary: 'List data files (what load scripts read as lib://DataFiles/<name>)',
  examples: ['qlikit data-file ls', 'qlikit data-file ls --connectionId <space connection> --json'],
  options: [
    {
      flags: '--connectionId <id>',
      description: "A space's DataFiles connection (default: your personal space)",
    },
    { flags: '--name <name>', description: 'Only the file with this name' },
    LIMIT_OPTION,
  ],
  async run({ options, out, connection }) {
    const files = (await (await connection()).rest()).dataFiles.list({
      limit: pageSize(options.limit),
      ...(options.connectionId ? { connectionId: options.connectionId } : {}),
      ...(options.name ? { name: options.name } : {}),
    });
    out.table(await collectLimited(files, options.limit, out), [
      { header: 'ID', value: (file) => file.id },
      { header: 'NAME', value: (file) => file.name },
      { header: 'SIZE', value: (file) => file.size, align: 'right' },
      { header: 'MODIFIED', value: (file) => file.modifiedDate },
    ]);
  },
});

const dataFileGet = defineCommand({
  name: 'get <fileId>',
  summary: "Show a data file's metadata",
  examples: ['qlikit data-file get <file-id> --json'],
  async run({ args, out, connection }) {
    const file = await (await (await connection()).rest()).dataFiles.get({ id: args[0]! });
    out.result(file, () => formatRecord(file, FILE_FIELDS));
  },
});

interface UploadOptions {
  readonly file?: string;
  readonly name?: string;
  readonly connectionId?: string;
  readonly appId?: string;
  readonly quiet?: boolean;
}

const dataFileUpload = defineCommand<UploadOptions>({
  name: 'upload [file]',
  aliases: ['create'],
  summary: 'Upload a data file, streamed from disk with a progress bar',
  examples: [
    'qlikit data-file upload sales.csv',
    'qlikit data-file upload ./big.qvd --name history/2024.qvd --connectionId <space connection> -q',
    'qlikit data-file create --file sales.csv --name sales.csv',
  ],
  options: [
    {
      flags: '--file <path>',
      description: 'The file to upload (qlik-cli spelling of the argument)',
    },
    {
      flags: '--name <name>',
      description: "Name in the tenant, '/' for folders (default: the file's name)",
    },
    {
      flags: '--connectionId <id>',
      description: "The target space's DataFiles connection (default: personal)",
    },
    { flags: '--appId <id>', description: 'Scope the file to one app' },
    { flags: '-q, --quiet', description: 'Print only the new file id' },
  ],
  async run({ args, options, out, io, signal, connection }) {
    const given = args[0] ?? options.file;
    if (!given) throw usageError('Which file? `qlikit data-file upload <file>` or --file <path>.');
    const path = resolve(io.cwd, given);
    await stat(path).catch((cause: unknown) => {
      throw new CliError('FILE_UNREADABLE', `Cannot read ${given}.`, { cause, exitCode: 2 });
    });
    const { dataFiles } = await import('@qlikit/rest');
    const client = await (await connection()).rest();
    const progress = out.progress('Uploading');
    let file;
    try {
      file = await dataFiles(client).create(
        {
          body: {
            File: { path },
            Json: {
              name: options.name ?? basename(path),
              ...(options.connectionId ? { connectionId: options.connectionId } : {}),
              ...(options.appId ? { appId: options.appId } : {}),
            },
          },
        },
        { onProgress: progress.update, signal },
      );
    } finally {
      progress.stop();
    }
    if (options.quiet) out.line(file.id);
    else
      out.result(
        file.details,
        () => `Uploaded ${path} as ${file.name} (${file.id}, ${file.size} bytes).`,
      );
  },
});

const dataFileDownload = defineCommand({
  name: 'download <fileId>',
  summary: "Download a data file's content (not implemented: see the description)",
  description:
    "Not implemented: Qlik Cloud's REST API (the data-files service of the specs) has no operation that returns a data file's content, only its metadata. A load script can read it (lib://DataFiles/<name>).",
  examples: ['qlikit data-file download <file-id>'],
  async run() {
    throw new CliError(
      'NOT_IMPLEMENTED',
      'data-file download is not implemented: the data-files API has no operation that returns the content.',
      {
        hint: 'Read the file in a load script (lib://DataFiles/<name>), or keep the original next to the upload.',
      },
    );
  },
});

const dataFileRm = defineCommand({
  name: 'rm <fileId>',
  summary: 'Delete a data file',
  examples: ['qlikit data-file rm <file-id>'],
  async run({ args, out, connection }) {
    await (await (await connection()).rest()).dataFiles.deleteById({ id: args[0]! });
    out.result({ id: args[0], deleted: true }, () => `Deleted data file ${args[0]}.`);
  },
});

export const dataFileGroup = defineGroup({
  name: 'data-file',
  summary: 'Data files: the files load scripts read from a space',
  examples: ['qlikit data-file upload sales.csv', 'qlikit data-file ls'],
  commands: [dataFileLs, dataFileGet, dataFileUpload, dataFileDownload, dataFileRm],
});
