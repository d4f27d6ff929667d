import type { DataFiles } from '../io/DataFiles.js';
import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import type { LoadedTable } from '../model/LoadedTable.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { ScriptConnection } from './ScriptConnection.js';

/** How to run a load script. */
export interface ScriptOptions {
  /** The directory `lib://...` and relative paths resolve into; nothing outside it is read or written. */
  readonly dataDir: string;
  /** How script paths resolve, when not all into `dataDir` (a tenant's data connections). */
  readonly files?: DataFiles;
  /** The id of the app the script runs for; a stored QVD names it as its CreatorDoc. */
  readonly appId?: string;
  /** Number and date interpretation to start from; `SET DateFormat=...` etc. change it. */
  readonly formatSettings?: FormatSettings;
  /** Variables defined before the script starts. */
  readonly variables?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Aborts the reload between statements and between row batches. */
  readonly signal?: AbortSignal;
  /** Receives each reload log line as it is written. */
  readonly onProgress?: (line: string) => void;
  /**
   * Runs a partial reload: the script starts from these tables (left as they
   * are) and only LOADs prefixed `ADD` or `REPLACE` run.
   */
  readonly partialFrom?: readonly LoadedTable[];
  /**
   * A limited load: at most this many records are read from each data source
   * (a file, INLINE, RESIDENT, AUTOGENERATE, SQL SELECT), as DoReloadEx's
   * `qRowLimit` asks. Preceding loads see only those.
   */
  readonly rowLimit?: number;
  /** STORE statements are skipped (DoReloadEx's `qSkipStore`): the log says so and no file is written. */
  readonly skipStore?: boolean;
  /**
   * Opens the data connection `LIB CONNECT TO 'name'` names. Without it,
   * LIB CONNECT and SQL fail with "not supported".
   */
  readonly connect?: (name: string, signal?: AbortSignal) => Promise<ScriptConnection>;
  /**
   * The data of another app for `BINARY source` (an app id or a path as
   * written). Without it, BINARY fails with "not supported".
   */
  readonly binary?: (source: string) => Promise<BinarySource>;
}

/** What BINARY starts a script from: another app's tables and its section access tables. */
export interface BinarySource {
  readonly tables: readonly LoadedTable[];
  readonly sectionAccess?: readonly LoadedTable[];
}

/** What a reload produces. */
export interface ScriptResult {
  /** The tables left at the end, dictionary-encoded, ready for `DataModel.fromTables`. */
  readonly tables: LoadedTable[];
  readonly variables: Map<string, string>;
  /** The reload log: statements, fetched line counts, traces and the final summary. */
  readonly log: string[];
  /** Tables loaded under SECTION ACCESS (who may see which data); empty when there is none. */
  readonly sectionAccess: LoadedTable[];
  /** Field tags from TAG / UNTAG, by field name. */
  readonly fieldTags: Record<string, string[]>;
  /** Comments from COMMENT FIELD and COMMENT TABLE, by name. */
  readonly comments: ScriptComments;
  /** Number formats the sources gave fields (a QVD's NumberFormat), by field name. */
  readonly fieldNumberFormats: Record<string, FieldNumberFormat>;
}

/** The comments COMMENT FIELD and COMMENT TABLE gave, by field and table name. */
export interface ScriptComments {
  readonly fields: Readonly<Record<string, string>>;
  readonly tables: Readonly<Record<string, string>>;
}
