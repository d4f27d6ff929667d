/** Where the next page is: a URL to GET, or a cursor to send with the original call. */
export type NextPage =
  | { readonly kind: 'url'; readonly href: string }
  | { readonly kind: 'cursor'; readonly cursor: string };
