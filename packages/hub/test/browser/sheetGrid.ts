import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A cell of a sheet's layout: its object and its place on the sheet's grid. */
interface GridCell {
  readonly name: string;
  readonly col: number;
  readonly row: number;
  readonly colspan: number;
  readonly rowspan: number;
}

/** What a sheet's layout says about its grid. */
export interface SheetGrid {
  readonly columns: number;
  readonly rows: number;
  readonly cells: readonly GridCell[];
}

/**
 * Checks that every cell of the sheet sits where its col/row/colspan/rowspan
 * put it on a `columns` × `rows` grid: the page's grid box is cut into equal
 * tracks (less its gaps), and each cell's box must cover its tracks.
 */
export async function expectCellsOnGrid(page: Page, sheet: SheetGrid): Promise<void> {
  const boxes = await page.$eval('.sheet-grid', (grid) => {
    const style = getComputedStyle(grid);
    const outer = grid.getBoundingClientRect();
    const cells = Object.fromEntries(
      [...grid.querySelectorAll<HTMLElement>('.sheet-cell')].map((cell) => {
        const box = cell.getBoundingClientRect();
        return [cell.dataset.object!, { x: box.x, y: box.y, width: box.width, height: box.height }];
      }),
    );
    return {
      x: outer.x + parseFloat(style.paddingLeft),
      y: outer.y + parseFloat(style.paddingTop),
      width: outer.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      height: outer.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
      columnGap: parseFloat(style.columnGap),
      rowGap: parseFloat(style.rowGap),
      cells,
    };
  });
  const track = (size: number, count: number, gap: number) => (size - gap * (count - 1)) / count;
  const column = track(boxes.width, sheet.columns, boxes.columnGap);
  const row = track(boxes.height, sheet.rows, boxes.rowGap);
  expect(Object.keys(boxes.cells).sort()).toEqual(sheet.cells.map((cell) => cell.name).sort());
  for (const cell of sheet.cells) {
    const box = boxes.cells[cell.name]!;
    const expected = {
      x: boxes.x + cell.col * (column + boxes.columnGap),
      y: boxes.y + cell.row * (row + boxes.rowGap),
      width: cell.colspan * column + (cell.colspan - 1) * boxes.columnGap,
      height: cell.rowspan * row + (cell.rowspan - 1) * boxes.rowGap,
    };
    for (const key of ['x', 'y', 'width', 'height'] as const)
      expect(box[key], `${cell.name} ${key}`).toBeCloseTo(expected[key], 0);
  }
}
