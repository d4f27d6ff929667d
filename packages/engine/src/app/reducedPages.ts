import { type ComputedHyperCube, MAX_PAGE_CELLS } from '../hypercube/ComputedHyperCube.js';
import { HyperCubeError } from '../hypercube/HyperCubeError.js';
import type { NxCell, NxDataPage, NxPage } from '../hypercube/QixShapes.js';
import { readPages } from '../hypercube/readPages.js';
import { LocError } from '../errors/LocError.js';

/**
 * GetHyperCubeReducedData. With reduction mode D1 (one-dimensional) and a
 * zoom factor other than 0, a page whose rows do not fit is reduced: the
 * rows from its top on are cut into buckets of 2^zoom rows and each bucket
 * keeps the rows holding its lowest and highest first-measure value, in
 * order, so a line or bar profile keeps its shape. Zoom -1 lets the engine
 * pick the smallest factor whose result fits the page. Mode N, zoom 0, or
 * rows that fit answer as GetHyperCubeData does. The scatter-plot modes
 * (S, C) and the stacked one (ST) are not implemented.
 */
export function reducedPages(
  cube: ComputedHyperCube,
  requested: unknown,
  zoomFactor: number,
  mode: string,
): NxDataPage[] {
  const pages = readPages(requested);
  const kind = reductionKind(mode);
  if (kind !== 'D1') {
    if (kind === 'N') return cube.getHyperCubeData(pages);
    throw new LocError(
      'LOCERR_GENERIC_NOT_IMPLEMENTED',
      `GetHyperCubeReducedData: reduction mode ${mode} is not implemented by this engine (N and D1 are)`,
      { parameter: 'qReductionMode' },
    );
  }
  if (!Number.isInteger(zoomFactor) || zoomFactor < -1)
    throw new HyperCubeError(
      'LOCERR_GENERIC_INVALID_PARAMETERS',
      `Invalid qZoomFactor ${zoomFactor}`,
    );
  const cells = pages.reduce((sum, page) => sum + page.qWidth * page.qHeight, 0);
  if (cells > MAX_PAGE_CELLS)
    throw new HyperCubeError(
      'LOCERR_CALC_PAGES_TOO_LARGE',
      `Pages too large: ${cells} cells requested, at most ${MAX_PAGE_CELLS}`,
    );
  const height = cube.layout.qSize.qcy;
  const rows = zoomFactor === 0 ? [] : cube.rows();
  return pages.map((page) => {
    const available = Math.max(0, height - page.qTop);
    if (zoomFactor === 0 || available <= page.qHeight) return cube.getHyperCubeData([page])[0]!;
    return reducePage(rows, page, zoomFactor, cube.layout.qDimensionInfo.length);
  });
}

function reductionKind(mode: string): 'N' | 'D1' | 'other' {
  if (mode === 'N' || mode === 'DATA_REDUCTION_NONE' || mode === '') return 'N';
  if (mode === 'D1' || mode === 'DATA_REDUCTION_ONEDIM') return 'D1';
  return 'other';
}

function reducePage(
  rows: readonly NxCell[][],
  page: NxPage,
  zoomFactor: number,
  dims: number,
): NxDataPage {
  const from = Math.min(page.qTop, rows.length);
  const span = rows.slice(from);
  let zoom = zoomFactor;
  if (zoom < 0) {
    zoom = 1;
    while (bucketsOf(span.length, zoom) * 2 > Math.max(1, page.qHeight) && 2 ** zoom < span.length)
      zoom++;
  }
  const size = 2 ** zoom;
  const measure = dims < (rows[0]?.length ?? 0) ? dims : -1;
  const kept: NxCell[][] = [];
  for (let start = 0; start < span.length; start += size) {
    const bucket = span.slice(start, start + size);
    kept.push(...extremes(bucket, measure));
  }
  const left = Math.min(page.qLeft, rows[0]?.length ?? 0);
  const right = Math.min(left + page.qWidth, rows[0]?.length ?? 0);
  const matrix = kept.slice(0, Math.max(0, page.qHeight)).map((row) => row.slice(left, right));
  return {
    qMatrix: matrix,
    qTails: Array.from({ length: dims }, () => ({ qUp: 0, qDown: 0 })),
    qArea: { qLeft: left, qTop: from, qWidth: right - left, qHeight: matrix.length },
    qIsReduced: true,
  };
}

function bucketsOf(rows: number, zoom: number): number {
  return Math.ceil(rows / 2 ** zoom);
}

// The rows of a bucket with its lowest and highest measure value (the first row when none is numeric).
function extremes(bucket: readonly NxCell[][], measure: number): NxCell[][] {
  if (bucket.length <= 1 || measure < 0) return bucket.slice(0, 1);
  let low = -1;
  let high = -1;
  bucket.forEach((row, index) => {
    const num = row[measure]?.qNum;
    if (typeof num !== 'number') return;
    if (low < 0 || num < (bucket[low]![measure]!.qNum as number)) low = index;
    if (high < 0 || num > (bucket[high]![measure]!.qNum as number)) high = index;
  });
  if (low < 0) return bucket.slice(0, 1);
  return low === high
    ? [bucket[low]!]
    : [bucket[Math.min(low, high)]!, bucket[Math.max(low, high)]!];
}
