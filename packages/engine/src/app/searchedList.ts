import type { ComputedListObject } from '../hypercube/computeListObject.js';
import type { NxCell, NxDataPage, NxPage } from '../hypercube/QixShapes.js';
import type { SymbolSet } from '../selection/SymbolSet.js';

type Json = Record<string, unknown>;

/** The rows of a list object whose values a search found, in the list's order. */
export function searchedRows(list: ComputedListObject, found: SymbolSet): NxCell[][] {
  const { qcx, qcy } = (list.layout as unknown as { qSize: { qcx: number; qcy: number } }).qSize;
  const step = Math.max(1, Math.floor(10_000 / Math.max(1, qcx)));
  const rows: NxCell[][] = [];
  for (let top = 0; top < qcy; top += step) {
    const page = list.getListObjectData([
      { qTop: top, qLeft: 0, qWidth: qcx, qHeight: Math.min(step, qcy - top) },
    ])[0];
    for (const row of page?.qMatrix ?? [])
      if (row[0] && row[0].qElemNumber >= 0 && found.has(row[0].qElemNumber)) rows.push(row);
  }
  return rows;
}

/** A list object's layout while a search is open: qSize, qCardinal and the pages count the rows it found. */
export function searchedLayout(
  list: ComputedListObject,
  rows: readonly NxCell[][],
  initial: readonly NxPage[],
): Json {
  const layout = list.layout as unknown as Json & {
    qSize: { qcx: number };
    qDimensionInfo: Json;
  };
  return {
    ...layout,
    qSize: { qcx: layout.qSize.qcx, qcy: rows.length },
    qDimensionInfo: { ...layout.qDimensionInfo, qCardinal: rows.length },
    qDataPages: pagesOfRows(rows, initial),
  };
}

/** Data pages cut from rows of cells, as GetListObjectData answers them. */
export function pagesOfRows(rows: readonly NxCell[][], pages: readonly NxPage[]): NxDataPage[] {
  return pages.map((page) => {
    const top = Math.min(Math.max(0, page.qTop), rows.length);
    const slice = rows.slice(top, top + Math.max(0, page.qHeight));
    const width = slice[0]?.length ?? 0;
    const left = Math.min(Math.max(0, page.qLeft), width);
    const right = Math.min(width, left + Math.max(0, page.qWidth));
    return {
      qMatrix: slice.map((row) => row.slice(left, right)),
      qTails: [],
      qArea: { qLeft: left, qTop: top, qWidth: right - left, qHeight: slice.length },
      qIsReduced: false,
    };
  });
}
