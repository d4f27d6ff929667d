import { ApiError } from '../server/ApiError.js';

/** Characters Qlik refuses in data file names (the spec's pattern), plus the backslash. */
const FORBIDDEN = /[<>":|?*\\]/;

/**
 * Checks a data file name: `/` separates logical folders, but no segment may
 * be empty, `.` or `..`, and the name may not start with `/` — so no name can
 * lead out of its space's folder. Refused names are a 400.
 */
export function checkDataFileName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 1024)
    throw ApiError.badRequest(
      'A data file name is a non-empty string of at most 1024 characters',
      'DATAFILES-400',
    );
  if (FORBIDDEN.test(name) || name.includes('\u0000'))
    throw ApiError.badRequest(
      `The data file name ${JSON.stringify(name)} holds a character Qlik refuses`,
      'DATAFILES-400',
    );
  const segments = name.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
    throw ApiError.badRequest(
      `The data file name ${JSON.stringify(name)} leaves its folder (empty, "." or ".." path segment)`,
      'DATAFILES-400',
    );
  return name;
}

/** Checks the file name of a temporary content: one name, no folders, nothing that could name a path (400). */
export function checkTempContentName(name: string): string {
  const controls = [...name].some((ch) => ch < ' ');
  if (
    /[/\\]/.test(name) ||
    controls ||
    name.length === 0 ||
    name.length > 1024 ||
    name === '.' ||
    name === '..'
  )
    throw ApiError.badRequest(
      `The file name ${JSON.stringify(name)} is not a plain file name (no folders, "." or "..", or control characters)`,
      'TEMPCONTENTS-400',
    );
  return name;
}

/** A `*`/`?` wildcard as an anchored, case-insensitive pattern. */
export function wildcard(mask: string): RegExp {
  const body = [...mask]
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}
