/** One column of a table: its header, how a row shows in it, and its alignment. */
export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => unknown;
  /** Numbers read best right-aligned. */
  readonly align?: 'left' | 'right';
}

/** Shows a cell: null and undefined as empty, numbers and booleans as written, objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// Counts code points, not UTF-16 units, so accented and most non-Latin text lines up.
const width = (text: string): number => [...text].length;

/** Lays rows out as aligned columns separated by two spaces; `header` styles the header line. */
export function formatTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  header: (text: string) => string = (text) => text,
): string {
  const cells = rows.map((row) =>
    columns.map((column) => cellText(column.value(row)).replace(/\s*[\r\n]+\s*/g, ' ')),
  );
  const widths = columns.map((column, index) =>
    Math.max(width(column.header), ...cells.map((line) => width(line[index]!))),
  );
  const pad = (text: string, index: number) => {
    const fill = ' '.repeat(widths[index]! - width(text));
    return columns[index]!.align === 'right' ? fill + text : text + fill;
  };
  const line = (texts: readonly string[]) => texts.map(pad).join('  ').trimEnd();
  const head = header(line(columns.map((column) => column.header)));
  return [head, ...cells.map(line)].join('\n') + '\n';
}
