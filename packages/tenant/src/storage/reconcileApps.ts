import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage } from './Storage.js';

/**
 * Makes the engine's app directories and the apps table agree after a crash:
 * a directory without a row is an app whose creation (or import, or copy)
 * never committed, or whose deletion did not finish, and is removed; a row
 * whose app cannot be found on disk is dropped with its item.
 */
export async function reconcileApps(
  storage: Storage,
  appsDir: string,
): Promise<{ removedDirs: string[]; removedRows: string[] }> {
  const rows = new Set(storage.apps.ids());
  const dirs = await readdir(appsDir).catch(() => [] as string[]);
  const removedDirs: string[] = [];
  for (const dir of dirs) {
    if (rows.has(dir)) continue;
    await rm(join(appsDir, dir), { recursive: true, force: true });
    removedDirs.push(dir);
  }
  const onDisk = new Set(dirs);
  const removedRows = [...rows].filter((id) => !onDisk.has(id));
  storage.transaction(() => {
    for (const id of removedRows) {
      storage.items.deleteResource('app', id);
      storage.apps.delete(id);
    }
  });
  return { removedDirs, removedRows };
}
