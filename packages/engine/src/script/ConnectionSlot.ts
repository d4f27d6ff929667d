import type { FormatSettings } from '../value/FormatSettings.js';
import { notSupported } from './LoadRunner.js';
import type { RowBatch, RowStream } from './RowStream.js';
import type { ScriptConnection } from './ScriptConnection.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptOptions } from './ScriptOptions.js';

/** The data connection a script has open (LIB CONNECT TO ... DISCONNECT): at most one at a time. */
export class ConnectionSlot {
  private connection: ScriptConnection | undefined;

  constructor(private readonly options: ScriptOptions) {}

  /** LIB CONNECT TO: closes the open connection and opens the one named. */
  async connect(via: 'lib' | 'odbc' | 'oledb' | 'custom', target: string): Promise<void> {
    if (via !== 'lib')
      throw notSupported(`${via.toUpperCase()} CONNECT (use LIB CONNECT TO a data connection)`);
    if (!this.options.connect)
      throw notSupported(`LIB CONNECT TO '${target}' (no data connections here)`);
    await this.disconnect();
    this.connection = await this.options.connect(target, this.options.signal);
  }

  /** Closes the open connection, if any. */
  async disconnect(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
  }

  /** The open connection, or a fault saying `what` needs one. */
  require(what: string): ScriptConnection {
    if (!this.options.connect) throw notSupported(`${what} (no data connections here)`);
    if (!this.connection)
      throw new ScriptFault(
        'SCRIPT_RUNTIME',
        `${what} needs a data connection: LIB CONNECT TO 'name' first`,
      );
    return this.connection;
  }

  /** Rows of a SELECT on the open connection; nulls become `nullDisplay` when it is set. */
  async sqlRows(
    text: string,
    format: FormatSettings,
    nullDisplay: string | undefined,
  ): Promise<RowStream> {
    const rows = await this.require('SQL SELECT').select(text, this.options.signal, format);
    if (nullDisplay === undefined) return rows;
    return {
      kind: 'values',
      fieldNames: rows.fieldNames,
      batches: replaceNulls(rows.batches, nullDisplay),
    };
  }
}

async function* replaceNulls(
  batches: AsyncIterable<RowBatch> | Iterable<RowBatch>,
  text: string,
): AsyncGenerator<RowBatch> {
  for await (const batch of batches)
    yield batch.map((row) => row.map((value) => (value === null ? text : value)));
}
