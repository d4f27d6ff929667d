import type { GenericObject, HyperCube, NxCell } from '@qlikit/qix';
import { CliError } from '../../../errors/CliError.js';
import { csvLine } from '../../../output/formatCsv.js';
import type { Column } from '../../../output/formatTable.js';
import type { Output } from '../../../output/Output.js';

/** How a table of engine data is printed. */
export interface CubePrintOptions {
  /** At most this many rows (all by default). */
  readonly rows?: number;
  readonly csv?: boolean;
  readonly signal?: AbortSignal;
  /** Print a lone value (one measure, no dimension) as just its text, as `app eval "1+1"` → 2. */
  readonly loneValue?: boolean;
}

interface CubeColumn {
  readonly title: string;
  readonly measure: boolean;
}

const MAX_CELLS_PER_PAGE = 10_000;

// Scripts get numbers for numeric measures and texts for the rest; people get the engine's formatted texts.
function cellValue(cell: NxCell, measure: boolean): string | number | null {
  if (cell.qIsNull) return null;
  if (measure && typeof cell.qNum === 'number' && Number.isFinite(cell.qNum)) return cell.qNum;
  return cell.qText ?? null;
}

/**
 * Prints the hypercube of a generic object page by page: an aligned table,
 * CSV (streamed) or with --json `{ columns, totalRows, rows }` (streamed, one row per line).
 */
export async function printCube(
  out: Output,
  object: GenericObject,
  options: CubePrintOptions = {},
): Promise<void> {
  const layout = (await object.getLayout()) as { qHyperCube?: HyperCube };
  const cube = layout.qHyperCube;
  if (!cube) {
    throw new CliError(
      'NO_HYPERCUBE',
      'This object has no hypercube (qHyperCubeDef) to read data from.',
      {
        hint: 'Charts and tables have one; `qlikit app object properties <id>` shows what the object is.',
      },
    );
  }
  const columns: CubeColumn[] = [
    ...(cube.qDimensionInfo ?? []).map((info) => ({
      title: info.qFallbackTitle ?? '',
      measure: false,
    })),
    ...(cube.qMeasureInfo ?? []).map((info) => ({
      title: info.qFallbackTitle ?? '',
      measure: true,
    })),
  ];
  const total = cube.qSize?.qcy ?? 0;
  const limit = Math.min(total, options.rows ?? total);
  const rows = readRows(object, columns.length, limit, options.signal);
  if (out.json) return printJson(out, columns, total, rows);
  if (options.csv) return printCsv(out, columns, rows);
  const cells: NxCell[][] = [];
  for await (const row of rows) cells.push(row);
  if (options.loneValue && columns.length === 1 && cells.length === 1) {
    out.line(cells[0]![0]!.qText ?? '');
    return;
  }
  const tableColumns: Column<NxCell[]>[] = columns.map((column, index) => ({
    header: column.title,
    value: (row) => row[index]?.qText ?? '',
    align: column.measure ? 'right' : 'left',
  }));
  out.table(cells, tableColumns);
  if (limit < total)
    out.info(out.errColors.dim(`${limit} of ${total} rows; --rows <n> shows more.`));
}

async function* readRows(
  object: GenericObject,
  width: number,
  limit: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<NxCell[]> {
  if (width === 0 || limit === 0) return;
  const pageHeight = Math.max(1, Math.min(limit, Math.floor(MAX_CELLS_PER_PAGE / width)));
  const { iterateHyperCubePages } = await import('@qlikit/qix');
  let count = 0;
  for await (const page of iterateHyperCubePages(object, { pageHeight, signal })) {
    for (const row of page.qMatrix) {
      if (count++ >= limit) return;
      yield row;
    }
  }
}

async function printJson(
  out: Output,
  columns: readonly CubeColumn[],
  total: number,
  rows: AsyncIterable<NxCell[]>,
): Promise<void> {
  await out.writeAndDrain(
    `{\n  "columns": ${JSON.stringify(columns.map((column) => column.title))},\n  "totalRows": ${total},\n  "rows": [`,
  );
  let first = true;
  for await (const row of rows) {
    const values = row.map((cell, index) => cellValue(cell, columns[index]?.measure ?? false));
    await out.writeAndDrain(`${first ? '' : ','}\n    ${JSON.stringify(values)}`);
    first = false;
  }
  out.write(`${first ? '' : '\n  '}]\n}\n`);
}

async function printCsv(
  out: Output,
  columns: readonly CubeColumn[],
  rows: AsyncIterable<NxCell[]>,
): Promise<void> {
  out.write(csvLine(columns.map((column) => column.title)));
  for await (const row of rows) {
    const values = row.map((cell, index) => cellValue(cell, columns[index]?.measure ?? false));
    await out.writeAndDrain(csvLine(values));
  }
}
