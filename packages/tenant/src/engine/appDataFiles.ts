import { realpath, readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DataFileError, type DataFiles } from '@qlikit/engine';
import { principalOf } from '../auth/Authenticator.js';
import { DataFileFolders } from '../files/DataFileFolders.js';
import { wildcard } from '../files/dataFileName.js';
import type { TenantContext } from '../services/TenantContext.js';

/** What resolving an app's script paths reads. */
export type AppDataFilesDeps = Pick<TenantContext, 'storage' | 'policy' | 'folders'>;

/** `lib://<connection>/<path>`: `DataFiles` or `<space name>:DataFiles`, and the rest. */
const LIB_PATH = /^lib:\/\/([^/\\]+)[/\\](.*)$/i;

/**
 * What an app's load script may read and STORE: `lib://DataFiles/<name>` is
 * the data files of the app's own space (its owner's personal space for a
 * personal app), and `lib://<space name>:DataFiles/<name>` those of another
 * space, when the app's owner may read data there (and, for a STORE, write
 * it). Nothing else on disk is
 * reachable: other connections, absolute and relative paths, `..` segments and
 * symlinks out of a folder are all refused.
 */
export function appDataFiles(context: AppDataFilesDeps, appId: string): DataFiles {
  const folderOf = (connection: string, scriptPath: string, purpose: 'read' | 'write'): string => {
    const app = context.storage.apps.get(appId);
    if (!app) throw refused(scriptPath, `App ${appId} has no DataFiles connections`);
    const match = /^(?:(.+):)?DataFiles$/i.exec(connection);
    if (!match)
      throw refused(
        scriptPath,
        `Connection '${connection}' does not exist (the tenant has DataFiles connections only)`,
      );
    const spaceName = match[1];
    const owner = context.storage.users.get(app.ownerId);
    const principal =
      owner &&
      principalOf(
        owner,
        context.storage.groups.ofUser(owner.id).map((g) => g.id),
        'system',
        appId,
      );
    const permission = purpose === 'write' ? 'writeData' : 'readData';
    if (spaceName === undefined) {
      // The app's own space: reads always (the app lives there); a STORE needs its owner's write permission.
      if (
        purpose === 'write' &&
        !(principal && context.policy.permissions(principal, app).has(permission))
      )
        throw refused(scriptPath, `The app's owner may not write data files in its space`);
      return DataFileFolders.folderOf(app.spaceId, app.ownerId);
    }
    const space = context.storage.spaces.findByName(spaceName);
    if (!space || !principal || !context.policy.spacePermissions(principal, space).has(permission))
      throw refused(
        scriptPath,
        `Connection '${connection}' does not exist or the app's owner may not ${purpose} it`,
      );
    return DataFileFolders.folderOf(space.id, space.ownerId);
  };

  /** The absolute path a `lib://` path names (a directory when it ends in `/`). */
  const locate = async (
    scriptPath: string,
    purpose: 'read' | 'write' = 'read',
  ): Promise<string> => {
    const match = LIB_PATH.exec(scriptPath.trim());
    if (!match)
      throw refused(
        scriptPath,
        `Path '${scriptPath}' is not a lib:// path; load scripts on the tenant read lib://DataFiles/...`,
      );
    const [, connection, rest] = match as unknown as [string, string, string];
    const dir = context.folders.dirOf(folderOf(connection, scriptPath, purpose));
    const segments = rest.split(/[/\\]/);
    if (segments.some((segment) => segment === '..' || segment === '.') || /^[a-z]:/i.test(rest))
      throw outside(scriptPath);
    const path = join(dir, ...segments.filter((segment) => segment !== ''));
    await insideRealFolder(dir, path, scriptPath);
    return path;
  };

  return {
    resolve: locate,
    async list(mask, kind) {
      const cut = Math.max(mask.lastIndexOf('/'), mask.lastIndexOf('\\'));
      const folderPath = mask.slice(0, cut + 1);
      const pattern = wildcard(mask.slice(cut + 1));
      const entries = await readdir(await locate(folderPath), { withFileTypes: true }).catch(
        () => [],
      );
      return entries
        .filter(
          (entry) =>
            (kind === 'folders' ? entry.isDirectory() : entry.isFile()) && pattern.test(entry.name),
        )
        .map((entry) => folderPath + entry.name)
        .sort();
    },
  };
}

/** Refuses a path whose real location (symlinks followed) is not inside the folder. */
async function insideRealFolder(dir: string, path: string, scriptPath: string): Promise<void> {
  const realDir = await realpath(dir).catch(() => dir);
  let probe = path;
  const missing: string[] = [];
  for (;;) {
    try {
      const real = join(await realpath(probe), ...missing);
      const rel = relative(realDir, real);
      if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) throw outside(scriptPath);
      return;
    } catch (error) {
      if (error instanceof DataFileError) throw error;
      const parent = dirname(probe);
      if (parent === probe) return;
      missing.unshift(probe.slice(parent.length + 1));
      probe = parent;
    }
  }
}

function outside(scriptPath: string): DataFileError {
  return new DataFileError(
    'SCRIPT_PATH_OUTSIDE_DATA_DIR',
    `Path '${scriptPath}' points outside its DataFiles folder`,
    scriptPath,
  );
}

function refused(scriptPath: string, message: string): DataFileError {
  return new DataFileError('SCRIPT_FILE_NOT_FOUND', message, scriptPath);
}
