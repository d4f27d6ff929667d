import { OWN_JSON_TEXT, type OwnJsonText } from '../value/ownJsonText.js';
import type { NxCell, NxDataPage, NxPage } from './QixShapes.js';

/** The grid a page is cut from: its cells as objects, and as their JSON text. */
export interface PageSource {
  /** The cells of `height` rows from `top` and `width` columns from `left`, row by row. */
  cells(top: number, height: number, left: number, width: number): NxCell[][];
  /** The same cells' JSON texts, row-major in one array. */
  cellTexts(top: number, height: number, left: number, width: number): string[];
}

/**
 * A page of cells (NxDataPage) cut from a sorted grid. Its cell objects are
 * made only when something reads `qMatrix`; until then the page writes its
 * JSON straight from the grid (OWN_JSON_TEXT) and compares with another
 * page cell text by cell text (`cellTexts`), so a page sent to a client
 * costs no cell object (making them and walking them in JSON.stringify was
 * most of what the engine spent on a chart's page). Once `qMatrix` is read
 * the page is a plain one: its cells may be changed, and its JSON is theirs.
 */
export class DataPage implements NxDataPage, OwnJsonText {
  declare qMatrix: NxCell[][];
  declare qTails: { qUp: number; qDown: number }[];
  declare qArea: NxPage;
  declare qIsReduced: boolean;
  // One accessor for every page: a closure per page would give each page a hidden class of its
  // own, kept in old space with the page and its texts, which minor GCs then cannot free.
  static readonly #lazyMatrix: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: DataPage) {
      return this.#materialize(undefined);
    },
    set(this: DataPage, matrix: NxCell[][]) {
      this.#materialize(matrix);
    },
  };

  #source: PageSource | undefined;
  #texts: string[] | undefined;
  /** The JSON of the cells, `{"qMatrix":[...]`, once written (the members after it may still change). */
  #matrixText: string | undefined;
  readonly #area: NxPage;

  constructor(source: PageSource, area: NxPage, tails: { qUp: number; qDown: number }[]) {
    this.#source = source;
    this.#area = area;
    // Defined first, so that the members keep a plain page's order (qMatrix, qTails, qArea, qIsReduced).
    Object.defineProperty(this, 'qMatrix', DataPage.#lazyMatrix);
    this.qTails = tails;
    this.qArea = { ...area };
    this.qIsReduced = false;
  }

  /** Whether the cells are still only the grid's (no cell objects made): then `cellTexts` and the own JSON hold. */
  get textual(): boolean {
    return this.#source !== undefined;
  }

  /** Rows and columns of the page. */
  get height(): number {
    return this.#area.qHeight;
  }

  get width(): number {
    return this.#area.qWidth;
  }

  /** The JSON text of every cell, row-major (`width` per row); only while `textual`. */
  cellTexts(): readonly string[] {
    if (this.#texts) return this.#texts;
    if (!this.#source) throw new Error('DataPage.cellTexts: the page has cell objects');
    const { qTop, qHeight, qLeft, qWidth } = this.#area;
    this.#texts = this.#source.cellTexts(qTop, qHeight, qLeft, qWidth);
    return this.#texts;
  }

  /** The JSON text of row `row` of the page; only while `textual`. */
  rowText(row: number): string {
    const texts = this.cellTexts();
    const width = this.#area.qWidth;
    let text = '[';
    for (let i = row * width, end = i + width; i < end; i++)
      text += i === row * width ? texts[i] : `,${texts[i]}`;
    return `${text}]`;
  }

  /**
   * Takes the cell texts and JSON that `other` has written already when it
   * is the same area of the same grid (a page made ahead of its request):
   * a grid's cells never change, so they are this page's texts too.
   */
  reuseTexts(other: DataPage): void {
    if (this.#source === undefined || this.#source !== other.#source) return;
    const a = this.#area;
    const b = other.#area;
    if (a.qTop !== b.qTop || a.qLeft !== b.qLeft || a.qWidth !== b.qWidth) return;
    if (a.qHeight !== b.qHeight) return;
    this.#texts ??= other.#texts;
    this.#matrixText ??= other.#matrixText;
  }

  /** Writes the cells' texts and JSON now, so that sending the page later costs neither. */
  writeAhead(): void {
    if (this.#source) this.#matrixText ??= this.#writeMatrix();
  }

  [OWN_JSON_TEXT](): string | undefined {
    if (!this.#source) return undefined;
    this.#matrixText ??= this.#writeMatrix();
    return (
      `${this.#matrixText},"qTails":${JSON.stringify(this.qTails)},"qArea":${JSON.stringify(this.qArea)},` +
      `"qIsReduced":${JSON.stringify(this.qIsReduced)}}`
    );
  }

  #writeMatrix(): string {
    const texts = this.cellTexts();
    const { qWidth: width, qHeight: height } = this.#area;
    // One join of every piece writes one flat text; joining rows written first copies each cell twice.
    const parts = new Array<string>(2 * texts.length + height + 2);
    let p = 0;
    parts[p++] = '{"qMatrix":[';
    for (let r = 0, i = 0; r < height; r++) {
      parts[p++] = r === 0 ? '[' : ',[';
      for (let c = 0; c < width; c++, i++) {
        if (c > 0) parts[p++] = ',';
        parts[p++] = texts[i]!;
      }
      parts[p++] = ']';
    }
    parts[p++] = ']';
    parts.length = p;
    return parts.join('');
  }

  #materialize(matrix: NxCell[][] | undefined): NxCell[][] {
    if (matrix === undefined) {
      const { qTop, qHeight, qLeft, qWidth } = this.#area;
      matrix = this.#source!.cells(qTop, qHeight, qLeft, qWidth);
    }
    Object.defineProperty(this, 'qMatrix', {
      value: matrix,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    this.#source = undefined;
    this.#texts = undefined;
    this.#matrixText = undefined;
    return matrix;
  }
}
