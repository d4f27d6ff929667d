import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocError } from '../errors/LocError.js';
import type { AppDocument } from './AppDocument.js';
import type { AppVersions } from './AppVersions.js';
import { documentAs } from './appDocuments.js';
import { encodeTables } from './tableCodec.js';

/** A file of a saved version, by its name in the version and where it is now. */
export interface SavedFile {
  readonly name: string;
  readonly path: string;
}

// What a saved version holds; anything else in an import is no app.
const VERSION_FILES = new Set([
  'app.json',
  'tables.json',
  'tables.bin',
  'access.json',
  'access.bin',
]);

/** The paths of an import's files by name; refuses files that are no saved version (no app.json, unknown names). */
export function versionFilesOf(id: string, files: readonly SavedFile[]): Map<string, string> {
  const byName = new Map(files.map((file) => [file.name, file.path]));
  if (!byName.has('app.json') || files.some((file) => !VERSION_FILES.has(file.name)))
    throw new LocError(
      'LOCERR_GENERIC_CORRUPT_DATA',
      'Not a saved app: app.json missing or unknown files',
      {
        parameter: id,
      },
    );
  return byName;
}

/**
 * Makes the files of a saved version written elsewhere (an import) version 1
 * of the app `id`: `app.json` is rewritten with the new id and title, the
 * other files are moved in (same file system), and the version becomes
 * current by one rename. Without `tables.json`/`tables.bin` the app has no
 * data. The caller removes the app's directory when this fails.
 */
export async function adoptAppFiles(
  versions: AppVersions,
  id: string,
  title: string,
  byName: ReadonlyMap<string, string>,
): Promise<void> {
  const versionDir = versions.dir(id, 1);
  await mkdir(versionDir, { recursive: true });
  const document = JSON.parse(await readFile(byName.get('app.json')!, 'utf8')) as AppDocument;
  await writeFile(join(versionDir, 'app.json'), JSON.stringify(documentAs(document, id, title)));
  for (const [name, path] of byName)
    if (name !== 'app.json') await rename(path, join(versionDir, name));
  if (!byName.has('tables.json')) {
    const { header, body } = encodeTables([]);
    await writeFile(join(versionDir, 'tables.bin'), body);
    await writeFile(join(versionDir, 'tables.json'), header);
  }
  await versions.makeCurrent(id, 1);
}
