/** A value the query serialiser accepts. */
export type QueryValue = string | number | boolean | bigint | Date | null | undefined | object;

/**
 * Appends query parameters the OpenAPI default way (`style: form, explode: true`):
 * arrays become repeated parameters (`?a=1&a=2`), `null`/`undefined` are left out,
 * dates are ISO strings and other objects are sent as JSON.
 */
export function serializeQuery(params: URLSearchParams, name: string, value: QueryValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const entry of value as QueryValue[]) serializeQuery(params, name, entry);
    return;
  }
  params.append(name, queryString(value));
}

function queryString(value: Exclude<QueryValue, null | undefined>): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
