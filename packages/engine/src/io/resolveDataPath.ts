import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { DataFileError } from './DataFileError.js';

/** `lib://<connection>/rest` — every connection maps to the data dir. */
const LIB_PREFIX = /^lib:\/\/[^/\\]*[/\\]?/i;

/**
 * Turns a script path (`lib://DataFiles/x.csv`, `lib://Any/x.csv`, `x.csv`)
 * into an absolute path inside `dataDir`. Rejects absolute paths, `..` and
 * symlinks that lead out of the data dir. The target need not exist yet
 * (STORE), but its parent directory's real path is checked.
 */
export async function resolveDataPath(dataDir: string, scriptPath: string): Promise<string> {
  const relative = scriptPath.replace(LIB_PREFIX, '');
  if (
    relative === '' ||
    path.isAbsolute(relative) ||
    /^[a-z]:/i.test(relative) ||
    hasParentSegment(relative)
  ) {
    throw outside(scriptPath);
  }
  const root = await realDataDir(dataDir, scriptPath);
  const candidate = path.resolve(root, relative);
  assertInside(root, candidate, scriptPath);
  const real = await realpathOfExistingPrefix(candidate);
  assertInside(root, real, scriptPath);
  return candidate;
}

function hasParentSegment(relative: string): boolean {
  return relative.split(/[/\\]/).some((segment) => segment === '..');
}

async function realDataDir(dataDir: string, scriptPath: string): Promise<string> {
  try {
    return await realpath(dataDir);
  } catch (cause) {
    throw new DataFileError(
      'SCRIPT_FILE_NOT_FOUND',
      `Data directory ${dataDir} does not exist`,
      scriptPath,
      { cause },
    );
  }
}

/** Real path of the longest existing prefix, so a symlinked parent is followed even for a file STORE will create. */
async function realpathOfExistingPrefix(target: string): Promise<string> {
  let current = target;
  const missing: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return target;
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
}

function assertInside(root: string, candidate: string, scriptPath: string): void {
  const rel = path.relative(root, candidate);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw outside(scriptPath);
}

function outside(scriptPath: string): DataFileError {
  return new DataFileError(
    'SCRIPT_PATH_OUTSIDE_DATA_DIR',
    `Path '${scriptPath}' points outside the data directory`,
    scriptPath,
  );
}
