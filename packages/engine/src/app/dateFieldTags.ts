import type { FieldTag } from '../model/FieldTag.js';
import type { LoadedTable } from '../model/LoadedTable.js';
import { inferQvdNumberFormat } from '../io/qvd/inferQvdNumberFormat.js';
import type { FormatSettings } from '../value/FormatSettings.js';

/**
 * `$date`/`$timestamp` tags per field, as Qlik sets them at the end of a
 * reload: a field whose values are duals whose texts read back through the
 * script's DateFormat (or TimestampFormat) holds dates (or timestamps).
 * Charts depend on them: nebula's line chart draws a continuous time axis
 * only for a dimension tagged so.
 */
export function dateFieldTags(
  tables: readonly LoadedTable[],
  settings: FormatSettings,
): Record<string, FieldTag[]> {
  const tags: Record<string, FieldTag[]> = {};
  for (const table of tables) {
    for (const column of table.columns) {
      if (column.name in tags) continue;
      const { dateTags } = inferQvdNumberFormat(column.values, settings);
      tags[column.name] = dateTags as FieldTag[];
    }
  }
  return tags;
}
