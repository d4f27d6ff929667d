import { DelimitedParser, type DelimitedCell } from './DelimitedParser.js';
import type { DelimitedFormat } from './DelimitedFormat.js';
import { fileChunks } from './fileChunks.js';
import { dataFileSize, READ_CHUNK_BYTES } from './openDataFile.js';
import { CR, LF } from './charCodes.js';
import { concatBytes } from './concatBytes.js';

/**
 * A UTF-8 delimited file read in two stages: its leading rows (header lines,
 * labels) parsed as text, then the remaining bytes handed over raw, so a
 * loader can scan them itself instead of building a string per cell.
 */
export class DelimitedFileCursor {
  /** Bytes read from the file but not consumed yet. */
  private pending: Uint8Array = new Uint8Array(0);
  private done = false;
  private atStart = true;
  /** Bytes taken from the file so far. */
  private readBytes = 0;

  private constructor(
    private readonly chunks: AsyncGenerator<Uint8Array>,
    private readonly size: number,
  ) {}

  /** Opens a file (SCRIPT_FILE_NOT_FOUND when it is missing). */
  static async open(absolutePath: string, scriptPath: string): Promise<DelimitedFileCursor> {
    const size = await dataFileSize(absolutePath, scriptPath);
    return new DelimitedFileCursor(fileChunks(absolutePath, 0, READ_CHUNK_BYTES), size);
  }

  /** How many bytes `bytes()` would hand out now (the file may still change under us). */
  get unreadBytes(): number {
    return Math.max(0, this.size - this.readBytes) + this.pending.length;
  }

  /** The position in the file of the first byte `bytes()` would hand out now. */
  get offset(): number {
    return this.readBytes - this.pending.length;
  }

  /**
   * Parses up to `count` non-blank rows at the start of the file (after a
   * byte order mark), exactly as the text parser reads them.
   */
  async leadingRows(format: DelimitedFormat, count: number): Promise<DelimitedCell[][]> {
    const rows: DelimitedCell[][] = [];
    const parser = new DelimitedParser(format, (fields) => rows.push(fields));
    // ignoreBOM: the mark is stripped from the bytes below, so a second one stays data.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    let text = '';
    let consumed = 0;
    while (rows.length < count) {
      const end = parser.parseRows(text, consumed, this.done, 1);
      if (end > consumed) {
        consumed = end;
        continue;
      }
      if (this.done) break;
      await this.readMore();
      // Re-decoding the whole head keeps char offsets stable; the head is a few lines.
      text = decoder.decode(this.pending);
    }
    this.pending = this.pending.subarray(byteOffsetAfter(text, consumed, this.pending));
    return rows;
  }

  /** The unread bytes: what is left of the chunks read so far, then the rest of the file. */
  async *bytes(): AsyncGenerator<Uint8Array> {
    if (this.pending.length > 0) yield this.pending;
    this.pending = new Uint8Array(0);
    while (!this.done) {
      const next = await this.chunks.next();
      if (next.done) this.done = true;
      else yield next.value;
    }
  }

  /** Releases the file. */
  close(): void {
    void this.chunks.return(undefined);
  }

  private async readMore(): Promise<void> {
    const next = await this.chunks.next();
    if (next.done) {
      this.done = true;
      return;
    }
    let chunk = next.value;
    this.readBytes += chunk.length;
    if (this.atStart) {
      // The BOM may be split over chunks only in a file shorter than 3 bytes; then it is kept whole below.
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf)
        chunk = chunk.subarray(3);
      this.atStart = false;
    }
    this.pending = concatBytes(this.pending, chunk);
  }
}

/**
 * The byte offset in `bytes` where its decoded `text` has consumed `chars`
 * characters. Rows end at a line break, and line breaks are ASCII, which
 * decode to themselves (even next to invalid sequences), so counting them
 * finds the offset without re-encoding.
 */
function byteOffsetAfter(text: string, chars: number, bytes: Uint8Array): number {
  if (chars >= text.length) return bytes.length;
  let breaks = 0;
  for (let i = 0; i < chars; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) breaks++;
  }
  let at = 0;
  while (breaks > 0) {
    const c = bytes[at++];
    if (c === LF || c === CR) breaks--;
  }
  return at;
}
