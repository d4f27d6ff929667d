import { boundedDiffJson, type JsonPatchOperation } from '../protocol/diffJson.js';

/**
 * Encodes results as JSON Patches against the last value sent for the same
 * handle, method and result key on this socket, as the engine does for
 * requests that carry `delta: true`. A patch never takes more bytes than
 * replacing the whole value (see `boundedDiffJson`).
 */
export class DeltaEncoder {
  private readonly sent = new Map<string, unknown>();

  /** The patches for `result`, remembering it as the new base. */
  encode(
    handle: number,
    method: string,
    result: Record<string, unknown>,
  ): Record<string, JsonPatchOperation[]> {
    const encoded: Record<string, JsonPatchOperation[]> = {};
    for (const [key, value] of Object.entries(result)) {
      const cacheKey = `${handle}\u0000${method}\u0000${key}`;
      const previous = this.sent.get(cacheKey);
      encoded[key] =
        previous === undefined
          ? [{ op: 'add', path: '/', value }]
          : boundedDiffJson(previous, value);
      this.sent.set(cacheKey, value);
    }
    return encoded;
  }

  /** Forgets the bases of closed handles. */
  forget(handles: readonly number[]): void {
    if (handles.length === 0) return;
    const prefixes = handles.map((handle) => `${handle}\u0000`);
    for (const key of this.sent.keys()) {
      if (prefixes.some((prefix) => key.startsWith(prefix))) this.sent.delete(key);
    }
  }
}
