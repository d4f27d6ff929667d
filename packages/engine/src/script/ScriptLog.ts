import type { ScriptTable } from './ScriptTable.js';

const MAX_LOGGED_STATEMENT = 200;

/** The reload log: each line kept and handed to the progress callback as it is written. */
export class ScriptLog {
  readonly lines: string[] = [];

  constructor(private readonly onProgress: ((line: string) => void) | undefined) {}

  /** Writes a log line and hands it to the progress callback. */
  write(line: string): void {
    this.lines.push(line);
    this.onProgress?.(line);
  }

  /** Logs a statement about to run, on one line and cut short when long. */
  statement(text: string): void {
    const line = text.replace(/\s+/g, ' ').trim();
    this.write(
      line.length > MAX_LOGGED_STATEMENT ? `${line.slice(0, MAX_LOGGED_STATEMENT)}...` : line,
    );
  }

  /** The closing lines: each table with its rows and fields, then the totals. */
  summary(tables: ReadonlyMap<string, ScriptTable>): void {
    const fields = new Set<string>();
    for (const table of tables.values()) for (const name of table.fieldNames) fields.add(name);
    this.write('--- Script finished ---');
    for (const table of tables.values()) {
      this.write(
        `${table.name}: ${table.rowCount} rows, ${table.columns.length} fields (${table.fieldNames.join(', ')})`,
      );
    }
    this.write(`${tables.size} tables, ${fields.size} fields`);
  }
}
