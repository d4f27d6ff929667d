import { writeFileAtomically } from './writeFileAtomically.js';

/** Rows are buffered to about this many characters before each write. */
const WRITE_BUFFER_CHARS = 1 << 16;

/** UTF-8's byte order mark, which Qlik writes at the start of every text file it stores. */
const BOM = '\ufeff';

/**
 * Writes a header and rows as delimited text: UTF-8 with a byte order mark
 * as Qlik's STORE writes it (the readers here strip it), `\n` line ends, a
 * field quoted with doubled quotes when it holds the delimiter, a quote, a
 * line break or surrounding blanks. The file appears whole or not at all: it
 * is written beside the target and renamed into place, so a failed STORE
 * leaves the previous file as it was.
 */
export async function writeDelimitedFile(
  absolutePath: string,
  scriptPath: string,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
  delimiter = ',',
): Promise<void> {
  await writeFileAtomically(absolutePath, scriptPath, async (file) => {
    let buffer = BOM + formatLine(header, delimiter);
    for (const row of rows) {
      buffer += formatLine(row, delimiter);
      if (buffer.length >= WRITE_BUFFER_CHARS) {
        await file.write(buffer);
        buffer = '';
      }
    }
    await file.write(buffer);
  });
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
