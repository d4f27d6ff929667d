import { QUOTE, SPACE, TAB } from '../io/charCodes.js';

/** How a delimited layout reads a cell's bytes as text. */
export interface CellTextRules {
  /** Whether a cell may be quoted. */
  readonly quoted: boolean;
  /** Whether blanks around a cell are dropped. */
  readonly trim: boolean;
  /** Whether a tab counts as a blank (not when it is the delimiter). */
  readonly trimTabs: boolean;
}

/** Whether a byte is a blank that trimming drops. */
export function isBlankByte(byte: number, rules: CellTextRules): boolean {
  return byte === SPACE || (byte === TAB && rules.trimTabs);
}

/** The text of the cell `buf[start, end)` as the text parser reads it: unquoted, or trimmed when not quoted. */
export function byteCellText(
  buf: Uint8Array,
  start: number,
  end: number,
  rules: CellTextRules,
  decoder: TextDecoder,
): string {
  let from = start;
  let to = end;
  if (rules.trim) while (from < to && isBlankByte(buf[from], rules)) from++;
  if (rules.quoted && buf[from] === QUOTE && from < to)
    return unquoted(decoder.decode(buf.subarray(from, to)), rules.trim);
  if (rules.trim) while (to > from && isBlankByte(buf[to - 1], rules)) to--;
  return from === to ? '' : decoder.decode(buf.subarray(from, to));
}

/**
 * The value of a quoted cell's text (which starts at its opening quote and
 * ends before the delimiter): doubled quotes are one, and text after the
 * closing quote is kept (right-trimmed when trimming), as the text parser does.
 */
function unquoted(text: string, trim: boolean): string {
  let value = '';
  let from = 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) return value + text.slice(from);
    value += text.slice(from, close);
    if (text.charCodeAt(close + 1) === QUOTE) {
      value += '"';
      from = close + 2;
      continue;
    }
    const trailing = text.slice(close + 1);
    return value + (trim ? trailing.trimEnd() : trailing);
  }
}
