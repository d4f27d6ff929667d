import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo, startTenant, type RunningTenant } from '@qlikit/tenant';
import { ensureHubBuilt, hubPlugin } from '../../src/index.js';
import { launchChromium, recordedPage, screenshot, type Traffic } from './Browser.js';
import {
  expectAxisShows,
  drawn,
  expectCellText,
  expectCurrentSelections,
  lastAnswer,
  expectRows,
  layoutRows,
  selectAxisRange,
  selectBar,
  selectListValue,
  toolbar,
  valuesByText,
  waitForCharts,
} from './charts.js';
import { flightsTruth } from './flightsTruth.js';
import { expectCellsOnGrid, type SheetGrid } from './sheetGrid.js';
import { expectMethodsDocumented } from './methodRecord.js';

const require = createRequire(import.meta.url);
const truth = flightsTruth();
const DEMO_APPS = ['flights', 'seattle-weather', 'people-groups', 'cars'];
const CHART_KINDS = ['kpi', 'barchart', 'filterpane', 'linechart', 'piechart', 'table'];

// The whole hub in Debian's chromium, on the local tenant `npm start` serves:
// sign-in, the app list, every demo sheet drawn by nebula.js, selections,
// the load-script editor with a reload, and the data model viewer.
// Each step waits on a real browser drawing real charts: on a loaded CI machine
// (npm test runs every package's suites at once) a step can take far over 30 s.
describe('the hub on the local tenant', { timeout: 120_000 }, () => {
  let dataDir: string;
  let tenant: RunningTenant;
  let browser: Browser;
  let page: Page;
  let traffic: Traffic;
  let expectedHttpErrors = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qlikit-hub-'));
    await ensureHubBuilt();
    tenant = await startTenant({
      port: 0,
      dataDir,
      rateLimit: false,
      plugins: [hubPlugin({ webIntegrationId: 'qlikit-hub' })],
    });
    await seedDemo(
      tenant.context,
      tenant.admin.user,
      join(dirname(require.resolve('vega-datasets')), '..', 'data'),
    );
    browser = await launchChromium();
    ({ page, traffic } = await recordedPage(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await tenant?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Each engine call is filed under the test that made it (QIX-METHODS.md's "during").
  beforeEach((context) => {
    if (traffic) traffic.phase = context.task.name;
  });

  const go = async (hash: string, ready: string) => {
    await page.goto(`${tenant.url}/${hash}`);
    await page.waitForSelector(`body[data-ready="${ready}"]`, { timeout: 30_000 });
  };

  it('refuses a wrong API key on the sign-in page, and says so', async () => {
    await page.goto(`${tenant.url}/`);
    await page.waitForSelector('input[name="apiKey"]');
    expect(page.url()).toContain('#/signin');
    await page.fill('input[name="apiKey"]', 'not-a-key');
    await page.click('button[type="submit"]');
    await expect
      .poll(() => page.textContent('.signin-error'), { timeout: 10_000 })
      .toMatch(/not accepted/);
    // The one failing request of the whole run: the refused sign-in.
    expectedHttpErrors = 1;
    expect(traffic.httpErrors).toEqual([expect.stringMatching(/^401 .*\/login\/jwt-session$/)]);
    await screenshot(page, 'hub-1-signin-refused');
  });

  it('signs in with the API key and lists the apps by space, with a search', async () => {
    await page.fill('input[name="apiKey"]', tenant.admin.apiKey);
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-ready="apps"]');
    const apps = await page.$$eval('a.app-link', (links) =>
      links.map((link) => (link as HTMLElement).dataset.app),
    );
    expect(apps.sort()).toEqual([...DEMO_APPS].sort());
    expect(await page.$$eval('section.space h2', (titles) => titles.length)).toBeGreaterThan(0);
    await screenshot(page, 'hub-2-apps');
    await page.fill('input.search', 'weather');
    expect(
      await page.$$eval('a.app-link', (links) =>
        links.map((link) => (link as HTMLElement).dataset.app),
      ),
    ).toEqual(['seattle-weather']);
    await page.fill('input.search', '');
  });

  it('shows an app overview with its sheets, master items and data model', async () => {
    await go('#/app/flights', 'app');
    expect(await page.$$eval('a.sheet-link', (links) => links.map((l) => l.textContent))).toEqual([
      'Delays',
    ]);
    const masters = await page.$$eval('[data-master]', (items) =>
      items.map((item) => (item as HTMLElement).dataset.master),
    );
    expect(masters).toEqual(expect.arrayContaining(['dim-origin-state', 'msr-flights']));
    expect(await page.textContent('section.model-summary')).toContain('20,000 rows');
    await screenshot(page, 'hub-3-overview');
  });

  it('draws every chart of every demo sheet', async () => {
    for (const app of DEMO_APPS) {
      await go(`#/app/${app}/sheet/${app}-sheet`, 'sheet');
      const states = await waitForCharts(page);
      expect(states, `${app}: ${traffic.consoleErrors.join('\n')}`).toEqual(
        Object.fromEntries(CHART_KINDS.map((kind) => [`${app}-${kind}`, 'true'])),
      );
      await page.waitForTimeout(1000);
      for (const kind of CHART_KINDS)
        expect(await drawn(page, `${app}-${kind}`), `${app}-${kind} is blank`).toBe(true);
      await screenshot(page, `hub-4-sheet-${app}`);
    }
  });

  it('shows on the flights sheet the numbers of the data files', async () => {
    await go('#/app/flights/sheet/flights-sheet', 'sheet');
    await waitForCharts(page);
    // Each cell where the sheet's grid puts it.
    const sheet = lastAnswer(traffic, 'flights-sheet', 'GetLayout').qLayout as SheetGrid;
    expect(sheet.cells).toHaveLength(CHART_KINDS.length);
    await expectCellsOnGrid(page, sheet);
    await expectCellText(page, 'flights-kpi', truth.averageDelay.toFixed(1));
    await expectRows(traffic, 'flights-barchart', truth.byState);
    await expectRows(traffic, 'flights-piechart', keyed(truth.byHour));
    const line = valuesByText(layoutRows(traffic, 'flights-linechart'));
    for (const [hour, delay] of truth.delayByHour)
      expect(line.get(String(hour)), `hour ${hour}`).toBeCloseTo(delay, 9);
    const table = layoutRows(traffic, 'flights-table');
    expect(table.reduce((sum, row) => sum + Number(row[2]!.qNum), 0)).toBe(truth.flights);
  });

  it('filters every chart from a bar click and from a list value; back, forward and clear', async () => {
    await selectBar(page, 'flights-barchart', 'CA');
    const ca = truth.byHourInState('CA');
    await expectRows(traffic, 'flights-barchart', new Map([['CA', truth.byState.get('CA')!]]));
    await expectAxisShows(page, 'flights-barchart', 'CA', 'TX');
    await expectRows(traffic, 'flights-piechart', keyed(ca));
    await expectCellText(page, 'flights-kpi', truth.delayByState.get('CA')!.toFixed(1));
    await expectCellText(page, 'flights-filterpane', 'CA');
    await expectCurrentSelections(page, ['Origin State', 'CA']);
    await screenshot(page, 'hub-5-bar-selected');
    await toolbar(page, 'Clear all selections');
    await expectCellText(page, 'flights-kpi', truth.averageDelay.toFixed(1));
    const hours = Array.from({ length: 24 }, (_, hour) => String(hour));
    await selectListValue(page, 'flights-filterpane', '7', hours);
    await expectRows(traffic, 'flights-barchart', truth.byStateAtHour(7));
    await expectRows(traffic, 'flights-piechart', new Map([['7', truth.byHour.get(7)!]]));
    await expectCellText(page, 'flights-kpi', truth.delayByHour.get(7)!.toFixed(1));
    await expectCurrentSelections(page, ['Hour', '7']);
    await screenshot(page, 'hub-6-list-selected');
    await toolbar(page, 'Step back');
    await expectCellText(page, 'flights-kpi', truth.averageDelay.toFixed(1));
    await toolbar(page, 'Step back');
    await expectRows(traffic, 'flights-piechart', keyed(ca));
    await toolbar(page, 'Step forward');
    await toolbar(page, 'Step forward');
    await expectRows(traffic, 'flights-piechart', new Map([['7', truth.byHour.get(7)!]]));
    await toolbar(page, 'Clear all selections');
    await expectRows(traffic, 'flights-piechart', keyed(truth.byHour));
    await expectCurrentSelections(page, []);
  });

  it('selects the bars of a range by dragging along the measure axis', async () => {
    await go('#/app/flights/sheet/flights-sheet', 'sheet');
    await waitForCharts(page);
    await page.waitForTimeout(1000);
    const qRange = await selectAxisRange(
      page,
      traffic,
      'flights-barchart',
      ['3,000', '1,000'],
      'RangeSelectHyperCubeValues',
    );
    // The states whose flight counts the data files put inside the dragged range.
    const inRange = new Map(
      [...truth.byState].filter(([, count]) => count >= qRange.qMin && count <= qRange.qMax),
    );
    expect(inRange.size).toBeGreaterThan(0);
    await expectRows(traffic, 'flights-barchart', inRange);
    await expectRows(traffic, 'flights-piechart', keyed(truth.byHourInState(...inRange.keys())));
    // The busiest state outside the range leaves the axis.
    const outside = [...truth.byState]
      .sort(([, a], [, b]) => b - a)
      .find(([state]) => !inRange.has(state))![0];
    await expectAxisShows(page, 'flights-barchart', [...inRange.keys()][0]!, outside);
    await screenshot(page, 'hub-7-range-selected');
    await toolbar(page, 'Clear all selections');
    await expectRows(traffic, 'flights-piechart', keyed(truth.byHour));
  });

  it('shows the data model: tables, fields and the key between them', async () => {
    await go('#/app/flights/model', 'model');
    const tables = await page.$$eval('[data-table]', (items) =>
      items.map((item) => (item as HTMLElement).dataset.table),
    );
    expect(tables).toEqual(['Flights', 'OriginAirports']);
    expect(
      await page.$$eval('li.key', (keys) => keys.map((key) => (key as HTMLElement).dataset.field)),
    ).toEqual(['Origin', 'Origin']);
    expect(await page.textContent('.model-keys')).toContain(
      'Flights ⟷ OriginAirports through Origin',
    );
    await screenshot(page, 'hub-8-data-model');
  });

  it('checks the script as it is typed, reloads it with a live log, and shows the new field', async () => {
    await go('#/app/people-groups/script', 'script');
    await expect
      .poll(() => page.textContent('.problems'), { timeout: 10_000 })
      .toContain('No syntax errors');
    const editor = page.locator('textarea.script-editor');
    const script = await editor.inputValue();
    await editor.fill(`${script}\nBroken: LOAD * FROM;\n`);
    await expect
      .poll(() => page.$$eval('.problems [data-syntax="error"]', (errors) => errors.length), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    await screenshot(page, 'hub-9-script-error');
    await editor.fill(
      `${script}\nColors:\nLOAD * INLINE [\nFavouriteColor\nred\ngreen\nblue\n];\n`,
    );
    await expect
      .poll(() => page.textContent('.problems'), { timeout: 10_000 })
      .toContain('No syntax errors');
    await page.click('button.primary');
    await page.waitForSelector('[data-field="FavouriteColor"]', { timeout: 60_000 });
    expect(await page.textContent('.reload-log')).toMatch(/Colors[\s\S]*Reload finished\./);
    expect(await page.textContent('.reload-result')).toContain('Colors (3 rows)');
    await screenshot(page, 'hub-10-reloaded');
    await go('#/app/people-groups/model', 'model');
    expect(await page.$$eval('[data-table="Colors"] [data-field]', (fields) => fields.length)).toBe(
      1,
    );
  });

  it('met no failing request: every engine call answered, no HTTP error but the refused key', () => {
    expect(traffic.engineErrors()).toEqual([]);
    expect(traffic.httpErrors).toHaveLength(expectedHttpErrors);
    expect(traffic.pageErrors).toEqual([]);
    expect(traffic.consoleErrors.filter((line) => !/status of 401/.test(line))).toEqual([]);
  });

  it('called only engine methods that QIX-METHODS.md describes', async () => {
    await expectMethodsDocumented('hub', traffic);
  });
});

function keyed(counts: ReadonlyMap<number, number>): Map<string, number> {
  return new Map([...counts].map(([key, value]) => [String(key), value]));
}
