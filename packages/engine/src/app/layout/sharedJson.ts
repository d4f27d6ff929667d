// Values that many answers carry unchanged: a cached chart's layout goes into
// the layout of every session viewing it in the same state. They are never
// changed once made, so their JSON and the patches between two of them can be
// computed once and reused by every session's answer.
const shared = new WeakSet<object>();

/** Marks `value` as never changed from now on (a computed layout part); returns it. */
export function shareJson<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

/** Whether `value` was marked with `shareJson`. */
export function isSharedJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && shared.has(value);
}
