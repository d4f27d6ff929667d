import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppStore } from '../app/AppStore.js';
import { ReloadProgress } from '../app/ReloadProgress.js';
import { reloadApp } from '../app/reloadApp.js';
import { DEMO_APPS, type DemoApp } from './demoApps.js';

/** What seeding did for one demo app. */
export interface SeededApp {
  readonly id: string;
  readonly title: string;
  /** False when the app already existed and was left as it was. */
  readonly created: boolean;
}

/**
 * Creates the demo apps that do not exist yet: copies their data files from
 * `sourceDir` into the engine's data files, sets their script, reloads and
 * saves them. A reload that fails throws with the reload log.
 */
export async function seedDemoApps(
  apps: AppStore,
  sourceDir: string,
  demos: readonly DemoApp[] = DEMO_APPS,
): Promise<SeededApp[]> {
  const seeded: SeededApp[] = [];
  for (const demo of demos) {
    if (await apps.exists(demo.id)) {
      seeded.push({ id: demo.id, title: demo.title, created: false });
      continue;
    }
    for (const file of demo.files) await copyFile(join(sourceDir, file), join(apps.filesDir, file));
    const app = await apps.create(demo.title, demo.id);
    // Held while it reloads: an app nobody holds is unloaded, and the reload must land in the one saved.
    const release = app.hold();
    try {
      app.setScript(demo.script);
      const progress = new ReloadProgress();
      if (!(await reloadApp(app, progress, new AbortController().signal))) {
        await apps.delete(demo.id);
        throw new Error(`Demo app ${demo.id} failed to reload:\n${progress.text}`);
      }
      await app.save();
    } finally {
      release();
    }
    seeded.push({ id: demo.id, title: demo.title, created: true });
  }
  return seeded;
}
