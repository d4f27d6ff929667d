import { copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_APPS, ReloadProgress, reloadApp } from '@qlikit/engine';
import { principalOf } from '../auth/Authenticator.js';
import { DataFileFolders } from '../files/DataFileFolders.js';
import { AppService } from '../services/apps/AppService.js';
import { DataFileService } from '../services/data-files/DataFileService.js';
import type { TenantContext } from '../services/TenantContext.js';
import type { SpaceRow } from '../storage/SpacesTable.js';
import type { UserRow } from '../storage/UsersTable.js';
import { DEMO_DASHBOARDS } from './demoDashboards.js';
import { demoObjects } from './demoObjects.js';

/** The shared space the demo apps live in. */
export const DEMO_SPACE = 'Demo apps';

/** What seeding did for one demo app. */
export interface SeededDemoApp {
  readonly id: string;
  readonly title: string;
  /** False when it existed already and was left alone. */
  readonly created: boolean;
}

/**
 * Builds the demo apps the tenant does not have yet, in a shared space owned
 * by the admin: their files (public data sets from `sourceDir`, vega-datasets)
 * become the space's data files, each app's script loads them from
 * `lib://DataFiles/`, and each gets master dimensions and measures and a
 * sheet of charts. A demo app counts as built only once all of that is saved;
 * one a crash left half-built is deleted and built again.
 */
export async function seedDemo(
  context: TenantContext,
  admin: UserRow,
  sourceDir: string,
): Promise<SeededDemoApp[]> {
  const { storage, engineApps } = context;
  const settings = storage.settings;
  const principal = principalOf(admin, [], 'system', 'demo');
  const apps = new AppService(context);
  const files = new DataFileService(context);
  const space = demoSpace(context, admin);
  const seeded: SeededDemoApp[] = [];
  for (const demo of DEMO_APPS) {
    const doneKey = `demoSeeded:${demo.id}`;
    if (storage.apps.get(demo.id) && settings.get(doneKey)) {
      seeded.push({ id: demo.id, title: demo.title, created: false });
      continue;
    }
    if (storage.apps.get(demo.id)) await apps.delete(principal, demo.id);
    else if (await engineApps.exists(demo.id)) await engineApps.delete(demo.id);
    const folder = DataFileFolders.folderOf(space.id, space.ownerId);
    for (const name of demo.files) {
      if (storage.dataFiles.find(folder, name)) continue;
      const spooled = join(context.spool.dir, `demo-${name}`);
      await copyFile(join(sourceDir, name), spooled);
      const { size } = await stat(spooled);
      await files.create(principal, { spaceId: space.id, ownerId: space.ownerId }, name, {
        path: spooled,
        size,
      });
    }
    const row = await apps.createWithId(principal, demo.id, {
      name: demo.title,
      spaceId: space.id,
      description: `Demo app built from vega-datasets: ${demo.files.join(', ')}`,
    });
    // Held while it reloads, so that the reload and the objects land in the instance that is saved.
    const lastReloadTime = await engineApps.use(row.id, async (app) => {
      app.setScript(demo.script);
      const progress = new ReloadProgress();
      if (!(await reloadApp(app, progress, new AbortController().signal))) {
        await apps.delete(principal, demo.id);
        throw new Error(`Demo app ${demo.id} failed to reload:\n${progress.text}`);
      }
      const dashboard = DEMO_DASHBOARDS.find((candidate) => candidate.appId === demo.id);
      if (dashboard)
        for (const object of demoObjects(dashboard))
          app.createObject(object.type, object.properties, object.parentId);
      await app.save();
      return app.document.lastReloadTime;
    });
    storage.transaction(() => {
      storage.apps.update(demo.id, { lastReloadTime });
      settings.set(doneKey, new Date().toISOString());
    });
    seeded.push({ id: demo.id, title: demo.title, created: true });
  }
  return seeded;
}

function demoSpace(context: TenantContext, admin: UserRow): SpaceRow {
  const { storage } = context;
  return (
    storage.spaces.findByName(DEMO_SPACE) ??
    storage.spaces.create({
      name: DEMO_SPACE,
      type: 'shared',
      description: 'The demo apps `npm start` builds on first start.',
      ownerId: admin.id,
      createdBy: admin.id,
    })
  );
}
