import { DelimitedParser, type DelimitedCell } from './DelimitedParser.js';
import type { DelimitedFormat } from './DelimitedFormat.js';
import { openDataFile } from './openDataFile.js';
import { decoderLabel, type TextEncoding } from './TextEncoding.js';

/**
 * Streams the rows of a delimited text file in batches (one per chunk read),
 * decoding the bytes incrementally so the file is never one string. A byte
 * order mark is dropped.
 */
export async function* readDelimitedFile(
  absolutePath: string,
  scriptPath: string,
  format: DelimitedFormat,
  encoding: TextEncoding = 'utf8',
): AsyncGenerator<DelimitedCell[][]> {
  const stream = await openDataFile(absolutePath, scriptPath);
  // `ignoreBOM: false` makes the decoder strip a leading byte order mark.
  const decoder = new TextDecoder(decoderLabel(encoding), { ignoreBOM: false });
  let batch: DelimitedCell[][] = [];
  const parser = new DelimitedParser(format, (fields) => batch.push(fields));
  try {
    for await (const chunk of stream) {
      parser.push(decoder.decode(chunk as Buffer, { stream: true }));
      if (batch.length > 0) {
        yield batch;
        batch = [];
      }
    }
    parser.push(decoder.decode());
    parser.end();
    if (batch.length > 0) yield batch;
  } finally {
    stream.destroy();
  }
}
