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
  const { stream } = await openDataFile(absolutePath, scriptPath);
  try {
    yield* parseDelimitedChunks(stream as AsyncIterable<Uint8Array>, format, encoding, true);
  } finally {
    stream.destroy();
  }
}

/**
 * Parses delimited rows out of a sequence of byte chunks, one batch per chunk.
 * `atFileStart` says whether a leading byte order mark is the file's (and so
 * dropped) rather than data in the middle of it.
 */
export async function* parseDelimitedChunks(
  chunks: AsyncIterable<Uint8Array>,
  format: DelimitedFormat,
  encoding: TextEncoding,
  atFileStart: boolean,
): AsyncGenerator<DelimitedCell[][]> {
  // `ignoreBOM: false` makes the decoder strip a leading byte order mark.
  const decoder = new TextDecoder(decoderLabel(encoding), { ignoreBOM: !atFileStart });
  let batch: DelimitedCell[][] = [];
  const parser = new DelimitedParser(format, (fields) => batch.push(fields));
  for await (const chunk of chunks) {
    parser.push(decoder.decode(chunk, { stream: true }));
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  parser.push(decoder.decode());
  parser.end();
  if (batch.length > 0) yield batch;
}
