import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoApps, startEngine, type RunningEngine } from '@qlikit/engine';
import { launchChromium, recordedPage, screenshot, type Traffic } from './Browser.js';
import {
  drawn,
  expectAxisShows,
  expectCellText,
  expectRows,
  lastAnswer,
  layoutRows,
  selectAxisRange,
  selectBar,
  selectListValue,
  toolbar,
  valuesByText,
  waitForCharts,
  type Cell,
} from './charts.js';
import { FLIGHTS_SHEET_SPEC } from './flightsSheet.js';
import type { Nebula } from '../../web/session/nebula.js';
import { flightsTruth } from './flightsTruth.js';
import { expectMethodsDocumented } from './methodRecord.js';
import { serveSheetHarness } from './harness.js';

const require = createRequire(import.meta.url);
const truth = flightsTruth();

// Qlik's nebula.js charts (stardust 7 with sn-bar-chart, sn-line-chart, sn-pie-chart,
// sn-kpi, sn-table, sn-filter-pane) drawing the hub's sheet view on the bare engine.
// Each step waits on a real browser drawing real charts: on a loaded CI machine
// (npm test runs every package's suites at once) a step can take far over 30 s.
describe('nebula.js charts on @qlikit/engine', { timeout: 120_000 }, () => {
  let dataDir: string;
  let engine: RunningEngine;
  let harness: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let traffic: Traffic;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qlikit-hub-engine-'));
    engine = await startEngine({ port: 0, dataDir });
    await seedDemoApps(engine.apps, join(dirname(require.resolve('vega-datasets')), '..', 'data'));
    [harness, browser] = await Promise.all([
      serveSheetHarness(FLIGHTS_SHEET_SPEC),
      launchChromium(),
    ]);
    ({ page, traffic } = await recordedPage(browser));
    const engineUrl = encodeURIComponent(`${engine.url}/app/flights`);
    await page.goto(`${harness.url}/?engine=${engineUrl}&app=flights`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await engine?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Each engine call is filed under the test that made it (QIX-METHODS.md's "during").
  beforeEach((context) => {
    if (traffic) traffic.phase = context.task.name;
  });

  // The ten busiest hours (ties in the chart's order: hour ascending) and Others.
  const topAndOthers = (counts: ReadonlyMap<number, number>) => {
    const ranked = [...counts].sort(([hourA, a], [hourB, b]) => b - a || hourA - hourB);
    const rest = ranked.slice(10).reduce((sum, [, n]) => sum + n, 0);
    return new Map([
      ...ranked.slice(0, 10).map(([hour, n]): [string, number] => [String(hour), n]),
      ...(rest > 0 ? [['Others', rest] as [string, number]] : []),
    ]);
  };

  it('draws all six charts with the numbers of the data files', async () => {
    const states = await waitForCharts(page);
    expect(states, traffic.consoleErrors.join('\n')).toEqual({
      't-kpi': 'true',
      't-bar': 'true',
      't-line': 'true',
      't-pie': 'true',
      't-table': 'true',
      't-filters': 'true',
    });
    await page.waitForTimeout(1500);
    await screenshot(page, 'engine-sheet');
    for (const id of Object.keys(states))
      expect(await drawn(page, id), `${id} is blank`).toBe(true);

    // KPI: the number of flights, formatted as its measure says.
    expect(await page.textContent('.sheet-cell[data-object="t-kpi"]')).toContain(
      truth.flights.toLocaleString('en-US'),
    );
    // Bar chart: flights per origin state, most first; its axis shows the states in that order.
    // (States whose airports saw no flight are there with 0: the chart includes zero values.)
    const bars = valuesByText(layoutRows(traffic, 't-bar'));
    expect(bars).toEqual(truth.byState);
    const labels = await page.$$eval('.sheet-cell[data-object="t-bar"] svg text', (texts) =>
      texts.map((text) => text.textContent),
    );
    const ranked = [...truth.byState].sort(([, a], [, b]) => b - a).map(([state]) => state);
    expect(labels.slice(0, 5)).toEqual(ranked.slice(0, 5));
    // Pie chart: the ten busiest hours and Others for the rest.
    const slices = valuesByText(layoutRows(traffic, 't-pie'));
    expect([...slices]).toEqual([...topAndOthers(truth.byHour)]);
    // Line chart: a continuous time axis fed by GetHyperCubeContinuousData.
    const line = lastAnswer(traffic, 't-line', 'GetHyperCubeContinuousData') as {
      qDataPages: { qMatrix: Cell[][] }[];
    };
    const perDay = line.qDataPages[0]!.qMatrix;
    expect(perDay.reduce((sum, row) => sum + Number(row[1]!.qNum), 0)).toBe(truth.flights);
    // Table: state, flights and average delay, by state.
    const table = layoutRows(traffic, 't-table');
    const tx = table.find((row) => row[0]!.qText === 'TX')!;
    expect(Number(tx[1]!.qNum)).toBe(truth.byState.get('TX'));
    expect(Number(tx[2]!.qNum)).toBeCloseTo(truth.delayByState.get('TX')!, 9);
  });

  const expectKpi = (value: number) => expectCellText(page, 't-kpi', value.toLocaleString('en-US'));

  it('clicking a bar selects its state and every other chart shows that state', async () => {
    await selectBar(page, 't-bar', 'TX');
    const tx = truth.byState.get('TX')!;
    await expectKpi(tx);
    await expectRows(traffic, 't-bar', new Map([['TX', tx]]));
    // The chart draws TX alone: no other state on its axis.
    await expectAxisShows(page, 't-bar', 'TX', 'CA');
    await expectRows(traffic, 't-pie', topAndOthers(truth.byHourInState('TX')));
    await expectRows(traffic, 't-table', new Map([['TX', tx]]));
    const line = lastAnswer(traffic, 't-line', 'GetHyperCubeContinuousData') as {
      qDataPages: { qMatrix: Cell[][] }[];
    };
    expect(line.qDataPages[0]!.qMatrix.reduce((sum, row) => sum + Number(row[1]!.qNum), 0)).toBe(
      tx,
    );
    await expect
      .poll(() => page.textContent('.selections-toolbar'), { timeout: 10_000 })
      .toContain('TX');
    await screenshot(page, 'engine-bar-selected');
  });

  it('clears, then a list value filters every chart; back and forward step through the selections', async () => {
    await toolbar(page, 'Clear all selections');
    await expectKpi(truth.flights);
    const hours = Array.from({ length: 24 }, (_, hour) => String(hour));
    await selectListValue(page, 't-filters', '13', hours);
    const atOne = truth.byStateAtHour(13);
    await expectKpi(truth.byHour.get(13)!);
    await expectRows(traffic, 't-bar', atOne);
    await expectRows(traffic, 't-pie', new Map([['13', truth.byHour.get(13)!]]));
    await screenshot(page, 'engine-list-selected');
    // History: TX, cleared, hour 13.
    await toolbar(page, 'Step back');
    await expectKpi(truth.flights);
    await toolbar(page, 'Step back');
    await expectKpi(truth.byState.get('TX')!);
    await toolbar(page, 'Step forward');
    await expectKpi(truth.flights);
    await toolbar(page, 'Step forward');
    await expectKpi(truth.byHour.get(13)!);
    await toolbar(page, 'Clear all selections');
    await expectKpi(truth.flights);
  });

  it("selects the days of a range dragged along the line chart's date axis", async () => {
    const qRange = await selectAxisRange(
      page,
      traffic,
      't-line',
      ['2001-02-01', '2001-03-01'],
      'SelectHyperCubeContinuousRange',
    );
    const days = truth.flightsOnDays(qRange.qMin, qRange.qMax);
    expect(days).toBeGreaterThan(0);
    await expectKpi(days);
    await screenshot(page, 'engine-date-range-selected');
    await toolbar(page, 'Clear all selections');
    await expectKpi(truth.flights);
  });

  it('met no engine error and recorded every method the charts called', async () => {
    expect(traffic.engineErrors()).toEqual([]);
    expect(traffic.pageErrors).toEqual([]);
    expect(traffic.consoleErrors).toEqual([]);
    expect(traffic.httpErrors).toEqual([]);
  });

  it('writes the errors a chart meets to the console (nebula.js shows only "invalid")', async () => {
    await page.evaluate(async () => {
      const { nebula } = (window as unknown as { harness: { nebula: Nebula } }).harness;
      const element = document.createElement('div');
      element.style.cssText = 'position: relative; width: 400px; height: 300px';
      document.body.append(element);
      await nebula
        .render({ element, type: 'barchart', fields: ['Origin State', '=Sum('] })
        .catch(() => undefined);
    });
    await expect
      .poll(() => traffic.consoleErrors.join('\n'), { timeout: 15_000 })
      .toMatch(/\[qix\] GetLayout: .* error 7000 \(Measure 0: /);
  });

  it('called only engine methods that QIX-METHODS.md describes', async () => {
    await expectMethodsDocumented('engineSheet', traffic);
  });
});
