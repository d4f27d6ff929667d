import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocError } from '../errors/LocError.js';
import type { AppDocument, AppSnapshot } from './AppDocument.js';
import type { LoadedTable } from '../model/LoadedTable.js';
import { decodeTables, encodeTables } from './tableCodec.js';

const CURRENT = 'CURRENT';
const APP_ID = /^[A-Za-z0-9_.-]{1,200}$/;

/**
 * The apps on disk. Each app is a directory `apps/<id>/` holding numbered
 * versions (`v<N>/app.json`, `v<N>/tables.json`, `v<N>/tables.bin`) and a
 * `CURRENT` file naming the live one. A save writes a new version completely,
 * then replaces `CURRENT` by rename, so a crash at any point leaves the
 * previous version readable.
 */
export class AppVersions {
  constructor(readonly appsDir: string) {}

  /** The directory of one version of an app. */
  dir(id: string, version: number): string {
    return join(this.appsDir, id, `v${version}`);
  }

  /** Makes a written version the app's current one, by one rename. */
  async makeCurrent(id: string, version: number): Promise<void> {
    const dir = join(this.appsDir, id);
    const pointer = join(dir, `${CURRENT}.${process.pid}.${version}.tmp`);
    await writeFile(pointer, String(version));
    await rename(pointer, join(dir, CURRENT));
  }

  /** Writes a snapshot as the app's next version and makes it current; the previous version goes. */
  async write(snapshot: AppSnapshot): Promise<void> {
    const { id } = snapshot.document;
    assertAppId(id);
    const dir = join(this.appsDir, id);
    await mkdir(dir, { recursive: true });
    const current = await this.current(id);
    const version = (current ?? 0) + 1;
    const versionDir = this.dir(id, version);
    await rm(versionDir, { recursive: true, force: true });
    await mkdir(versionDir);
    const { header, body } = encodeTables(snapshot.tables);
    await writeFile(join(versionDir, 'tables.bin'), body);
    await writeFile(join(versionDir, 'tables.json'), header);
    if (snapshot.sectionAccess && snapshot.sectionAccess.length > 0) {
      const access = encodeTables(snapshot.sectionAccess);
      await writeFile(join(versionDir, 'access.bin'), access.body);
      await writeFile(join(versionDir, 'access.json'), access.header);
    }
    await writeFile(join(versionDir, 'app.json'), JSON.stringify(snapshot.document));
    await this.makeCurrent(id, version);
    if (current !== null) await rm(join(dir, `v${current}`), { recursive: true, force: true });
  }

  /** The current version of an app, or null when there is none. */
  async read(id: string): Promise<AppSnapshot | null> {
    if (!APP_ID.test(id)) return null;
    const version = await this.current(id);
    if (version === null) return null;
    const versionDir = this.dir(id, version);
    try {
      const document = JSON.parse(
        await readFile(join(versionDir, 'app.json'), 'utf8'),
      ) as AppDocument;
      const tables = decodeTables(
        await readFile(join(versionDir, 'tables.json'), 'utf8'),
        await readFile(join(versionDir, 'tables.bin')),
      );
      return { document, tables, sectionAccess: await this.readAccess(versionDir) };
    } catch (cause) {
      throw new LocError('LOCERR_GENERIC_CORRUPT_DATA', `App ${id} cannot be read`, {
        parameter: id,
        cause,
      });
    }
  }

  /** The document of an app's current version without its data (a listing needs no more), or null when there is none. */
  async readDocument(id: string): Promise<AppDocument | null> {
    const version = await this.current(id);
    if (version === null) return null;
    try {
      return JSON.parse(
        await readFile(join(this.dir(id, version), 'app.json'), 'utf8'),
      ) as AppDocument;
    } catch (cause) {
      throw new LocError('LOCERR_GENERIC_CORRUPT_DATA', `App ${id} cannot be read`, {
        parameter: id,
        cause,
      });
    }
  }

  /** The SECTION ACCESS tables saved with a version; none when it has no access files. */
  private async readAccess(versionDir: string): Promise<LoadedTable[]> {
    let header: string;
    try {
      header = await readFile(join(versionDir, 'access.json'), 'utf8');
    } catch {
      return [];
    }
    return decodeTables(header, await readFile(join(versionDir, 'access.bin')));
  }

  /**
   * Removes what a save stopped part-way left in each app's directory: versions
   * other than the current one and pointer files not yet renamed. Run before
   * any save starts; an app without a current version is left as it is.
   */
  async removeUnfinished(): Promise<void> {
    for (const id of await readdir(this.appsDir).catch(() => [] as string[])) {
      const current = await this.current(id);
      if (current === null) continue;
      for (const name of await readdir(join(this.appsDir, id))) {
        const unfinished =
          (/^v\d+$/.test(name) && name !== `v${current}`) ||
          (name.startsWith(`${CURRENT}.`) && name.endsWith('.tmp'));
        if (!unfinished) continue;
        await rm(join(this.appsDir, id, name), { recursive: true, force: true });
      }
    }
  }

  /** The number of an app's current version, or null when it has none. */
  async current(id: string): Promise<number | null> {
    if (!APP_ID.test(id)) return null;
    try {
      const version = Number((await readFile(join(this.appsDir, id, CURRENT), 'utf8')).trim());
      return Number.isInteger(version) && version > 0 ? version : null;
    } catch {
      return null;
    }
  }
}

/** Refuses an id that is not a safe directory name. */
export function assertAppId(id: string): void {
  if (!APP_ID.test(id)) {
    throw new LocError('LOCERR_APP_INVALID_NAME', `Invalid app id: ${JSON.stringify(id)}`, {
      parameter: id,
    });
  }
}
