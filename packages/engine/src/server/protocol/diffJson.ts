/** One RFC 6902 operation, as the engine sends them in delta answers. */
export type JsonPatchOperation =
  | { readonly op: 'add'; readonly path: string; readonly value: unknown }
  | { readonly op: 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

/**
 * The JSON Patch that turns `previous` into `next`. Objects are compared key by
 * key and equal-length arrays element by element; an array that changed length
 * is replaced whole, which keeps patches simple to apply and still small for
 * the common case of a layout where a few cells changed.
 */
export function diffJson(previous: unknown, next: unknown): JsonPatchOperation[] {
  const patch: JsonPatchOperation[] = [];
  diffInto(previous, next, '', patch);
  return patch;
}

function diffInto(
  previous: unknown,
  next: unknown,
  path: string,
  patch: JsonPatchOperation[],
): void {
  if (previous === next) return;
  if (isObject(previous) && isObject(next)) {
    diffObjects(previous, next, path, patch);
  } else if (Array.isArray(previous) && Array.isArray(next) && previous.length === next.length) {
    for (let i = 0; i < next.length; i++) diffInto(previous[i], next[i], `${path}/${i}`, patch);
  } else {
    // JSON values that are not both objects or equal-length arrays, and not ===, differ.
    patch.push({ op: 'replace', path: path === '' ? '/' : path, value: next });
  }
}

function diffObjects(
  previous: Record<string, unknown>,
  next: Record<string, unknown>,
  path: string,
  patch: JsonPatchOperation[],
): void {
  for (const key of Object.keys(previous)) {
    if (next[key] === undefined && previous[key] !== undefined) {
      patch.push({ op: 'remove', path: `${path}/${escapePointer(key)}` });
    }
  }
  for (const key of Object.keys(next)) {
    const value = next[key];
    if (value === undefined) continue;
    const childPath = `${path}/${escapePointer(key)}`;
    if (previous[key] === undefined) patch.push({ op: 'add', path: childPath, value });
    else diffInto(previous[key], value, childPath, patch);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes a key for a JSON Pointer (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
