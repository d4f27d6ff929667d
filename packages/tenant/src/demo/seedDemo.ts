import { DEMO_APPS, seedDemoApps } from '@qlikit/engine';
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
 * by the admin: each is loaded from the public data sets in `sourceDir`
 * (vega-datasets), given master dimensions and measures and a sheet of
 * charts, and saved before its metadata is committed.
 */
export async function seedDemo(
  context: TenantContext,
  admin: UserRow,
  sourceDir: string,
): Promise<SeededDemoApp[]> {
  const { storage, engineApps } = context;
  const space = demoSpace(context, admin);
  const seeded: SeededDemoApp[] = [];
  for (const demo of DEMO_APPS) {
    if (storage.apps.get(demo.id)) {
      seeded.push({ id: demo.id, title: demo.title, created: false });
      continue;
    }
    if (await engineApps.exists(demo.id)) await engineApps.delete(demo.id);
    await seedDemoApps(engineApps, sourceDir, [demo]);
    const app = await engineApps.get(demo.id);
    const dashboard = DEMO_DASHBOARDS.find((candidate) => candidate.appId === demo.id);
    if (dashboard) {
      for (const object of demoObjects(dashboard))
        app.createObject(object.type, object.properties, object.parentId);
      await app.save();
    }
    storage.transaction(() => {
      storage.apps.create({
        id: demo.id,
        name: demo.title,
        ownerId: admin.id,
        spaceId: space.id,
        description: `Demo app built from vega-datasets: ${demo.files.join(', ')}`,
        lastReloadTime: app.document.lastReloadTime,
      });
      storage.items.create({
        resourceType: 'app',
        resourceId: demo.id,
        name: demo.title,
        spaceId: space.id,
        ownerId: admin.id,
      });
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
