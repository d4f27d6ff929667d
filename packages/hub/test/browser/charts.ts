import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { EngineCall, Traffic } from './Browser.js';

type Json = Record<string, unknown>;
/** A cell as the engine sends it. */
export type Cell = { qText?: string; qNum: number | string; qElemNumber: number; qState?: string };

/** The socket and handle nebula.js got for an object (its GetObject or GetChild answer). */
export function handleOf(traffic: Traffic, objectId: string): { socket: number; handle: number } {
  const call = [...traffic.calls]
    .reverse()
    .find(
      (each) =>
        (each.method === 'GetObject' || each.method === 'GetChild') &&
        JSON.stringify(each.params).includes(`"${objectId}"`) &&
        each.result,
    );
  const handle = (call?.result?.qReturn as { qHandle?: number } | undefined)?.qHandle;
  if (typeof handle !== 'number') throw new Error(`No handle was opened for ${objectId}`);
  return { socket: call!.socket, handle };
}

/** The last answer of `method` on an object's handle. */
export function lastAnswer(traffic: Traffic, objectId: string, method: string): Json {
  const { socket, handle } = handleOf(traffic, objectId);
  const call: EngineCall | undefined = [...traffic.calls]
    .reverse()
    .find(
      (each) =>
        each.socket === socket && each.handle === handle && each.method === method && each.result,
    );
  if (!call) throw new Error(`${objectId} never got an answer to ${method}`);
  return call.result!;
}

/** The rows of an object's last layout (its hypercube's first data page). */
export function layoutRows(traffic: Traffic, objectId: string): Cell[][] {
  const layout = lastAnswer(traffic, objectId, 'GetLayout').qLayout as {
    qHyperCube?: { qDataPages: { qMatrix: Cell[][] }[] };
    qListObject?: { qDataPages: { qMatrix: Cell[][] }[] };
  };
  const cube = layout.qHyperCube ?? layout.qListObject;
  return cube?.qDataPages[0]?.qMatrix ?? [];
}

/** Rows as `text=number` of the first dimension and the given measure column. */
export function valuesByText(rows: readonly Cell[][], column = 1): Map<string, number> {
  return new Map(rows.map((row) => [String(row[0]!.qText), Number(row[column]!.qNum)]));
}

/** Waits until every cell of the sheet says it rendered (or failed). */
export async function waitForCharts(page: Page): Promise<Record<string, string>> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.sheet-cell')].length > 0 &&
      [...document.querySelectorAll('.sheet-cell')].every((cell) =>
        cell.hasAttribute('data-rendered'),
      ),
    null,
    { timeout: 30_000 },
  );
  return page.$$eval('.sheet-cell', (cells) =>
    Object.fromEntries(
      cells.map((cell) => [
        (cell as HTMLElement).dataset.object!,
        (cell as HTMLElement).dataset.rendered!,
      ]),
    ),
  );
}

/**
 * Whether an object's cell shows something: text other than its title, or
 * canvas pixels that are not background.
 */
export async function drawn(page: Page, objectId: string): Promise<boolean> {
  return page.$eval(`.sheet-cell[data-object="${objectId}"]`, (cell) => {
    for (const canvas of cell.querySelectorAll('canvas')) {
      const context = (canvas as HTMLCanvasElement).getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) continue;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
    }
    // Text beyond the title: axis labels, a KPI value, table cells, list values.
    const lines = (cell as HTMLElement).innerText.split('\n').filter((line) => line.trim() !== '');
    return new Set(lines).size > 1;
  });
}

/** Clicks the bar of a bar chart above one of its axis labels, then confirms the selection. */
export async function selectBar(page: Page, objectId: string, label: string): Promise<void> {
  const text = page
    .locator(`.sheet-cell[data-object="${objectId}"] svg text`)
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first();
  const box = await text.boundingBox();
  if (!box) throw new Error(`${objectId} shows no axis label ${label}`);
  await page.mouse.click(box.x + box.width / 2, box.y - 20);
  await page.click('[data-testid="actions-toolbar-confirm"]');
}

/**
 * Drags along a chart's axis from the tick labelled `from` to the one labelled
 * `to`, confirms the selection, and answers the range of the `method` call
 * (RangeSelectHyperCubeValues, SelectHyperCubeContinuousRange) the chart made.
 * Labels one above the other make a vertical axis, dragged just right of them;
 * labels side by side, a horizontal one, dragged through their middles.
 */
export async function selectAxisRange(
  page: Page,
  traffic: Traffic,
  objectId: string,
  [from, to]: [string, string],
  method: string,
): Promise<{ qMin: number; qMax: number }> {
  const before = traffic.calls.length;
  const tick = async (label: string) => {
    const text = page
      .locator(`.sheet-cell[data-object="${objectId}"] svg text`)
      .filter({ hasText: new RegExp(`^${escapeRegExp(label)}`) })
      .first();
    // The chart may still be redrawing after the last selection.
    await text.waitFor({ timeout: 10_000 }).catch(() => undefined);
    const box = await text.boundingBox();
    if (!box) throw new Error(`${objectId} shows no axis tick ${label}`);
    return box;
  };
  const [start, end] = [await tick(from), await tick(to)];
  const vertical = Math.abs(start.x - end.x) < Math.abs(start.y - end.y);
  const x = Math.max(start.x + start.width, end.x + end.width) + 4;
  const middle = (box: typeof start) => ({
    x: vertical ? x : box.x + box.width / 2,
    y: box.y + box.height / 2,
  });
  const [a, b] = [middle(start), middle(end)];
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
  await page.click('[data-testid="actions-toolbar-confirm"]');
  const call = traffic.calls.slice(before).find((each) => each.method === method);
  if (!call) throw new Error(`dragging along ${objectId}'s axis made no ${method}`);
  const [{ qRange }] = (call.params as [string, [{ qRange: { qMin: number; qMax: number } }]])[1];
  return qRange;
}

/**
 * Clicks a value of a list box, once the list shows `order` (a list re-sorts
 * after selections elsewhere: a row clicked while it moves would be another
 * value), then confirms the selection.
 */
export async function selectListValue(
  page: Page,
  objectId: string,
  value: string,
  order: readonly string[],
): Promise<void> {
  const rows = page
    .locator(`.sheet-cell[data-object="${objectId}"] [role="row"]`)
    .filter({ hasText: new RegExp(`^(${order.map(escapeRegExp).join('|')})$`) });
  await expect.poll(() => rows.allTextContents(), { timeout: 15_000 }).toEqual([...order]);
  await rows.filter({ hasText: new RegExp(`^${escapeRegExp(value)}$`) }).click();
  await page.click('[data-testid="actions-toolbar-confirm"]');
}

/** Waits until an object's cell text contains `text`. */
export function expectCellText(page: Page, objectId: string, text: string): Promise<void> {
  return expect
    .poll(() => page.textContent(`.sheet-cell[data-object="${objectId}"]`), { timeout: 15_000 })
    .toContain(text);
}

/** Waits until an object's latest layout rows, as `text → number`, are `expected`. */
export function expectRows(
  traffic: Traffic,
  objectId: string,
  expected: ReadonlyMap<string, number>,
  column = 1,
): Promise<void> {
  return expect
    .poll(() => valuesByText(layoutRows(traffic, objectId), column), { timeout: 15_000 })
    .toEqual(expected);
}

/** Presses a button of Qlik's selections toolbar (Step back, Step forward, Clear all selections). */
export async function toolbar(page: Page, title: string): Promise<void> {
  await page.locator('.selections-toolbar').getByTitle(title).first().click();
}

/** Waits until Qlik's selections toolbar lists exactly `lines` (field, values, field, values…). */
export function expectCurrentSelections(page: Page, lines: readonly string[]): Promise<void> {
  return expect
    .poll(
      () =>
        page.$eval('.selections-toolbar', (bar) =>
          (bar as HTMLElement).innerText
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== ''),
        ),
      { timeout: 15_000 },
    )
    .toEqual([...lines]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until a chart draws the label `shown` and not `gone` (what it draws, not only what it fetched). */
export function expectAxisShows(
  page: Page,
  objectId: string,
  shown: string,
  gone: string,
): Promise<void> {
  const labels = () =>
    page.$$eval(`.sheet-cell[data-object="${objectId}"] svg text`, (texts) =>
      texts.map((text) => text.textContent ?? ''),
    );
  return expect
    .poll(
      async () => {
        const drawnLabels = await labels();
        return drawnLabels.includes(shown) && !drawnLabels.includes(gone);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}
