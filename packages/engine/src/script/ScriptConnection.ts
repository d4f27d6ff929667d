import type { FormatSettings } from '../value/FormatSettings.js';
import type { ValueRowStream } from './RowStream.js';

/**
 * A database session opened by `LIB CONNECT TO 'name'`: the script sends its
 * `SQL SELECT ...` text here and loads the rows (preceding loads on top).
 * The engine's data-connection layer implements it; `ScriptOptions.connect`
 * opens one.
 */
export interface ScriptConnection {
  /**
   * Runs a query and streams its rows, typed as Qlik values; dates and
   * timestamps take their texts from `format` (the script's DateFormat, ...).
   */
  select(sql: string, signal?: AbortSignal, format?: FormatSettings): Promise<ValueRowStream>;
  /** Runs a statement that returns no rows (`SQL EXEC ...`); absent when the source has none. */
  execute?(sql: string, signal?: AbortSignal): Promise<void>;
  /** Ends the session (DISCONNECT, the next CONNECT, or the end of the script). */
  close(): Promise<void>;
}
