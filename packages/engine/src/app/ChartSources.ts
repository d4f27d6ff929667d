import type { SelectionSnapshot } from '../selection/SelectionSnapshot.js';
import type { SelectionState } from '../selection/SelectionState.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import type { AppFunctionHost } from './appFunctions.js';
import type { LibraryLookup } from './resolveLibraryItems.js';
import type { ResultCache } from './ResultCache.js';

/** The document and user facts the app's functions report. */
export type DocumentInfo = Pick<
  AppFunctionHost,
  'documentName' | 'documentTitle' | 'reloadTime' | 'userId' | 'userDirectory'
>;

/** Where chart computations read the session's state and the app's definitions from. */
export interface ChartSources {
  /** A selection state by name (`$` the default one). */
  readonly state: (name: string) => SelectionState;
  /** A bookmark's stored selections, for set expressions that name it. */
  readonly bookmark: (id: string) => SelectionSnapshot | undefined;
  /** The script's variables (format settings come from them). */
  readonly scriptVariables: Readonly<Record<string, string>>;
  /** A variable's definition, for dollar-sign expansion. */
  readonly variable: (name: string) => string | undefined;
  /** A master dimension or measure by id, for `qLibraryId`. */
  readonly library: LibraryLookup;
  /** The selections charts compute over when not the current ones: for the object in modal selection, those it began with. */
  readonly basis?: (stateName: string) => SelectionResult | undefined;
  /** The document and user the app's own functions (DocumentName, OSUser, ...) report. */
  readonly documentInfo?: () => DocumentInfo;
  /** Results shared with the other sessions (none: this session computes its own). */
  readonly results?: ResultCache;
}
