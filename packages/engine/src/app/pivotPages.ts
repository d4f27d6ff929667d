import type { ComputedHyperCube } from '../hypercube/ComputedHyperCube.js';
import type { NxCell, NxPage } from '../hypercube/QixShapes.js';

type Json = Record<string, unknown>;

/** The hypercube's rows as cells. */
export function allRows(cube: ComputedHyperCube): NxCell[][] {
  return cube.rows();
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
      else
        for (let row = Math.max(start, page.start); row < Math.min(end, page.end); row++)
          children.push(...leaf(row));
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
 * A pivot table over a hypercube's rows: the first `leftDims` dimensions
 * down the left (one row per combination), the others across the top (one
 * column per combination and measure, measures innermost).
 */
export interface PivotGrid {
  /** The left cells of each left row. */
  readonly left: readonly NxCell[][];
  /** The top cells of each data column: the top dimensions' values, then the measure as a pseudo cell. */
  readonly top: readonly NxCell[][];
  /** How many measures each top combination spans. */
  readonly measures: number;
  /** The cube row that holds left row `row` and top combination of data column `column`, if any. */
  rowAt(row: number, column: number): NxCell[] | undefined;
}

// The measure level of the top: cells standing for measures, not dimension values.
const pseudoCells = new WeakSet<NxCell>();

/**
 * The pivot grid of a cube. `topOrder` lists the top combinations in their
 * sort order (from a cube of the top dimensions alone); combinations it
 * lacks follow in the order they first appear.
 */
export function pivotGrid(
  cube: ComputedHyperCube,
  leftDims: number,
  topOrder: readonly NxCell[][] = [],
): PivotGrid {
  const dims = cube.layout.qDimensionInfo.length;
  const measureInfo = cube.layout.qMeasureInfo;
  const left = Math.min(Math.max(0, leftDims), dims);
  const rows = allRows(cube);
  const keyOf = (cells: readonly NxCell[]) => cells.map((cell) => cell.qElemNumber).join(',');
  const leftRows: NxCell[][] = [];
  const leftIndex = new Map<string, number>();
  const topCombos: NxCell[][] = [];
  const topIndex = new Map<string, number>();
  for (const combo of topOrder) {
    const key = keyOf(combo);
    if (!topIndex.has(key)) topIndex.set(key, topCombos.push(combo) - 1);
  }
  const byCell = new Map<string, NxCell[]>();
  for (const row of rows) {
    const leftCells = row.slice(0, left);
    const topCells = row.slice(left, dims);
    const leftKey = keyOf(leftCells);
    const topKey = keyOf(topCells);
    if (!leftIndex.has(leftKey)) leftIndex.set(leftKey, leftRows.push(leftCells) - 1);
    if (!topIndex.has(topKey)) topIndex.set(topKey, topCombos.push(topCells) - 1);
    byCell.set(`${leftIndex.get(leftKey)!}:${topIndex.get(topKey)!}`, row);
  }
  const measures = Math.max(1, measureInfo.length);
  // With top dimensions and one measure, the measure is no level of its own, as in Qlik.
  const pseudoLevel = measureInfo.length > 1 || left === dims;
  const top: NxCell[][] = [];
  topCombos.forEach((combo) => {
    for (let m = 0; m < measures; m++) {
      if (!pseudoLevel) {
        top.push(combo);
        continue;
      }
      const pseudo: NxCell = {
        qText: measureInfo[m]?.qFallbackTitle ?? '',
        qNum: 'NaN',
        qElemNumber: m,
        qState: 'L',
      };
      pseudoCells.add(pseudo);
      top.push([...combo, pseudo]);
    }
  });
  return {
    left: leftRows,
    top,
    measures,
    rowAt: (row, column) => byCell.get(`${row}:${Math.floor(column / measures)}`),
  };
}

/**
 * GetHyperCubePivotData pages over a pivot grid: qLeft and qTop nest the
 * left and top cells of the page (qTop and qHeight count left rows, qLeft
 * and qWidth data columns), qData holds the measure values, E cells where a
 * combination has no data. A node that also spans rows or columns outside
 * the page counts them in qUp (before) and qDown (after).
 */
export function pivotPages(
  cube: ComputedHyperCube,
  grid: PivotGrid,
  pages: readonly NxPage[],
): Json[] {
  const dims = cube.layout.qDimensionInfo.length;
  return pages.map((page) => {
    const rows = pageRows(page, grid.left.length);
    const columns = pageRows(
      { qTop: page.qLeft, qHeight: page.qWidth, qLeft: 0, qWidth: 0 },
      grid.top.length,
    );
    const cellNode =
      (range: RowRange) =>
      (cell: NxCell, children: Json[], group: RowRange): Json => ({
        qText: cell.qText ?? '',
        qElemNo: cell.qElemNumber,
        qValue: pseudoCells.has(cell) ? 'NaN' : numberValue(cell),
        qCanExpand: false,
        qCanCollapse: children.length > 0,
        qType: pseudoCells.has(cell) ? 'P' : dimensionType(cell),
        qUp: Math.max(0, range.start - group.start),
        qDown: Math.max(0, group.end - range.end),
        qSubNodes: children,
        qAttrExps: { qValues: [] },
        qAttrDims: { qValues: [] },
      });
    const leftLevels = grid.left[0]?.length ?? 0;
    const topLevels = grid.top[0]?.length ?? 0;
    const qData: Json[][] = [];
    for (let row = rows.start; row < rows.end; row++) {
      const line: Json[] = [];
      for (let column = columns.start; column < columns.end; column++) {
        const source = grid.rowAt(row, column);
        const cell = source?.[dims + (column % grid.measures)];
        line.push(
          cell
            ? {
                qLabel: '',
                qText: cell.qText ?? '',
                qNum: cell.qNum,
                qType: valueType(cell),
                qAttrExps: { qValues: [] },
                qAttrDims: { qValues: [] },
              }
            : {
                qLabel: '',
                qText: '-',
                qNum: 'NaN',
                qType: 'E',
                qAttrExps: { qValues: [] },
                qAttrDims: { qValues: [] },
              },
        );
      }
      qData.push(line);
    }
    return {
      qLeft:
        leftLevels > 0
          ? nest(grid.left, 0, grid.left.length, 0, leftLevels, rows, cellNode(rows), () => [])
          : [],
      qTop:
        topLevels > 0
          ? nest(grid.top, 0, grid.top.length, 0, topLevels, columns, cellNode(columns), () => [])
          : [],
      qData,
      qArea: {
        qLeft: columns.start,
        qTop: rows.start,
        qWidth: columns.end - columns.start,
        qHeight: rows.end - rows.start,
      },
    };
  });
}

/** The cube rows behind pivot cells: a left cell's (qType L) left row, a top cell's (T) column, a data cell's (D) both. */
export interface PivotPick {
  readonly dimension: number;
  readonly symbol: number;
}

/**
 * What SelectPivotCells selects: a left cell the value of left dimension qCol
 * in row qRow, a top cell the value of top dimension qRow in column qCol, a
 * data cell every dimension value of its row and column.
 */
export function pivotPicks(
  grid: PivotGrid,
  cells: readonly { qType?: string; qCol: number; qRow: number }[],
): PivotPick[] {
  const leftLevels = grid.left[0]?.length ?? 0;
  const picks: PivotPick[] = [];
  const add = (dimension: number, cell: NxCell | undefined) => {
    if (cell && !pseudoCells.has(cell) && cell.qElemNumber >= 0)
      picks.push({ dimension, symbol: cell.qElemNumber });
  };
  for (const cell of cells) {
    if (cell.qType === 'L') add(cell.qCol, grid.left[cell.qRow]?.[cell.qCol]);
    else if (cell.qType === 'T') add(leftLevels + cell.qRow, grid.top[cell.qCol]?.[cell.qRow]);
    else if (cell.qType === 'D') {
      (grid.left[cell.qRow] ?? []).forEach((value, dimension) => add(dimension, value));
      (grid.top[cell.qCol] ?? []).forEach((value, level) => add(leftLevels + level, value));
    }
  }
  return picks;
}

/**
 * GetHyperCubeStackData pages: one root cell (qType R) over the dimensions,
 * nested, whose last level holds each combination's measures as value
 * cells. Every node carries the sums of the positive and of the negative
 * values below it (qMaxPos, qMinNeg), which stacked bar charts scale by, and
 * qRow, the row of the cube where it starts. At most `maxCells` nodes of the
 * outer dimension are returned.
 */
export function stackPages(
  cube: ComputedHyperCube,
  pages: readonly NxPage[],
  maxCells: number,
): Json[] {
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
    const outer =
      dims > 0
        ? nest(rows, 0, rows.length, 0, dims, range, node, leaf).slice(0, Math.max(0, maxCells))
        : [];
    const children =
      dims > 0
        ? outer
        : Array.from({ length: range.end - range.start }, (_, index) =>
            leaf(range.start + index),
          ).flat();
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
    return {
      qData: [root],
      qArea: {
        qLeft: page.qLeft,
        qTop: range.start,
        qWidth: page.qWidth,
        qHeight: range.end - range.start,
      },
    };
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
