import type { DelimitedFormat } from './DelimitedFormat.js';
import { CR, LF, QUOTE, SPACE, TAB } from './charCodes.js';

const MINUS = 45;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** A double holds integers of up to 15 digits exactly. */
const MAX_INTEGER_DIGITS = 15;

/** One parsed field: its text, or the number itself when the format asks for integers and the text is a canonical one. */
export type DelimitedCell = string | number;

/** '0', '42', '-7' are canonical: the number's own text. '007', '-0' and '' are not. */
function isCanonicalInteger(
  text: string,
  start: number,
  negative: boolean,
  digits: number,
  value: number,
): boolean {
  if (digits === 0 || digits > MAX_INTEGER_DIGITS) return false;
  if (digits > 1 && text.charCodeAt(negative ? start + 1 : start) === DIGIT_0) return false;
  return !(negative && value === 0);
}

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
    private readonly onRow: (fields: DelimitedCell[]) => void,
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

  /**
   * Parses up to `maxRows` rows (a blank line counts as one) of `text` from
   * `from`, handing them to `onRow`; returns the offset after the last
   * complete row. Lets a reader take a file's first rows and no more.
   */
  parseRows(text: string, from: number, final: boolean, maxRows: number): number {
    return this.parseCharByChar(text, from, final, maxRows);
  }

  /** Parses the final row, which may lack a line break. */
  end(): void {
    if (this.tail.length > 0) this.parse(this.tail, true);
    this.tail = '';
  }

  /**
   * Returns the offset of the first character not yet consumed. Rows with no
   * quote and no bare CR are split with the engine's native `indexOf` (line
   * break, then delimiters), which beats a character loop several times
   * over; the other rows, and `spaces` mode, go through the character loop.
   */
  private parse(text: string, final: boolean): number {
    if (this.spaces) return this.parseCharByChar(text, 0, final, Infinity);
    this.nextQuote = this.quoted ? text.indexOf('"') : -1;
    this.nextCr = text.indexOf('\r');
    let pos = 0;
    for (;;) {
      pos = this.parseSimpleRows(text, pos, final);
      if (pos >= text.length || !this.needsCharLoop) return pos;
      const end = this.parseCharByChar(text, pos, final, 1);
      if (end === pos) return pos;
      pos = end;
    }
  }

  /** Next quote / bare CR at or after the current row in the text being parsed; -1 when there is none. */
  private nextQuote = -1;
  private nextCr = -1;
  /** Set when `parseSimpleRows` stopped at a row the character loop must read. */
  private needsCharLoop = false;

  /**
   * Splits rows with `indexOf` until the text ends, a row is incomplete, or a
   * row holds a quote or a bare CR. Kept small so the engine optimises it well.
   */
  private parseSimpleRows(text: string, from: number, final: boolean): number {
    const delimiter = this.format.delimiter;
    const integers = this.format.integers === true;
    const trim = this.format.trim;
    const length = text.length;
    let pos = from;
    this.needsCharLoop = false;
    while (pos < length) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0) {
        if (!final) return pos;
        lineEnd = length;
      }
      if (this.nextQuote >= 0 && this.nextQuote < pos) this.nextQuote = text.indexOf('"', pos);
      if (this.nextCr >= 0 && this.nextCr < pos) this.nextCr = text.indexOf('\r', pos);
      let contentEnd = lineEnd;
      if (contentEnd > pos && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
      if (
        (this.nextQuote >= 0 && this.nextQuote < lineEnd) ||
        (this.nextCr >= 0 && this.nextCr < contentEnd)
      ) {
        this.needsCharLoop = true;
        return pos;
      }
      const fields: DelimitedCell[] = [];
      let start = pos;
      for (;;) {
        let stop = text.indexOf(delimiter, start);
        if (stop < 0 || stop > contentEnd) stop = contentEnd;
        fields.push(
          trim && hasBlankEdge(text, start, stop)
            ? this.trimmedCell(text, start, stop)
            : cellOf(text, start, stop, integers),
        );
        if (stop >= contentEnd) break;
        start = stop + 1;
      }
      if (fields.length > 1 || fields[0] !== '') this.onRow(fields);
      pos = lineEnd + 1;
    }
    return pos;
  }

  /** A cell with blanks around it, trimmed first. */
  private trimmedCell(text: string, start: number, end: number): DelimitedCell {
    let from = start;
    let to = end;
    while (from < to && isBlank(text.charCodeAt(from), this.trimTabs)) from++;
    while (to > from && isBlank(text.charCodeAt(to - 1), this.trimTabs)) to--;
    return cellOf(text, from, to, this.format.integers === true);
  }

  /**
   * The character loop: parses up to `maxRows` rows from `from`, handling
   * quotes, embedded line breaks, bare CRs and runs of spaces. Returns the
   * offset after the last complete row (`from` when none is complete yet).
   */
  private parseCharByChar(text: string, from: number, final: boolean, maxRows: number): number {
    const length = text.length;
    const delimiter = this.delimiter;
    const spaces = this.spaces;
    const quoted = this.quoted;
    const trim = this.format.trim;
    const trimTabs = this.trimTabs;
    const integers = this.format.integers === true;
    let pos = from;
    let rows = 0;
    while (pos < length && rows < maxRows) {
      rows++;
      const rowStart = pos;
      const fields: DelimitedCell[] = [];
      for (;;) {
        if (spaces) pos = this.skipBlanks(text, pos);
        let start = pos;
        if (trim) {
          for (
            let c = text.charCodeAt(start);
            (c === SPACE || (c === TAB && trimTabs)) && c !== delimiter;
            c = text.charCodeAt(++start)
          );
        }
        if (quoted && text.charCodeAt(start) === QUOTE) {
          const end = this.readQuoted(text, start, final);
          if (end < 0) return rowStart;
          fields.push(this.quotedValue);
          pos = end;
        } else {
          let end = start;
          // Canonical integers ('42', '-7', not '007') are read while scanning: no substring, no re-parse.
          const negative = integers && text.charCodeAt(start) === MINUS && delimiter !== MINUS;
          if (negative) end++;
          let plain = integers;
          let digits = 0;
          let number = 0;
          for (let c = text.charCodeAt(end); end < length; c = text.charCodeAt(++end)) {
            if (c === delimiter || c === LF || c === CR || (spaces && c === TAB)) break;
            if (plain) {
              if (c >= DIGIT_0 && c <= DIGIT_9) {
                number = number * 10 + (c - DIGIT_0);
                digits++;
              } else plain = false;
            }
          }
          pos = end;
          if (plain && isCanonicalInteger(text, start, negative, digits, number)) {
            fields.push(negative ? -number : number);
          } else {
            if (trim) {
              for (
                let c = text.charCodeAt(end - 1);
                end > start && (c === SPACE || (c === TAB && trimTabs));
                c = text.charCodeAt(--end - 1)
              );
            }
            fields.push(start === end ? '' : text.slice(start, end));
          }
        }
        if (pos >= length) {
          if (!final) return rowStart;
          break;
        }
        const code = text.charCodeAt(pos);
        if (code === LF || code === CR) {
          pos += code === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
          break;
        }
        pos = spaces ? this.skipBlanks(text, pos) : pos + 1;
        if (spaces && this.isLineEnd(text, pos, length)) {
          if (pos >= length && !final) return rowStart;
          break;
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
    for (
      let code = text.charCodeAt(p);
      code === SPACE || code === TAB;
      code = text.charCodeAt(++p)
    );
    return p;
  }

  /** The value of the last quoted field read; kept in a field so the hot loop allocates no result objects. */
  private quotedValue = '';

  /**
   * Reads a quoted field starting at the quote; returns the offset after it
   * (and anything up to the next delimiter), or -1 when the text ends inside it.
   */
  private readQuoted(text: string, quoteAt: number, final: boolean): number {
    let value = '';
    let from = quoteAt + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close < 0) {
        if (!final) return -1;
        this.quotedValue = value + text.slice(from);
        return text.length;
      }
      if (close + 1 >= text.length && !final) return -1;
      value += text.slice(from, close);
      if (text.charCodeAt(close + 1) === QUOTE) {
        value += '"';
        from = close + 2;
        continue;
      }
      // Text after the closing quote up to the delimiter is kept, as a lenient reader should.
      let end = close + 1;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === this.delimiter || c === LF || c === CR || (this.spaces && c === TAB)) break;
        end++;
      }
      const trailing = text.slice(close + 1, end);
      this.quotedValue = value + (this.format.trim ? trailing.trimEnd() : trailing);
      return end;
    }
  }
}

/** The cell for `text[from, to)`: a number when integers are wanted and it is a canonical one, else the text. */
function cellOf(text: string, from: number, to: number, integers: boolean): DelimitedCell {
  if (from === to) return '';
  if (integers) {
    const negative = text.charCodeAt(from) === MINUS;
    let digits = 0;
    let number = 0;
    let at = negative ? from + 1 : from;
    for (; at < to; at++) {
      const c = text.charCodeAt(at);
      if (c < DIGIT_0 || c > DIGIT_9) break;
      number = number * 10 + (c - DIGIT_0);
      digits++;
    }
    if (at === to && isCanonicalInteger(text, from, negative, digits, number)) {
      return negative ? -number : number;
    }
  }
  return text.slice(from, to);
}

/** Whether the field starts or ends with a space or tab. */
function hasBlankEdge(text: string, from: number, to: number): boolean {
  if (from === to) return false;
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to - 1);
  return first === SPACE || first === TAB || last === SPACE || last === TAB;
}

function isBlank(code: number, tabs: boolean): boolean {
  return code === SPACE || (tabs && code === TAB);
}

/** Parses a whole text (e.g. an INLINE table) into rows. */
export function parseDelimitedText(text: string, format: DelimitedFormat): DelimitedCell[][] {
  const rows: DelimitedCell[][] = [];
  const parser = new DelimitedParser(format, (fields) => rows.push(fields));
  parser.push(text);
  parser.end();
  return rows;
}
