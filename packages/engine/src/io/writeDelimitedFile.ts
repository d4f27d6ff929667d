import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DataFileError } from './DataFileError.js';

/** Rows are buffered to about this many characters before each write. */
const WRITE_BUFFER_CHARS = 1 << 16;

/**
 * Writes a header and rows as delimited text (UTF-8, CRLF-free `\n` line
 * ends), quoting a field with doubled quotes when it holds the delimiter, a
 * quote, a line break or surrounding blanks.
 */
export async function writeDelimitedFile(
  absolutePath: string,
  scriptPath: string,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
  delimiter = ',',
): Promise<void> {
  await mkdir(path.dirname(absolutePath), { recursive: true });
  const stream = createWriteStream(absolutePath, { encoding: 'utf8' });
  const failure = new Promise<never>((_, reject) => {
    stream.once('error', (cause) =>
      reject(
        new DataFileError('SCRIPT_FILE_WRITE', `Cannot write file '${scriptPath}'`, scriptPath, {
          cause,
        }),
      ),
    );
  });
  failure.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failure]);
  };
  let buffer = formatLine(header, delimiter);
  for (const row of rows) {
    buffer += formatLine(row, delimiter);
    if (buffer.length >= WRITE_BUFFER_CHARS) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  stream.end();
  await Promise.race([once(stream, 'finish'), failure]);
}

function formatLine(fields: readonly string[], delimiter: string): string {
  return fields.map((field) => quoteIfNeeded(field, delimiter)).join(delimiter) + '\n';
}

function quoteIfNeeded(field: string, delimiter: string): string {
  const needsQuotes =
    field.includes(delimiter) ||
    field.includes('"') ||
    field.includes('\n') ||
    field.includes('\r') ||
    (field.length > 0 && field.trim().length !== field.length);
  return needsQuotes ? `"${field.replace(/"/g, '""')}"` : field;
}
