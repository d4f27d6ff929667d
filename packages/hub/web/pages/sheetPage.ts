import { h } from '../ui/h.js';
import { hrefOf, type Route } from '../router.js';
import { nebulaFor } from '../session/nebula.js';
import type { Page } from './Page.js';

/** A cell of a Qlik Sense sheet: the object it shows and where on the sheet's grid. */
interface SheetCell {
  readonly name: string;
  readonly type?: string;
  readonly col?: number;
  readonly row?: number;
  readonly colspan?: number;
  readonly rowspan?: number;
  /** Percentages of the sheet, which newer sheets carry instead of (or beside) the grid. */
  readonly bounds?: { x: number; y: number; width: number; height: number };
}

interface SheetLayout {
  readonly qMeta?: { title?: string };
  readonly columns?: number;
  readonly rows?: number;
  readonly cells?: readonly SheetCell[];
}

/**
 * A sheet: Qlik's selections toolbar above, then each cell of the sheet on
 * its grid, its object drawn by nebula.js. Render errors (and the engine
 * errors behind them) go to the console.
 */
export const sheetPage: Page<Extract<Route, { page: 'sheet' }>> = async (context, route) => {
  const { appId, sheetId } = route;
  const { doc } = await context.app(appId);
  const [sheet, appLayout] = await Promise.all([doc.getObject(sheetId), doc.getAppLayout()]);
  const layout = (await sheet.getLayout()) as unknown as SheetLayout;
  const title = layout.qMeta?.title ?? sheetId;
  context.setTrail(
    { text: String(appLayout.qTitle || appId), href: hrefOf({ page: 'app', appId }) },
    { text: title },
  );
  const nebula = nebulaFor(doc);
  const toolbar = h('div.selections-toolbar', { 'data-testid': 'selections' });
  const columns = layout.columns ?? 24;
  const rows = layout.rows ?? 12;
  const grid = h('div.sheet-grid', {
    style: `grid-template-columns: repeat(${columns}, 1fr); grid-template-rows: repeat(${rows}, 1fr);`,
  });
  context.root.append(h('div.sheet', { 'data-sheet': sheetId }, toolbar, grid));
  const selections = await nebula.selections();
  selections.mount(toolbar);
  const controller = new AbortController();
  const drawn: { destroy(): unknown }[] = [];
  for (const cell of layout.cells ?? []) {
    const element = h('div.sheet-cell', {
      'data-object': cell.name,
      'data-type': cell.type ?? '',
      style: placement(cell, columns, rows),
    });
    grid.append(element);
    nebula
      .render({
        element,
        id: cell.name,
        signal: controller.signal,
        onRender: () => element.setAttribute('data-rendered', 'true'),
        onError: (error) => {
          element.setAttribute('data-rendered', 'error');
          console.error(
            `[nebula] ${cell.type ?? 'object'} ${cell.name} could not render: ${error.message}`,
            error,
          );
        },
      })
      .then((viz) => drawn.push(viz))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        element.setAttribute('data-rendered', 'error');
        console.error(`[nebula] ${cell.name}: ${(error as Error).message}`, error);
      });
  }
  return () => {
    controller.abort();
    for (const viz of drawn) void viz.destroy();
    selections.unmount();
  };
};

/** The CSS grid placement of a cell: its grid position, or its bounds in percent scaled to the grid. */
function placement(cell: SheetCell, columns: number, rows: number): string {
  const fromBounds = (offset: number, size: number, count: number) => [
    Math.round((offset / 100) * count),
    Math.max(1, Math.round((size / 100) * count)),
  ];
  const [col, colspan] =
    cell.col !== undefined
      ? [cell.col, cell.colspan ?? 1]
      : fromBounds(cell.bounds?.x ?? 0, cell.bounds?.width ?? 100, columns);
  const [row, rowspan] =
    cell.row !== undefined
      ? [cell.row, cell.rowspan ?? 1]
      : fromBounds(cell.bounds?.y ?? 0, cell.bounds?.height ?? 100, rows);
  return `grid-column: ${col! + 1} / span ${colspan}; grid-row: ${row! + 1} / span ${rowspan};`;
}
