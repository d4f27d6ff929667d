import type { DelimitedFormat } from './DelimitedFormat.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Incremental parser for delimited text. Feed it text chunk by chunk with
 * `push`; it hands each complete row to `onRow` and keeps only the unfinished
 * tail, so a large file never has to be one string. Quoted fields may hold
 * delimiters, doubled quotes and newlines. Blank lines are skipped.
 */
export class DelimitedParser {
  private tail = '';
  private readonly delimiter: number;
  private readonly spaces: boolean;
  private readonly quoted: boolean;
  private readonly trimTabs: boolean;

  constructor(
    private readonly format: DelimitedFormat,
    private readonly onRow: (fields: string[]) => void,
  ) {
    this.spaces = format.delimiter === 'spaces';
    this.delimiter = this.spaces ? SPACE : format.delimiter.charCodeAt(0);
    this.quoted = format.quoting !== 'none';
    this.trimTabs = this.delimiter !== TAB;
  }

  /** Parses as many complete rows as `chunk` (after the previous tail) holds. */
  push(chunk: string): void {
    const text = this.tail.length === 0 ? chunk : this.tail + chunk;
    const consumed = this.parse(text, false);
    this.tail = consumed === text.length ? '' : text.slice(consumed);
  }

  /** Parses the final row, which may lack a line break. */
  end(): void {
    if (this.tail.length > 0) this.parse(this.tail, true);
    this.tail = '';
  }

  /** Returns the offset of the first character not yet consumed. */
  private parse(text: string, final: boolean): number {
    const length = text.length;
    let pos = 0;
    while (pos < length) {
      const rowStart = pos;
      const fields: string[] = [];
      let rowDone = false;
      while (!rowDone) {
        if (this.spaces) pos = this.skipBlanks(text, pos);
        const field = this.readField(text, pos, final);
        if (field === undefined) return rowStart;
        fields.push(field.value);
        pos = field.end;
        if (pos >= length) {
          if (!final) return rowStart;
          rowDone = true;
        } else {
          const code = text.charCodeAt(pos);
          if (code === LF || code === CR) {
            pos += code === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
            rowDone = true;
          } else {
            pos = this.spaces ? this.skipBlanks(text, pos) : pos + 1;
            if (this.spaces && this.isLineEnd(text, pos, length)) rowDone = true;
          }
        }
      }
      if (fields.length > 1 || fields[0] !== '') this.onRow(fields);
    }
    return pos;
  }

  private isLineEnd(text: string, pos: number, length: number): boolean {
    if (pos >= length) return true;
    const code = text.charCodeAt(pos);
    return code === LF || code === CR;
  }

  private skipBlanks(text: string, pos: number): number {
    let p = pos;
    for (let code = text.charCodeAt(p); code === SPACE || code === TAB; code = text.charCodeAt(++p));
    return p;
  }

  /** Reads one field starting at `pos`; undefined when the text ends inside a quoted field. */
  private readField(text: string, pos: number, final: boolean): { value: string; end: number } | undefined {
    let start = pos;
    if (this.quoted) {
      start = this.format.trim ? this.skipLeadingBlanks(text, pos) : pos;
      if (text.charCodeAt(start) === QUOTE) return this.readQuoted(text, start, final);
    }
    const end = this.findFieldEnd(text, pos);
    const raw = text.slice(pos, end);
    return { value: this.format.trim ? this.trim(raw) : raw, end };
  }

  private skipLeadingBlanks(text: string, pos: number): number {
    let p = pos;
    for (;;) {
      const code = text.charCodeAt(p);
      if (code === this.delimiter || !(code === SPACE || (code === TAB && this.trimTabs))) return p;
      p++;
    }
  }

  private findFieldEnd(text: string, pos: number): number {
    const delimiter = this.delimiter;
    const spaces = this.spaces;
    const length = text.length;
    let p = pos;
    while (p < length) {
      const code = text.charCodeAt(p);
      if (code === delimiter || code === LF || code === CR || (spaces && code === TAB)) break;
      p++;
    }
    return p;
  }

  private readQuoted(text: string, quoteAt: number, final: boolean): { value: string; end: number } | undefined {
    let value = '';
    let from = quoteAt + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close < 0) {
        if (!final) return undefined;
        return { value: value + text.slice(from), end: text.length };
      }
      if (close + 1 >= text.length && !final) return undefined;
      value += text.slice(from, close);
      if (text.charCodeAt(close + 1) === QUOTE) {
        value += '"';
        from = close + 2;
        continue;
      }
      // Text after the closing quote up to the delimiter is kept, as a lenient reader should.
      const end = this.findFieldEnd(text, close + 1);
      const trailing = text.slice(close + 1, end);
      return { value: value + (this.format.trim ? trailing.trimEnd() : trailing), end };
    }
  }

  private trim(raw: string): string {
    if (raw.length === 0) return raw;
    const first = raw.charCodeAt(0);
    const last = raw.charCodeAt(raw.length - 1);
    const blank = (c: number): boolean => c === SPACE || (c === TAB && this.trimTabs);
    if (!blank(first) && !blank(last)) return raw;
    return this.trimTabs ? raw.trim() : raw.replace(/^ +| +$/g, '');
  }
}

/** Parses a whole text (e.g. an INLINE table) into rows. */
export function parseDelimitedText(text: string, format: DelimitedFormat): string[][] {
  const rows: string[][] = [];
  const parser = new DelimitedParser(format, (fields) => rows.push(fields));
  parser.push(text);
  parser.end();
  return rows;
}
