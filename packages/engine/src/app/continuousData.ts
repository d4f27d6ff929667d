import type { ComputedHyperCube } from '../hypercube/ComputedHyperCube.js';
import type { FieldAttributes, NxCell, NxDataPage } from '../hypercube/QixShapes.js';
import { LocError } from '../errors/LocError.js';
import { formatDate } from '../value/formatDate.js';
import { numberToText } from '../value/numberToText.js';

/** One level of axis ticks (NxAxisTicks). */
export interface AxisTicks {
  readonly qName?: string;
  readonly qTags: string[];
  readonly qTicks: { qText?: string; qStart: number; qEnd: number }[];
}

/** NxContinuousDataOptions: the stretch of the axis wanted and how many points may show it. */
export interface ContinuousOptions {
  readonly qStart?: number;
  readonly qEnd?: number;
  readonly qNbrPoints?: number;
  readonly qMaxNbrTicks?: number;
  readonly qMaxNumberLines?: number;
}

/** What GetHyperCubeContinuousData answers. */
export interface ContinuousData {
  readonly qDataPages: NxDataPage[];
  readonly qAxisData: { qAxis: AxisTicks[] };
}

/**
 * GetHyperCubeContinuousData over a cube whose first dimension is numeric
 * (a date, a timestamp, a number): its rows in the order of that dimension's
 * numbers (descending with qReverseSort), those from qStart to qEnd plus the
 * nearest row on each side so lines run on past the edges. When more
 * distinct values lie in the stretch than qNbrPoints, the stretch is cut
 * into qNbrPoints equal bins and each bin's measures are computed over all
 * its records (`binnedCube` makes that cube): a bin's cell shows its middle,
 * with qElemNumber -1 as it stands for no single value. With a second
 * dimension, qMaxNumberLines keeps the lines with the largest sums of the
 * first measure. qAxisData lists the axis levels of derived (calendar) field
 * definitions; this engine has none, so it is empty and the chart ticks the
 * axis itself.
 */
export function continuousData(
  cube: ComputedHyperCube,
  options: ContinuousOptions,
  reverse: boolean,
  binnedCube: (start: number, width: number) => ComputedHyperCube,
): ContinuousData {
  const info = cube.layout.qDimensionInfo[0];
  if (!info || !info.qContinuousAxes)
    throw new LocError(
      'LOCERR_GENERIC_INVALID_PARAMETERS',
      'GetHyperCubeContinuousData needs a hypercube whose first dimension is numeric',
      { parameter: 'qPath' },
    );
  const dims = cube.layout.qDimensionInfo.length;
  const rows = cube
    .rows()
    .filter((row) => typeof row[0]!.qNum === 'number')
    .sort((a, b) => (a[0]!.qNum as number) - (b[0]!.qNum as number));
  const min = rows.length > 0 ? (rows[0]![0]!.qNum as number) : NaN;
  const max = rows.length > 0 ? (rows[rows.length - 1]![0]!.qNum as number) : NaN;
  const start = finite(options.qStart) ? options.qStart! : min;
  const end = finite(options.qEnd) ? options.qEnd! : max;
  const numOf = (row: NxCell[]) => row[0]!.qNum as number;
  const inside = rows.filter((row) => numOf(row) >= start && numOf(row) <= end);
  const distinct = new Set(inside.map(numOf)).size;
  const points = options.qNbrPoints ?? 0;
  let shown: NxCell[][];
  let reduced = false;
  if (points > 0 && distinct > points && end > start) {
    const width = (end - start) / points;
    shown = binnedCube(start, width)
      .rows()
      .filter(
        (row) => typeof row[0]!.qNum === 'number' && row[0]!.qNum >= 0 && row[0]!.qNum < points,
      )
      .map((row) => [
        binCell(row[0]!.qNum as number, start, width, info.qNumFormat),
        ...row.slice(1),
      ])
      .sort((a, b) => numOf(a) - numOf(b));
    reduced = true;
  } else {
    const before = [...rows].reverse().find((row) => numOf(row) < start);
    const after = rows.find((row) => numOf(row) > end);
    shown = [...(before ? [before] : []), ...inside, ...(after ? [after] : [])];
  }
  shown = limitLines(shown, dims, options.qMaxNumberLines ?? -1);
  if (reverse) shown.reverse();
  const width = cube.layout.qSize.qcx;
  return {
    qDataPages: [
      {
        qMatrix: shown,
        qTails: Array.from({ length: dims }, () => ({ qUp: 0, qDown: 0 })),
        qArea: { qLeft: 0, qTop: 0, qWidth: width, qHeight: shown.length },
        qIsReduced: reduced,
      },
    ],
    qAxisData: { qAxis: [] },
  };
}

function finite(value: number | undefined): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

function binCell(bin: number, start: number, width: number, format: FieldAttributes): NxCell {
  const middle = start + (bin + 0.5) * width;
  const dated = format.qType === 'D' || format.qType === 'TS' || format.qType === 'T';
  const text = dated && format.qFmt ? formatDate(middle, format.qFmt) : numberToText(middle);
  return { qText: text, qNum: middle, qElemNumber: -1, qState: 'O' };
}

// Lines (values of the second dimension) beyond the limit are left out, the smallest first.
function limitLines(rows: NxCell[][], dims: number, limit: number): NxCell[][] {
  if (dims < 2 || limit <= 0) return rows;
  const sums = new Map<number, number>();
  for (const row of rows) {
    const line = row[1]!.qElemNumber;
    const num = row[dims]?.qNum;
    sums.set(line, (sums.get(line) ?? 0) + (typeof num === 'number' ? num : 0));
  }
  if (sums.size <= limit) return rows;
  const kept = new Set(
    [...sums]
      .sort(([, a], [, b]) => b - a)
      .slice(0, limit)
      .map(([line]) => line),
  );
  return rows.filter((row) => kept.has(row[1]!.qElemNumber));
}
