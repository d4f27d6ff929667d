import type { Operation, Paged } from '../core/Operation.js';
import { buildUrl, sameOriginUrl } from '../http/buildUrl.js';
import { findNextPage, pageItems } from './findNextPage.js';
import { PagedResult } from './PagedResult.js';

/**
 * Walks a list operation's pages: the first from `args`, each next one from the
 * previous answer's link or cursor, every page fetched with `call`.
 */
export function walkPages<TPage, TItem>(
  baseUrl: URL,
  operation: Operation,
  args: Readonly<Record<string, unknown>>,
  call: (url: URL) => Promise<unknown>,
): Paged<TPage, TItem> {
  // Where each page came from: its relative links resolve against it, and a self-link ends the walk.
  const pageUrls = new WeakMap<object, URL>();
  const fetchPage = async (url: URL): Promise<TPage> => {
    const page = await call(url);
    if (typeof page === 'object' && page !== null) pageUrls.set(page, url);
    return page as TPage;
  };
  return new PagedResult<TPage, TItem>({
    first: () => fetchPage(buildUrl(baseUrl, operation, args)),
    next: (page) => {
      const current = typeof page === 'object' && page !== null ? pageUrls.get(page) : undefined;
      const url = nextPageUrl(baseUrl, operation, page, args, current);
      return url && fetchPage(url);
    },
    items: (page) => pageItems(page),
  });
}

function nextPageUrl(
  baseUrl: URL,
  operation: Operation,
  page: unknown,
  args: Readonly<Record<string, unknown>>,
  current: URL | undefined,
): URL | undefined {
  const next = findNextPage(operation, page);
  if (!next) return undefined;
  let url: URL;
  if (next.kind === 'url') {
    url = sameOriginUrl(baseUrl, next.href, current);
  } else {
    url = buildUrl(baseUrl, operation, args);
    url.searchParams.set(operation.cursorParam ?? 'next', next.cursor);
  }
  // A server that links a page to itself would otherwise be walked forever.
  return current && url.href === current.href ? undefined : url;
}
