import { listDataFiles } from './listDataFiles.js';
import { resolveDataPath } from './resolveDataPath.js';

/**
 * Where a script's file paths lead. The default maps every `lib://<name>/`
 * and relative path into one data directory; a host (the tenant) plugs in
 * its own, e.g. one folder per data connection or space.
 */
export interface DataFiles {
  /**
   * The absolute path a script path names, for reading or for a STORE to
   * create; throws a `DataFileError` (SCRIPT_PATH_OUTSIDE_DATA_DIR, ...) for
   * a path the script may not touch. `write` is a STORE's target, which a
   * host may allow in fewer places than reads.
   */
  resolve(scriptPath: string, purpose?: 'read' | 'write'): Promise<string>;
  /**
   * The script paths of the files a mask (`lib://DataFiles/*.csv`) matches,
   * in name order; of the folders with `folders` (DirList).
   */
  list(mask: string, kind?: 'files' | 'folders'): Promise<string[]>;
}

/** Script paths resolved inside one directory: `lib://AnyConnection/x.csv` and `x.csv` are both `<dataDir>/x.csv`. */
export function dataDirFiles(dataDir: string): DataFiles {
  return {
    resolve: (scriptPath) => resolveDataPath(dataDir, scriptPath),
    list: (mask, kind) => listDataFiles(dataDir, mask, kind === 'folders'),
  };
}
