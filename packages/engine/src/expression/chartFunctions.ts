import type { FunctionGroup } from './FunctionGroup.js';

/**
 * How a chart function reads the chart's rows: `vertical` down a column
 * segment (Above, RowNo, Rank), `horizontal` along a row segment of a pivot
 * table (Before, ColumnNo, HRank), `none` from the row itself (Column,
 * Dimensionality).
 */
export type ChartAxis = 'vertical' | 'horizontal' | 'none';

/** What a chart function computes once it has found its rows. */
export type ChartFunctionKind =
  | 'offset'
  | 'top'
  | 'bottom'
  | 'position'
  | 'count'
  | 'rank'
  | 'column'
  | 'dimensionality'
  | 'secondaryDimensionality';

/**
 * A chart function: an inter-record function (Above, RowNo, ...) or a
 * ranking function (Rank, HRank). They read other rows of the chart, so
 * only the chart engine computes them, once the rows are sorted; `TOTAL`
 * makes their segment the whole column (or row).
 */
export interface ChartFunctionSpec {
  readonly name: string;
  readonly key: string;
  readonly group: FunctionGroup;
  readonly min: number;
  readonly max: number;
  readonly signature: string;
  readonly axis: ChartAxis;
  readonly kind: ChartFunctionKind;
  /** For offset kinds: +1 looks up (Above, Before), -1 down (Below, After). */
  readonly direction?: 1 | -1;
  /** Whether a count argument makes it a range of values, for the range functions. */
  readonly ranged?: boolean;
}

function spec(
  name: string,
  group: FunctionGroup,
  [min, max]: [number, number],
  params: string,
  axis: ChartAxis,
  kind: ChartFunctionKind,
  extra: Partial<Pick<ChartFunctionSpec, 'direction' | 'ranged'>> = {},
): ChartFunctionSpec {
  return {
    name,
    key: name.toUpperCase(),
    group,
    min,
    max,
    signature: `${name}(${params})`,
    axis,
    kind,
    ...extra,
  };
}

const OFFSET_PARAMS = '[TOTAL] expr [ , offset [,count ]]';

/** Every chart inter-record and ranking function, keyed by upper-cased name. */
export const CHART_FUNCTIONS: ReadonlyMap<string, ChartFunctionSpec> = new Map(
  [
    spec('Above', 'RCRD', [1, 3], OFFSET_PARAMS, 'vertical', 'offset', {
      direction: 1,
      ranged: true,
    }),
    spec('Below', 'RCRD', [1, 3], OFFSET_PARAMS, 'vertical', 'offset', {
      direction: -1,
      ranged: true,
    }),
    spec('Top', 'RCRD', [1, 3], OFFSET_PARAMS, 'vertical', 'top', { ranged: true }),
    spec('Bottom', 'RCRD', [1, 3], OFFSET_PARAMS, 'vertical', 'bottom', { ranged: true }),
    spec('Before', 'RCRD', [1, 3], OFFSET_PARAMS, 'horizontal', 'offset', {
      direction: 1,
      ranged: true,
    }),
    spec('After', 'RCRD', [1, 3], OFFSET_PARAMS, 'horizontal', 'offset', {
      direction: -1,
      ranged: true,
    }),
    spec('First', 'RCRD', [1, 3], OFFSET_PARAMS, 'horizontal', 'top', { ranged: true }),
    spec('Last', 'RCRD', [1, 3], OFFSET_PARAMS, 'horizontal', 'bottom', { ranged: true }),
    spec('RowNo', 'RCRD', [0, 0], '[TOTAL]', 'vertical', 'position'),
    spec('NoOfRows', 'RCRD', [0, 0], '[TOTAL]', 'vertical', 'count'),
    spec('ColumnNo', 'RCRD', [0, 0], '[TOTAL]', 'horizontal', 'position'),
    spec('NoOfColumns', 'RCRD', [0, 0], '[TOTAL]', 'horizontal', 'count'),
    spec('Column', 'RCRD', [1, 1], 'ColumnNo', 'none', 'column'),
    spec('Dimensionality', 'RCRD', [0, 0], '', 'none', 'dimensionality'),
    spec('SecondaryDimensionality', 'RCRD', [0, 0], '', 'none', 'secondaryDimensionality'),
    spec('Rank', 'RNK', [1, 3], '[TOTAL] expr[, mode[, fmt]]', 'vertical', 'rank'),
    spec('HRank', 'RNK', [1, 3], '[TOTAL] expr[, mode[, fmt]]', 'horizontal', 'rank'),
  ].map((entry) => [entry.key, entry]),
);
