import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Connection as QixConnection } from '@qlikit/qix';
import { parse } from 'yaml';
import { CliError } from '../../../errors/CliError.js';
import { parseItemText } from '../files/readItemFiles.js';
import type { AppFiles, AppFilesConfig } from './AppFiles.js';

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readList<T>(path: string | undefined): Promise<T[]> {
  if (!path) return [];
  const text = await readOptional(path);
  if (text === undefined) return [];
  const value = parseItemText(path, text);
  return (Array.isArray(value) ? value : [value]) as T[];
}

// `objects/*.json` and the like: one folder, one * in the file name.
async function expandPattern(pattern: string): Promise<string[]> {
  const name = basename(pattern);
  if (!name.includes('*')) return [pattern];
  const [prefix, suffix] = name.split('*', 2) as [string, string];
  const folder = dirname(pattern);
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((file) => file.startsWith(prefix) && file.endsWith(suffix))
    .sort()
    .map((file) => join(folder, file));
}

/** Reads an app's parts from a folder written by `app unbuild` (its config.yml), with paths overridden by flags. */
export async function readAppFiles(
  directory: string | undefined,
  overrides: AppFilesConfig,
): Promise<AppFiles> {
  let config: AppFilesConfig = {};
  if (directory) {
    const text = await readOptional(join(directory, 'config.yml'));
    if (text === undefined && Object.keys(overrides).length === 0) {
      throw new CliError('NOT_AN_APP_FOLDER', `${directory} has no config.yml.`, {
        hint: 'Write one with `qlikit app unbuild --dir <folder>`, or name the parts with --script, --objects...',
        exitCode: 2,
      });
    }
    const parsed = text === undefined ? {} : ((parse(text) as AppFilesConfig | null) ?? {});
    config = Object.fromEntries(
      Object.entries(parsed).map(([key, value]) => [
        key,
        typeof value === 'string' && key !== 'spaceId' ? join(directory, value) : value,
      ]),
    );
  }
  const paths: AppFilesConfig = { ...config, ...overrides };
  const script = paths.script ? await readOptional(paths.script) : undefined;
  const [appProperties] = await readList<AppFiles['appProperties']>(paths['app-properties']);
  const objects = [];
  for (const path of paths.objects ? await expandPattern(paths.objects) : []) {
    objects.push(...(await readList<AppFiles['objects'][number]>(path)));
  }
  const connectionsText = paths.connections ? await readOptional(paths.connections) : undefined;
  const connections = connectionsText
    ? Object.entries(
        (
          parse(connectionsText) as {
            connections?: Record<
              string,
              { type?: string; connectionstring?: string; username?: string; password?: string }
            >;
          } | null
        )?.connections ?? {},
      ).map(([name, connection]): QixConnection => ({
        qName: name,
        qType: connection.type ?? 'folder',
        qConnectionString: connection.connectionstring ?? '',
        ...(connection.username ? { qUserName: connection.username } : {}),
        ...(connection.password ? { qPassword: connection.password } : {}),
      }))
    : [];
  return {
    script,
    appProperties,
    dimensions: await readList(paths.dimensions),
    measures: await readList(paths.measures),
    variables: await readList(paths.variables),
    objects,
    connections,
    ...(config.spaceId ? { spaceId: config.spaceId } : {}),
  };
}
