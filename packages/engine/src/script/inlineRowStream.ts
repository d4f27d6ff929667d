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
  const rows = parseDelimitedText(data, format);
  return textRowStream([rows], {
    labels: spec.labels === 'none' ? 'none' : 'embedded',
    headerLines: spec.headerLines ?? 0,
    numbers,
  });
}
