import { cellText } from './formatTable.js';

// RFC 4180: quote a field holding a comma, a quote or a line break, doubling its quotes.
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF line end, as RFC 4180 writes them. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map((cell) => csvField(cellText(cell))).join(',')}\r\n`;
}
