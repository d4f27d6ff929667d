import type { ComputedHyperCube } from '../hypercube/ComputedHyperCube.js';
import type { NxCell, NxPage } from '../hypercube/QixShapes.js';

type Json = Record<string, unknown>;

/** The hypercube's rows as cells, read in pages no larger than the engine allows. */
function allRows(cube: ComputedHyperCube): NxCell[][] {
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

function dimensionCell(cell: NxCell, subNodes: Json[]): Json {
  return {
    qText: cell.qText ?? '',
    qElemNo: cell.qElemNumber,
    qValue: typeof cell.qNum === 'number' ? cell.qNum : 'NaN',
    qCanExpand: false,
    qCanCollapse: subNodes.length > 0,
    qType: cell.qElemNumber === -2 ? 'N' : 'V',
    qUp: 0,
    qDown: 0,
    qSubNodes: subNodes,
    qAttrExps: { qValues: [] },
    qAttrDims: { qValues: [] },
  };
}

/** Nests consecutive rows with the same value of dimension `d` under one node, down to the last dimension. */
function nest(rows: readonly NxCell[][], d: number, dims: number, leaf: (row: NxCell[]) => Json[]): Json[] {
  const nodes: Json[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start + 1;
    while (end < rows.length && rows[end]![d]!.qElemNumber === rows[start]![d]!.qElemNumber) end++;
    const group = rows.slice(start, end);
    const children = d + 1 < dims ? nest(group, d + 1, dims, leaf) : group.flatMap(leaf);
    nodes.push(dimensionCell(rows[start]![d]!, children));
    start = end;
  }
  return nodes;
}

/**
 * GetHyperCubePivotData pages: every dimension on the left (nested), the
 * measures across the top, one data row per combination. A page's qTop and
 * qHeight count data rows, qLeft and qWidth measures.
 */
export function pivotPages(cube: ComputedHyperCube, pages: readonly NxPage[]): Json[] {
  const dims = cube.layout.qDimensionInfo.length;
  const measures = cube.layout.qMeasureInfo;
  const rows = allRows(cube);
  return pages.map((page) => {
    const slice = rows.slice(page.qTop, page.qTop + page.qHeight);
    const left = Math.min(page.qLeft, measures.length);
    const right = Math.min(left + page.qWidth, measures.length);
    return {
      qLeft: dims > 0 ? nest(slice, 0, dims, () => []) : [],
      qTop: measures.slice(left, right).map((measure, index) => ({
        ...dimensionCell({ qText: measure.qFallbackTitle ?? '', qElemNumber: left + index, qNum: 'NaN' } as NxCell, []),
        qType: 'P',
      })),
      qData: slice.map((row) =>
        row.slice(dims + left, dims + right).map((cell) => ({
          qLabel: '',
          qText: cell.qText ?? '',
          qNum: cell.qNum,
          qType: typeof cell.qNum === 'number' ? 'V' : 'N',
          qAttrExps: { qValues: [] },
          qAttrDims: { qValues: [] },
        })),
      ),
      qArea: { qLeft: left, qTop: page.qTop, qWidth: right - left, qHeight: slice.length },
    };
  });
}

/**
 * GetHyperCubeStackData pages: the dimensions nested, each combination's
 * measures as leaf cells, with the sums of positive and negative values
 * (qMaxPos, qMinNeg) that stacked bar charts scale by.
 */
export function stackPages(cube: ComputedHyperCube, pages: readonly NxPage[], maxCells: number): Json[] {
  const dims = cube.layout.qDimensionInfo.length;
  const rows = allRows(cube);
  return pages.map((page) => {
    const slice = rows.slice(page.qTop, page.qTop + page.qHeight);
    const leaf = (row: NxCell[]): Json[] =>
      row.slice(dims).map((cell) => ({
        qText: cell.qText ?? '',
        qElemNo: -1,
        qValue: typeof cell.qNum === 'number' ? cell.qNum : 'NaN',
        qType: typeof cell.qNum === 'number' ? 'V' : 'N',
        qMaxPos: typeof cell.qNum === 'number' && cell.qNum > 0 ? cell.qNum : 0,
        qMinNeg: typeof cell.qNum === 'number' && cell.qNum < 0 ? cell.qNum : 0,
        qUp: 0,
        qDown: 0,
        qRow: 0,
        qSubNodes: [],
        qAttrExps: { qValues: [] },
        qAttrDims: { qValues: [] },
      }));
    const qData = dims > 0 ? nest(slice, 0, dims, leaf).map(withExtent) : slice.flatMap(leaf);
    return { qData, qArea: { qLeft: page.qLeft, qTop: page.qTop, qWidth: page.qWidth, qHeight: slice.length }, qMaxNbrCells: maxCells };
  });
}

/** Fills qMaxPos/qMinNeg of a node from its subtree. */
function withExtent(node: Json): Json {
  const children = ((node.qSubNodes as Json[] | undefined) ?? []).map(withExtent);
  const maxPos = children.reduce((sum, child) => sum + Number(child.qMaxPos ?? 0), 0);
  const minNeg = children.reduce((sum, child) => sum + Number(child.qMinNeg ?? 0), 0);
  return { ...node, qSubNodes: children, qMaxPos: maxPos, qMinNeg: minNeg, qRow: 0 };
}
