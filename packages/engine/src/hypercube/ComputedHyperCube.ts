import type { Field } from '../model/Field.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { numberOf } from '../aggregate/valueParts.js';
import { type MeasureValues, valueAt } from '../aggregate/numberedValues.js';
import { HyperCubeError } from './HyperCubeError.js';
import { measureText } from './measureText.js';
import { DataPage, type PageSource } from './DataPage.js';
import { valueCellText } from './cellText.js';
import { SymbolCellTexts } from './SymbolCellTexts.js';
import { readPages } from './readPages.js';
import { OTHER_KEY } from './otherGroups.js';
import type { RowOrder } from './RowOrder.js';
import type {
  FieldAttributes,
  HyperCube,
  NxCell,
  NxDataPage,
  NxPage,
  StateEnumType,
} from './QixShapes.js';

/** Largest number of cells one GetHyperCubeData call may ask for, as in Qlik. */
export const MAX_PAGE_CELLS = 10_000;

/** One dimension column of a computed hypercube. */
export interface DimensionColumn {
  readonly field: Field;
  /** Symbol per group (the grid's order says which group a row shows), -1 for null. */
  readonly keys: Int32Array;
  /** State letter of a symbol of the field. */
  readonly stateOf: (symbol: number) => StateEnumType;
  /** The text of Others cells (keys OTHER_KEY), 'Others' by default. */
  readonly otherLabel?: string;
  /** The symbols the Others rows stand for, which selecting an Others cell selects. */
  readonly otherSymbols?: ReadonlySet<number>;
}

/** One measure column of a computed hypercube. */
export interface MeasureColumn {
  /** Value per group (the grid's order says which group a row shows), or its numbers (NaN for null). */
  readonly values: MeasureValues;
  readonly format?: FieldAttributes;
}

/**
 * A hypercube after computation: the layout (`qHyperCube`) and the sorted rows
 * behind it, from which any page of cells is cut on request
 * (GetHyperCubeData).
 */
export class ComputedHyperCube {
  constructor(
    /** The `qHyperCube` layout, with the initial data pages. */
    readonly layout: HyperCube,
    private readonly grid: CellGrid,
  ) {}

  /** About how many bytes the cube holds (its columns and the cells of its layout), for a cache's budget. */
  estimatedBytes(): number {
    return this.grid.estimatedBytes() + layoutBytes(this.layout);
  }

  /** Pages of cells, as GetHyperCubeData answers (missing page fields are 0); rejects more than 10,000 cells in all. */
  getHyperCubeData(pages: readonly Partial<NxPage>[]): NxDataPage[] {
    return this.grid.pages(pages);
  }

  /** The symbols the Others cells of a dimension stand for (qElemNumber -3 selects them). */
  otherSymbols(dimension: number): number[] {
    return this.grid.otherSymbols(dimension);
  }

  /** The fields of the dimensions (calculated dimensions have index -1). */
  dimensionFields(): Field[] {
    return this.grid.dimensionFields();
  }

  /** Every row as cells, in display order (for computations over the whole cube, not for the wire). */
  rows(): NxCell[][] {
    const width = this.layout.qSize.qcx;
    return Array.from({ length: this.grid.rowCount }, (_, row) =>
      Array.from({ length: width }, (_, column) => this.grid.cell(row, column)),
    );
  }
}

/** Sorted rows of dimension symbols and measure values, cut into pages of QIX cells on request. */
export class CellGrid implements PageSource {
  constructor(
    private readonly dimensions: readonly DimensionColumn[],
    private readonly measures: readonly MeasureColumn[],
    /** Which group each row shows. */
    private readonly order: RowOrder,
    private readonly settings: FormatSettings,
  ) {}

  /** Number of rows. */
  get rowCount(): number {
    return this.order.length;
  }

  /** About how many bytes the columns and the order hold: a 4-byte key per dimension cell, a value slot per measure cell. */
  estimatedBytes(): number {
    const groups = this.dimensions[0]?.keys.length ?? this.measures[0]?.values.length ?? 0;
    return groups * (4 * this.dimensions.length + 16 * this.measures.length) + 8 * this.rowCount;
  }

  /** Pages of cells (missing page fields are 0); rejects more than 10,000 cells in all (LOCERR_CALC_PAGES_TOO_LARGE). */
  pages(requested: readonly Partial<NxPage>[]): DataPage[] {
    const pages = readPages(requested);
    const cells = pages.reduce(
      (sum, page) => sum + Math.max(0, page.qWidth) * Math.max(0, page.qHeight),
      0,
    );
    if (cells > MAX_PAGE_CELLS) {
      throw new HyperCubeError(
        'LOCERR_CALC_PAGES_TOO_LARGE',
        `Pages too large: ${cells} cells requested, at most ${MAX_PAGE_CELLS}`,
      );
    }
    return pages.map((page) => this.page(page));
  }

  /** The fields of the dimension columns. */
  dimensionFields(): Field[] {
    return this.dimensions.map((dimension) => dimension.field);
  }

  /** The symbols the Others cells of a dimension column stand for. */
  otherSymbols(dimension: number): number[] {
    return [...(this.dimensions[dimension]?.otherSymbols ?? [])];
  }

  /** The cell at a row and column of the sorted hypercube. */
  cell(row: number, column: number): NxCell {
    const group = this.order.at(row);
    if (column < this.dimensions.length) return this.dimensionCell(this.dimensions[column]!, group);
    const measure = this.measures[column - this.dimensions.length]!;
    return valueCell(valueAt(measure.values, group), measure.format, this.settings);
  }

  /** The cells of `height` rows from `top` and `width` columns from `left`, row by row. */
  cells(top: number, height: number, left: number, width: number): NxCell[][] {
    const matrix: NxCell[][] = new Array<NxCell[]>(height);
    for (let r = 0; r < height; r++) {
      const cells = new Array<NxCell>(width);
      for (let c = 0; c < width; c++) cells[c] = this.cell(top + r, left + c);
      matrix[r] = cells;
    }
    return matrix;
  }

  /** The JSON text of the same cells, row-major, written column by column without cell objects. */
  cellTexts(top: number, height: number, left: number, width: number): string[] {
    // Small integers for the index arithmetic: a page's area may come as doubles (Math.min), which makes every store slow.
    top |= 0;
    height |= 0;
    left |= 0;
    width |= 0;
    const texts = new Array<string>(height * width);
    const groups = new Int32Array(height);
    for (let r = 0; r < height; r++) groups[r] = this.order.at(top + r);
    for (let c = 0; c < width; c++) {
      const column = left + c;
      if (column < this.dimensions.length) {
        const keys = this.dimensions[column]!.keys;
        const symbols = this.symbolTexts(column);
        for (let r = 0; r < height; r++) texts[r * width + c] = symbols.get(keys[groups[r]!]!);
      } else {
        const { values, format } = this.measures[column - this.dimensions.length]!;
        for (let r = 0; r < height; r++)
          texts[r * width + c] = valueCellText(valueAt(values, groups[r]!), format, this.settings);
      }
    }
    return texts;
  }

  private readonly columnTexts: SymbolCellTexts[] = [];

  private symbolTexts(column: number): SymbolCellTexts {
    const dimension = this.dimensions[column]!;
    return (this.columnTexts[column] ??= new SymbolCellTexts(
      dimension.field.cardinality,
      (symbol) => JSON.stringify(this.symbolCell(dimension, symbol)),
    ));
  }

  private page(page: NxPage): DataPage {
    const width = this.dimensions.length + this.measures.length;
    const top = Math.min(page.qTop, this.rowCount);
    const left = Math.min(page.qLeft, width);
    const bottom = Math.min(top + page.qHeight, this.rowCount);
    const right = Math.min(left + page.qWidth, width);
    // The whole page's rows at once: a partial order selects them in one pass, not row by row.
    if (bottom > top) this.order.ensure(bottom);
    return new DataPage(
      this,
      { qLeft: left, qTop: top, qWidth: right - left, qHeight: bottom - top },
      this.dimensions.map(() => ({ qUp: 0, qDown: 0 })),
    );
  }

  private dimensionCell(dimension: DimensionColumn, group: number): NxCell {
    return this.symbolCell(dimension, dimension.keys[group]!);
  }

  private symbolCell(dimension: DimensionColumn, symbol: number): NxCell {
    if (symbol === OTHER_KEY)
      return {
        qText: dimension.otherLabel ?? 'Others',
        qNum: 'NaN',
        qElemNumber: OTHER_KEY,
        qState: 'O',
        qIsOtherCell: true,
      };
    if (symbol < 0) return { qText: '-', qNum: 'NaN', qElemNumber: -2, qState: 'O', qIsNull: true };
    const symbols = dimension.field.symbols;
    const num = symbols.num(symbol);
    return {
      qText: symbols.text(symbol),
      qNum: Number.isNaN(num) ? 'NaN' : num,
      qElemNumber: symbol,
      qState: dimension.stateOf(symbol),
    };
  }
}

/** A measure (or total) cell for a value. */
export function valueCell(
  value: Value,
  format: FieldAttributes | undefined,
  settings: FormatSettings,
): NxCell {
  if (value === null)
    return { qText: '-', qNum: 'NaN', qElemNumber: 0, qState: 'L', qIsNull: true };
  const num = numberOf(value);
  return {
    qText: measureText(value, format, settings),
    qNum: num === num ? num : 'NaN',
    qElemNumber: 0,
    qState: 'L',
  };
}

// A cell of a layout's pages takes about 160 bytes as objects; the rest of a layout about 2 KiB.
/** About how many bytes a layout's pages of cells take. */
export function layoutBytes(layout: { qDataPages?: readonly NxDataPage[] }): number {
  let cells = 0;
  for (const page of layout.qDataPages ?? []) cells += page.qArea.qWidth * page.qArea.qHeight;
  return 2048 + 160 * cells;
}
