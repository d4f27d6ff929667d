import { DataPage } from '../../hypercube/DataPage.js';
import { JsonFragment } from '../../value/ownJsonText.js';
import { numberBytes, opBytesAt } from './jsonBytes.js';

// Pages of this many rows are judged on SAMPLES rows before they are compared row by row.
const SAMPLE_FROM = 64;
const SAMPLES = 8;

/** A replacement whose value is JSON text written already (a cell or a row of a page). */
export interface TextReplace {
  readonly op: 'replace';
  readonly path: string;
  readonly value: JsonFragment;
}

/** Whether a value is a data page whose cells are still its grid's texts (see `DataPage`). */
export function isTextualPage(value: unknown): value is DataPage {
  return value instanceof DataPage && value.textual;
}

/**
 * The patch between two data pages whose cells are still their grids'
 * texts, compared cell text by cell text (no cell object made): a changed
 * cell is replaced, a row with several changed cells whole when that takes
 * fewer bytes. `ops` is undefined when the page should be replaced whole:
 * another area, or a patch over `allowed(pageBytes)` (the cells of another
 * selection), which is found by adding up its bytes before any operation
 * is made, on a sample of rows first. `pageBytes` is the length of
 * `next`'s JSON.
 */
export function pagePatch(
  previous: DataPage,
  next: DataPage,
  path: string,
  allowed: (pageBytes: number) => number,
): { pageBytes: number; ops: TextReplace[] | undefined } {
  const after = next.cellTexts();
  const { width, height } = next;
  const frame = frameText(next);
  const rowFrame = width > 0 ? width + 1 : 2;
  // `{"qMatrix":[` rows `],` and the frame without its `{`; rows are their cells, commas and brackets.
  let pageBytes = 13 + frame.length + height * rowFrame + Math.max(0, height - 1);
  for (let i = 0; i < after.length; i++) pageBytes += after[i]!.length;
  if (previous.width !== width || previous.height !== height || frameText(previous) !== frame)
    return { pageBytes, ops: undefined };
  const before = previous.cellTexts();
  const rowsPath = `${path}/qMatrix/`;
  // A changed row's bytes: a replacement per changed cell, or of the row, whichever is smaller.
  const rowPatch = (r: number): { bytes: number; whole: boolean; rowBytes: number } => {
    let cellOps = 0;
    let rowBytes = rowFrame;
    const rowPath = rowsPath.length + numberBytes(r);
    for (let c = 0, i = r * width; c < width; c++, i++) {
      rowBytes += after[i]!.length;
      if (before[i] !== after[i])
        cellOps += opBytesAt('replace', rowPath + 1 + numberBytes(c), after[i]!.length) + 1;
    }
    const rowOp = opBytesAt('replace', rowPath, rowBytes) + 1;
    return { bytes: Math.min(cellOps, rowOp), whole: rowOp < cellOps, rowBytes };
  };
  const limit = allowed(pageBytes);
  if (height >= SAMPLE_FROM) {
    // A few rows spread over the page tell a page of other cells before half of it is compared.
    let sampleBytes = 0;
    let sampleRows = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const row = rowPatch(Math.floor(((s + 0.5) * height) / SAMPLES));
      sampleBytes += row.bytes;
      sampleRows += row.rowBytes;
    }
    if (sampleBytes * pageBytes > limit * sampleRows) return { pageBytes, ops: undefined };
  }
  let bytes = 0;
  for (let r = 0; r < height && bytes <= limit; r++) bytes += rowPatch(r).bytes;
  if (bytes > limit) return { pageBytes, ops: undefined };
  const ops: TextReplace[] = [];
  for (let r = 0; r < height; r++) {
    const row = rowPatch(r);
    if (row.bytes === 0) continue;
    if (row.whole) {
      ops.push({
        op: 'replace',
        path: `${rowsPath}${r}`,
        value: new JsonFragment(next.rowText(r)),
      });
      continue;
    }
    for (let c = 0, i = r * width; c < width; c++, i++) {
      if (before[i] !== after[i])
        ops.push({
          op: 'replace',
          path: `${rowsPath}${r}/${c}`,
          value: new JsonFragment(after[i]!),
        });
    }
  }
  return { pageBytes, ops };
}

/** The page's members beside its cells, as JSON. */
function frameText(page: DataPage): string {
  return JSON.stringify({ qTails: page.qTails, qArea: page.qArea, qIsReduced: page.qIsReduced });
}
