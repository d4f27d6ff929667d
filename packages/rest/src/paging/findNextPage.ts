import type { Operation } from '../core/Operation.js';
import type { NextPage } from './NextPage.js';

/** Reads where the page after this one is, or undefined on the last page. */
export function findNextPage(operation: Operation, page: unknown): NextPage | undefined {
  const href = nextHref(page);
  if (operation.paging !== 'cursor') return href ? { kind: 'url', href } : undefined;
  const cursor =
    (href && cursorInHref(href, operation.cursorParam ?? 'next')) ?? nextCursorField(page);
  return cursor ? { kind: 'cursor', cursor } : undefined;
}

/** The items of one page: its `data` array (or the page itself when it is an array). */
export function pageItems<TItem>(page: unknown): readonly TItem[] {
  if (Array.isArray(page)) return page as TItem[];
  const data = isRecord(page) ? page.data : undefined;
  return Array.isArray(data) ? (data as TItem[]) : [];
}

function nextHref(page: unknown): string | undefined {
  if (!isRecord(page) || !isRecord(page.links)) return undefined;
  const next = page.links.next;
  if (typeof next === 'string') return next || undefined;
  return isRecord(next) && typeof next.href === 'string' && next.href !== ''
    ? next.href
    : undefined;
}

// Cursor services put the cursor in the next link's query; some send only the cursor itself.
function cursorInHref(href: string, param: string): string | undefined {
  if (!href.includes('?') && !href.includes('/')) return href;
  const query = new URL(href, 'http://link.invalid').searchParams;
  return (
    query.get(param) ?? query.get('next') ?? query.get('cursor') ?? query.get('page') ?? undefined
  );
}

function nextCursorField(page: unknown): string | undefined {
  if (!isRecord(page)) return undefined;
  const meta = isRecord(page.meta) ? page.meta : {};
  for (const value of [page.nextCursor, page.next, meta.next, meta.nextCursor]) {
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
