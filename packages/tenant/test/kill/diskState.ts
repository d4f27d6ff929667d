import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** What a stopped tenant's data directory holds, read straight from SQLite and the disk. */
export interface DiskState {
  /** `PRAGMA integrity_check`: 'ok' for a sound database. */
  readonly integrity: string;
  /** Data file rows as `folder/name:size`, and the files on disk the same way. */
  readonly dataFileRows: string[];
  readonly dataFilesOnDisk: string[];
  /** App rows, and the app directories of the engine. */
  readonly appRows: string[];
  readonly appDirs: string[];
  /** Apps whose `CURRENT` does not name a complete version (app.json present). */
  readonly brokenApps: string[];
  /** Version directories no `CURRENT` names (an interrupted save's leftovers). */
  readonly strayVersions: string[];
  /** Temp content rows and files. */
  readonly tempRows: string[];
  readonly tempFiles: string[];
  /** What the upload spool holds. */
  readonly spooled: string[];
  /** Reloads by status. */
  readonly reloads: Record<string, number>;
}

async function list(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** Reads a data directory; call it while no tenant runs on it (or after a restart has settled). */
export async function readDiskState(dataDir: string): Promise<DiskState> {
  const db = new Database(join(dataDir, 'tenant.db'), { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const dataFileRows = (
      db.prepare('SELECT folder, name, size FROM data_files').all() as {
        folder: string;
        name: string;
        size: number;
      }[]
    )
      .map((row) => `${row.folder}/${row.name}:${row.size}`)
      .sort();
    const dataFilesOnDisk: string[] = [];
    const filesDir = join(dataDir, 'files');
    for (const entry of await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(
      () => [],
    )) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const relative = path
        .slice(filesDir.length + 1)
        .split('\\')
        .join('/');
      dataFilesOnDisk.push(`${relative}:${(await stat(path)).size}`);
    }
    dataFilesOnDisk.sort();

    const appRows = (db.prepare('SELECT id FROM apps').all() as { id: string }[])
      .map((row) => row.id)
      .sort();
    const appsDir = join(dataDir, 'engine', 'apps');
    const appDirs = await list(appsDir);
    const brokenApps: string[] = [];
    const strayVersions: string[] = [];
    for (const id of appDirs) {
      const current = (await readFile(join(appsDir, id, 'CURRENT'), 'utf8').catch(() => '')).trim();
      const versions = (await list(join(appsDir, id))).filter((name) => /^v\d+$/.test(name));
      const complete = await stat(join(appsDir, id, `v${current}`, 'app.json')).catch(() => null);
      if (!current || !complete) brokenApps.push(id);
      for (const version of versions)
        if (version !== `v${current}`) strayVersions.push(`${id}/${version}`);
    }

    const tempRows = (db.prepare('SELECT id FROM temp_contents').all() as { id: string }[])
      .map((row) => row.id)
      .sort();
    const reloads: Record<string, number> = {};
    for (const row of db
      .prepare('SELECT status, COUNT(*) AS n FROM reloads GROUP BY status')
      .all() as {
      status: string;
      n: number;
    }[])
      reloads[row.status] = row.n;
    return {
      integrity,
      dataFileRows,
      dataFilesOnDisk,
      appRows,
      appDirs,
      brokenApps,
      strayVersions,
      tempRows,
      tempFiles: await list(join(dataDir, 'temp')),
      spooled: await list(join(dataDir, 'uploads')),
      reloads,
    };
  } finally {
    db.close();
  }
}
