import { ApiError } from '../../server/ApiError.js';

/**
 * The subset of the SCIM filter (RFC 7644) the tenant reads: `field eq "value"`
 * terms joined by `and`, over the fields given. Anything else is a 400 that
 * says so, rather than a filter silently ignored.
 */
export function parseEqFilter(
  filter: string | undefined,
  fields: readonly string[],
): Record<string, string> {
  if (!filter) return {};
  const out: Record<string, string> = {};
  for (const term of filter.split(/\s+and\s+/i)) {
    const match = /^\(?\s*([\w.]+)\s+eq\s+"([^"]*)"\s*\)?$/i.exec(term.trim());
    if (!match || !fields.includes(match[1]!))
      throw ApiError.badRequest(
        `Unsupported filter "${term}": the qlikit tenant reads \`<field> eq "<value>"\` joined by and, over ${fields.join(', ')}`,
      );
    out[match[1]!] = match[2]!;
  }
  return out;
}
