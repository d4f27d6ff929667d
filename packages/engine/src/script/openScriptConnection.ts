import type { DataConnections } from '../io/sql/DataConnections.js';
import { DEFAULT_FORMAT_SETTINGS } from '../value/FormatSettings.js';
import type { ScriptConnection } from './ScriptConnection.js';

/**
 * `ScriptOptions.connect` over the engine's data connections: opens the
 * named one and lets the script's SELECTs stream through it.
 */
export async function openScriptConnection(
  connections: DataConnections,
  name: string,
): Promise<ScriptConnection> {
  const session = await connections.open(name);
  return {
    async select(sql, signal, format = DEFAULT_FORMAT_SETTINGS) {
      const rows = await session.query(sql, { format, signal });
      return { kind: 'values', fieldNames: rows.fieldNames, batches: rows.batches };
    },
    async execute(sql, signal) {
      const rows = await session.query(sql, { format: DEFAULT_FORMAT_SETTINGS, signal });
      for await (const batch of rows.batches) void batch;
    },
    close: () => session.close(),
  };
}
