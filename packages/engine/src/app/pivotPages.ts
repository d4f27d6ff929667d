import type { ComputedHyperCube } from '../hypercube/ComputedHyperCube.js';
import type { NxCell, NxPage } from '../hypercube/QixShapes.js';

type Json = Record<string, unknown>;

/** The hypercube's rows as cells, read in pages no larger than the engine allows. */
export function allRows(cube: ComputedHyperCube): NxCell[][] {
  const width = cube.layout.qSize.qcx;
  const height = cube.layout.qSize.qcy;
  const step = Math.max(1, Math.floor(10_000 / Math.max(1, width)));
  const rows: NxCell[][] = [];
  for (let top = 0; top < height; top += step) {
    const page = cube.getHyperCubeData([{ qTop: top, qLeft: 0, qWidth: width, qHeight: Math.min(step, height - top) }])[0];
    rows.push(...(page?.qMatrix ?? []));
  }
  return rows;
}

/** A dimension value's cell type: N for a value, U for null (null cells have qElemNumber -2). */
function dimensionType(cell: NxCell): string {
  return cell.qElemNumber === -2 ? 'U' : 'N';
}

/** A measure value's cell type: V for a value, U for null. */
function valueType(cell: NxCell): string {
  return cell.qIsNull === true ? 'U' : 'V';
}

function numberValue(cell: NxCell): number | 'NaN' {
  return typeof cell.qNum === 'number' ? cell.qNum : 'NaN';
}

/** The rows of the page, as half-open row indexes [start, end) of the whole cube. */
interface RowRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Nests the rows [from, to) by dimension `d`: one node per run of equal
 * values that reaches into the page, down to the last dimension, whose
 * nodes hold `leaf(row)` for each of their rows inside the page. `node`
 * builds a node from its first cell, its children and its extent.
 */
function nest(
  rows: readonly NxCell[][],
  from: number,
  to: number,
  d: number,
  dims: number,
  page: RowRange,
  node: (cell: NxCell, children: Json[], group: RowRange) => Json,
  leaf: (row: number) => Json[],
): Json[] {
  const nodes: Json[] = [];
  let start = from;
  while (start < to) {
    let end = start + 1;
    while (end < to && rows[end]![d]!.qElemNumber === rows[start]![d]!.qElemNumber) end++;
    if (end > page.start && start < page.end) {
      const children: Json[] = [];
      if (d + 1 < dims) children.push(...nest(rows, start, end, d + 1, dims, page, node, leaf));
      else for (let row = Math.max(start, page.start); row < Math.min(end, page.end); row++) children.push(...leaf(row));
      nodes.push(node(rows[start]![d]!, children, { start, end }));
    }
    start = end;
  }
  return nodes;
}

/** The rows a page asks for, clipped to the cube. */
function pageRows(page: NxPage, rowCount: number): RowRange {
  const start = Math.min(Math.max(0, page.qTop), rowCount);
  return { start, end: Math.min(rowCount, start + Math.max(0, page.qHeight)) };
}

/**
 * GetHyperCubePivotData pages: every dimension on the left, nested, the
 * measures across the top as pseudo cells, one data row per combination. A
 * page's qTop and qHeight count left rows, qLeft and qWidth measures. A left
 * node that also spans rows outside the page says how many with qUp (above)
 * and qDown (below).
 */
export function pivotPages(cube: ComputedHyperCube, pages: readonly NxPage[]): Json[] {
  const dims = cube.layout.qDimensionInfo.length;
  const measures = cube.layout.qMeasureInfo;
  const rows = allRows(cube);
  return pages.map((page) => {
    const range = pageRows(page, rows.length);
    const left = Math.min(Math.max(0, page.qLeft), measures.length);
    const right = Math.min(left + Math.max(0, page.qWidth), measures.length);
    const node = (cell: NxCell, children: Json[], group: RowRange): Json => ({
      qText: cell.qText ?? '',
      qElemNo: cell.qElemNumber,
      qValue: numberValue(cell),
      qCanExpand: false,
      qCanCollapse: children.length > 0,
      qType: dimensionType(cell),
      qUp: Math.max(0, range.start - group.start),
      qDown: Math.max(0, group.end - range.end),
      qSubNodes: children,
      qAttrExps: { qValues: [] },
      qAttrDims: { qValues: [] },
    });
    return {
      qLeft: dims > 0 ? nest(rows, 0, rows.length, 0, dims, range, node, () => []) : [],
      qTop: measures.slice(left, right).map((measure, index) => ({
        qText: measure.qFallbackTitle ?? '',
        qElemNo: left + index,
        qValue: 'NaN',
        qCanExpand: false,
        qCanCollapse: false,
        qType: 'P',
        qUp: 0,
        qDown: 0,
        qSubNodes: [],
        qAttrExps: { qValues: [] },
        qAttrDims: { qValues: [] },
      })),
      qData: rows.slice(range.start, range.end).map((row) =>
        row.slice(dims + left, dims + right).map((cell) => ({
          qLabel: '',
          qText: cell.qText ?? '',
          qNum: cell.qNum,
          qType: valueType(cell),
          qAttrExps: { qValues: [] },
          qAttrDims: { qValues: [] },
        })),
      ),
      qArea: { qLeft: left, qTop: range.start, qWidth: right - left, qHeight: range.end - range.start },
    };
  });
}

/**
 * GetHyperCubeStackData pages: one root cell (qType R) over the dimensions,
 * nested, whose last level holds each combination's measures as value
 * cells. Every node carries the sums of the positive and of the negative
 * values below it (qMaxPos, qMinNeg), which stacked bar charts scale by, and
 * qRow, the row of the cube where it starts. At most `maxCells` nodes of the
 * outer dimension are returned.
 */
export function stackPages(cube: ComputedHyperCube, pages: readonly NxPage[], maxCells: number): Json[] {
  const dims = cube.layout.qDimensionInfo.length;
  const rows = allRows(cube);
  return pages.map((page) => {
    const range = pageRows(page, rows.length);
    const leaf = (row: number): Json[] =>
      rows[row]!.slice(dims).map((cell) => {
        const num = typeof cell.qNum === 'number' ? cell.qNum : 0;
        return {
          qText: cell.qText ?? '',
          qElemNo: -1,
          qValue: numberValue(cell),
          qCanExpand: false,
          qCanCollapse: false,
          qType: valueType(cell),
          qMaxPos: num > 0 ? num : 0,
          qMinNeg: num < 0 ? num : 0,
          qUp: 0,
          qDown: 0,
          qRow: row,
          qSubNodes: [],
          qAttrExps: { qValues: [] },
          qAttrDims: { qValues: [] },
        };
      });
    const node = (cell: NxCell, children: Json[], group: RowRange): Json => ({
      qText: cell.qText ?? '',
      qElemNo: cell.qElemNumber,
      qValue: numberValue(cell),
      qCanExpand: false,
      qCanCollapse: children.length > 0,
      qType: dimensionType(cell),
      ...extent(children),
      qUp: Math.max(0, range.start - group.start),
      qDown: Math.max(0, group.end - range.end),
      qRow: Math.max(group.start, range.start),
      qSubNodes: children,
      qAttrExps: { qValues: [] },
      qAttrDims: { qValues: [] },
    });
    const outer = dims > 0 ? nest(rows, 0, rows.length, 0, dims, range, node, leaf).slice(0, Math.max(0, maxCells)) : [];
    const children = dims > 0 ? outer : Array.from({ length: range.end - range.start }, (_, index) => leaf(range.start + index)).flat();
    const root = {
      qText: '',
      qElemNo: -1,
      qValue: 'NaN',
      qCanExpand: false,
      qCanCollapse: false,
      qType: 'R',
      ...extent(children),
      qUp: 0,
      qDown: 0,
      qRow: range.start,
      qSubNodes: children,
      qAttrExps: { qValues: [] },
      qAttrDims: { qValues: [] },
    };
    return { qData: [root], qArea: { qLeft: page.qLeft, qTop: range.start, qWidth: page.qWidth, qHeight: range.end - range.start } };
  });
}

/** qMaxPos and qMinNeg of a node: the sums of its children's. */
function extent(children: readonly Json[]): { qMaxPos: number; qMinNeg: number } {
  let qMaxPos = 0;
  let qMinNeg = 0;
  for (const child of children) {
    qMaxPos += Number(child.qMaxPos ?? 0);
    qMinNeg += Number(child.qMinNeg ?? 0);
  }
  return { qMaxPos, qMinNeg };
}
