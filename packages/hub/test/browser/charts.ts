import type { Page } from 'playwright-core';
import type { EngineCall, Traffic } from './Browser.js';

type Json = Record<string, unknown>;
/** A cell as the engine sends it. */
export type Cell = { qText?: string; qNum: number | string; qElemNumber: number; qState?: string };

/** The handle nebula.js got for an object (its GetObject or GetChild answer). */
export function handleOf(traffic: Traffic, objectId: string): number {
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
  return handle;
}

/** The last answer of `method` on an object's handle. */
export function lastAnswer(traffic: Traffic, objectId: string, method: string): Json {
  const handle = handleOf(traffic, objectId);
  const call: EngineCall | undefined = [...traffic.calls]
    .reverse()
    .find((each) => each.handle === handle && each.method === method && each.result);
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
