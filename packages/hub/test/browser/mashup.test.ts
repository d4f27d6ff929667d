import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, startTenant, type RunningTenant } from '@qlikit/tenant';
import { bundleBrowserScript } from '../../src/buildHub.js';
import { launchChromium, recordedPage, screenshot } from './Browser.js';
import { serveDirectory } from './harness.js';
import { expectMethodsDocumented } from './methodRecord.js';

const require = createRequire(import.meta.url);
const MASHUP_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'mashup');

// examples/mashup: a page of another origin embedding two charts of the
// flights demo app with nebula.js, signed in to the local tenant by cookie.
// Each step waits on a real browser drawing real charts: on a loaded CI machine
// (npm test runs every package's suites at once) a step can take far over 30 s.
describe('examples/mashup', { timeout: 120_000 }, () => {
  let dir: string;
  let dataDir: string;
  let site: { url: string; close(): Promise<void> };
  let tenant: RunningTenant;
  let browser: Browser;

  beforeAll(async () => {
    [dir, dataDir] = await Promise.all([
      mkdtemp(join(tmpdir(), 'qlikit-mashup-')),
      mkdtemp(join(tmpdir(), 'qlikit-mashup-tenant-')),
    ]);
    await bundleBrowserScript(join(MASHUP_DIR, 'mashup.ts'), join(dir, 'mashup.js'));
    await copyFile(join(MASHUP_DIR, 'index.html'), join(dir, 'index.html'));
    site = await serveDirectory(dir);
    tenant = await startTenant({ port: 0, dataDir, rateLimit: false, corsOrigins: [site.url] });
    await seedDemo(
      tenant.context,
      tenant.admin.user,
      join(dirname(require.resolve('vega-datasets')), '..', 'data'),
    );
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await tenant?.close();
    await site?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('draws the two charts from the tenant, with no failing request', async () => {
    const { page, traffic } = await recordedPage(browser, { width: 1200, height: 700 });
    await page.goto(`${site.url}/index.html?tenant=${tenant.url}#key=${tenant.admin.apiKey}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    for (const id of ['bar', 'pie']) {
      const painted = await page.$eval(`#${id}`, (element) =>
        [...element.querySelectorAll('canvas')].some((canvas) => {
          const pixels = canvas
            .getContext('2d')
            ?.getImageData(0, 0, canvas.width, canvas.height).data;
          return (
            pixels !== undefined && pixels.some((value, index) => index % 4 === 3 && value > 0)
          );
        }),
      );
      expect(painted, `#${id} is blank`).toBe(true);
    }
    expect(await page.textContent('#bar')).toContain('TX');
    await screenshot(page, 'mashup');
    expect(traffic.engineErrors()).toEqual([]);
    expect(traffic.httpErrors).toEqual([]);
    expect(traffic.pageErrors).toEqual([]);
    await expectMethodsDocumented('mashup', traffic);
  });
});
