import { decodeCursor, encodeCursor } from '../storage/Cursor.js';

/** One page of an in-memory list, with the cursors of the pages around it. */
export interface ArrayPage<T> {
  readonly items: T[];
  readonly next?: string;
  readonly prev?: string;
}

/**
 * Pages a list already in memory (short lists: spaces, assignments), by
 * offset cursors that `next`/`prev` carry back.
 */
export function pageArray<T>(
  all: readonly T[],
  limit: number,
  next?: string,
  prev?: string,
): ArrayPage<T> {
  const cursor = next ?? prev;
  const start = cursor === undefined ? 0 : Number(decodeCursor(cursor).value);
  const from = Math.max(0, Math.min(all.length, Number.isInteger(start) ? start : 0));
  const page: { items: T[]; next?: string; prev?: string } = {
    items: all.slice(from, from + limit),
  };
  if (from + limit < all.length) page.next = encodeCursor({ value: from + limit, id: '' });
  if (from > 0) page.prev = encodeCursor({ value: Math.max(0, from - limit), id: '' });
  return page;
}
