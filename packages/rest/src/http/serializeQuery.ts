/** A value the query serialiser accepts. */
export type QueryValue = string | number | boolean | bigint | Date | null | undefined | object;

/** How an array is joined when the spec says `explode: false`. */
export type QueryJoin = 'comma' | 'space' | 'pipe';

const SEPARATORS: Record<QueryJoin, string> = { comma: ',', space: ' ', pipe: '|' };

/**
 * Appends one query parameter the OpenAPI default way (`style: form, explode: true`):
 * arrays become repeated parameters (`?a=1&a=2`), or one joined value when `join`
 * is given (`explode: false`); `null`/`undefined` are left out, dates are ISO
 * strings and other objects are sent as JSON.
 */
export function serializeQuery(
  params: URLSearchParams,
  name: string,
  value: QueryValue,
  join?: QueryJoin,
): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    const entries = (value as QueryValue[]).filter(
      (entry) => entry !== undefined && entry !== null,
    );
    if (join) {
      if (entries.length > 0)
        params.append(
          name,
          entries.map((entry) => queryString(entry as object)).join(SEPARATORS[join]),
        );
      return;
    }
    for (const entry of entries) serializeQuery(params, name, entry);
    return;
  }
  params.append(name, queryString(value));
}

function queryString(value: Exclude<QueryValue, null | undefined>): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
