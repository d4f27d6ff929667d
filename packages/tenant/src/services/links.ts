import type { Call } from '../routes/RouteTable.js';

/** `{ href }` of an absolute URL on this tenant. */
export function link(call: Call, path: string): { href: string } {
  return { href: `${call.origin}${path}` };
}

/** The request's own URL with some query parameters replaced (undefined removes one). */
export function selfWith(
  call: Call,
  changes: Readonly<Record<string, string | undefined>>,
): { href: string } {
  const url = new URL(call.request.url, call.origin);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return { href: url.toString() };
}

/** `links` of a cursor-paged list: self, and next/prev when there are such pages. */
export function cursorLinks(
  call: Call,
  page: { readonly next?: string; readonly prev?: string },
  names: { readonly next: string; readonly prev: string } = { next: 'next', prev: 'prev' },
): { self: { href: string }; next?: { href: string }; prev?: { href: string } } {
  const links: { self: { href: string }; next?: { href: string }; prev?: { href: string } } = {
    self: link(call, call.request.url),
  };
  if (page.next) links.next = selfWith(call, { [names.next]: page.next, [names.prev]: undefined });
  if (page.prev) links.prev = selfWith(call, { [names.prev]: page.prev, [names.next]: undefined });
  return links;
}
