import { QlikError } from '../errors/QlikError.js';
import type { Operation } from '../core/Operation.js';
import { serializeQuery, type QueryValue } from './serializeQuery.js';

/** Fills an operation's path template from the arguments and appends its query parameters. */
export function buildUrl(
  base: URL,
  operation: Operation,
  args: Readonly<Record<string, unknown>>,
): URL {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = args[name];
    if (value === undefined || value === null || value === '') {
      throw new QlikError(
        'INVALID_ARGUMENT',
        `${operation.id}: missing path parameter \`${name}\``,
      );
    }
    return encodeURIComponent(String(value));
  });
  const url = sameOriginUrl(base, path);
  for (const name of operation.queryParams ?? []) {
    serializeQuery(url.searchParams, name, args[name] as QueryValue, operation.queryStyles?.[name]);
  }
  return url;
}

/**
 * Resolves a path or a URL (a `links.next.href`, a `Location`) against the base,
 * keeping the base's origin: credentials are only ever sent to the configured host,
 * whatever host name a server writes into its links. Relative links resolve
 * against `relativeTo` (the URL of the response that held them).
 */
export function sameOriginUrl(base: URL, pathOrUrl: string, relativeTo: URL = base): URL {
  const resolved = new URL(pathOrUrl, relativeTo);
  return new URL(resolved.pathname + resolved.search, base);
}
