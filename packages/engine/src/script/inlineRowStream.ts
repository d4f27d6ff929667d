import { parseDelimitedText } from '../io/DelimitedParser.js';
import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import type { FileFormatSpec } from './FileFormatSpec.js';
import type { RowStream } from './RowStream.js';
import { textRowStream } from './textRowStream.js';

/** Rows of INLINE data; the first line holds the field names unless the spec says `no labels`. */
export async function inlineRowStream(
  data: string,
  spec: FileFormatSpec,
  numbers: NumberInterpretation,
): Promise<RowStream> {
  const format: DelimitedFormat = {
    delimiter: spec.delimiter ?? ',',
    quoting: spec.quoting ?? 'standard',
    trim: true,
    integers: true,
  };
  const text = format.quoting === 'standard' ? singleToDoubleQuotes(data, format.delimiter) : data;
  const rows = parseDelimitedText(text, format);
  return textRowStream([rows], {
    labels: spec.labels === 'none' ? 'none' : 'embedded',
    headerLines: spec.headerLines ?? 0,
    numbers,
  });
}

/**
 * INLINE data may quote a field with single quotes (`'a1b2c3', '123'`), as
 * Qlik's standard quoting allows when the quote is the field's first and last
 * character: such fields are rewritten with double quotes, so the values load
 * without them.
 */
export function singleToDoubleQuotes(data: string, delimiter: string): string {
  if (!data.includes("'")) return data;
  let out = '';
  let pos = 0;
  let fieldStart = true;
  while (pos < data.length) {
    const ch = data[pos];
    if (fieldStart && (ch === ' ' || ch === '\t') && ch !== delimiter) {
      out += ch;
      pos++;
      continue;
    }
    if (fieldStart && ch === "'") {
      const close = closingQuote(data, pos);
      if (close > 0 && endsField(data, close + 1, delimiter)) {
        const inner = data
          .slice(pos + 1, close)
          .replaceAll("''", "'")
          .replaceAll('"', '""');
        out += `"${inner}"`;
        pos = close + 1;
        fieldStart = false;
        continue;
      }
    }
    if (fieldStart && ch === '"') {
      // A double-quoted field is copied as is, up to its closing quote.
      let close = data.indexOf('"', pos + 1);
      while (close >= 0 && data[close + 1] === '"') close = data.indexOf('"', close + 2);
      const end = close < 0 ? data.length : close + 1;
      out += data.slice(pos, end);
      pos = end;
      fieldStart = false;
      continue;
    }
    out += ch;
    pos++;
    fieldStart = ch === delimiter || ch === '\n' || ch === '\r';
  }
  return out;
}

/** The `'` closing a single-quoted field (`''` inside is a quote), or -1. */
function closingQuote(data: string, open: number): number {
  let pos = open + 1;
  for (;;) {
    const close = data.indexOf("'", pos);
    if (close < 0) return -1;
    if (data[close + 1] !== "'") return close;
    pos = close + 2;
  }
}

/** Whether only blanks stand between `pos` and the next delimiter or line end. */
function endsField(data: string, pos: number, delimiter: string): boolean {
  for (let p = pos; p < data.length; p++) {
    const ch = data[p];
    if (ch === delimiter || ch === '\n' || ch === '\r') return true;
    if (ch !== ' ' && ch !== '\t') return false;
  }
  return true;
}
