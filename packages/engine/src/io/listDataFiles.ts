import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveDataPath } from './resolveDataPath.js';

/**
 * Lists the files a FileList() mask names, e.g. `lib://DataFiles/*.csv`, in
 * name order, each spelled with the mask's own prefix so the script can load
 * it back. `*` and `?` are wildcards in the last path segment only. With
 * `directories`, lists the folders instead (DirList()).
 */
export async function listDataFiles(
  dataDir: string,
  mask: string,
  directories = false,
): Promise<string[]> {
  const cut = Math.max(mask.lastIndexOf('/'), mask.lastIndexOf('\\'));
  const prefix = mask.slice(0, cut + 1);
  const pattern = wildcardToRegExp(mask.slice(cut + 1));
  const directory = await resolveDirectory(dataDir, prefix);
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter(
      (entry) => (directories ? entry.isDirectory() : entry.isFile()) && pattern.test(entry.name),
    )
    .map((entry) => prefix + entry.name)
    .sort();
}

async function resolveDirectory(dataDir: string, prefix: string): Promise<string> {
  const isRoot = prefix === '' || /^lib:\/\/[^/\\]*[/\\]?$/i.test(prefix);
  if (isRoot) return path.resolve(dataDir);
  return resolveDataPath(dataDir, prefix.replace(/[/\\]$/, ''));
}

/** A file mask as an anchored, case-insensitive pattern. */
export function wildcardToRegExp(mask: string): RegExp {
  const body = mask
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}
