import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { defaultConfig, type AppFiles, type AppFilesFormat } from './AppFiles.js';

/** A file name part: lower case, anything but letters, digits, - and _ turned into '-'. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The file name of a top-level object: type, title and id, as qlik-cli names them. */
export function objectFileName(entry: AppFiles['objects'][number], ext: string): string {
  const properties = entry.qProperty;
  const title = (properties?.qMetaDef as { title?: string } | undefined)?.title ?? '';
  const parts = [
    properties?.qInfo.qType ?? 'object',
    (properties as { visualization?: string } | undefined)?.visualization,
    title,
    properties?.qInfo.qId,
  ]
    .map((part) => slug(part ?? ''))
    .filter(Boolean);
  return `${parts.join('-')}.${ext}`;
}

/** Writes the app's parts into `directory` with a config.yml binding them; returns the files written. */
export async function writeAppFiles(
  directory: string,
  files: AppFiles,
  format: AppFilesFormat,
): Promise<string[]> {
  const config = defaultConfig(format);
  const ext = format === 'yaml' ? 'yml' : 'json';
  const serialize = (value: unknown) =>
    format === 'yaml' ? stringify(value) : `${JSON.stringify(value, null, 2)}\n`;
  const written: string[] = [];
  const put = async (path: string, text: string) => {
    await mkdir(dirname(join(directory, path)), { recursive: true });
    await writeFile(join(directory, path), text);
    written.push(path);
  };
  await put(config.script, files.script ?? '');
  await put(config['app-properties'], serialize(files.appProperties ?? {}));
  await put(config.dimensions, serialize(files.dimensions));
  await put(config.measures, serialize(files.measures));
  await put(config.variables, serialize(files.variables));
  for (const entry of files.objects)
    await put(`objects/${objectFileName(entry, ext)}`, serialize(entry));
  const connections = Object.fromEntries(
    files.connections.map((connection) => [
      connection.qName,
      { type: connection.qType, connectionstring: connection.qConnectionString },
    ]),
  );
  await put(config.connections, stringify({ connections }));
  await put(
    'config.yml',
    stringify(files.spaceId ? { ...config, spaceId: files.spaceId } : config),
  );
  return written;
}
