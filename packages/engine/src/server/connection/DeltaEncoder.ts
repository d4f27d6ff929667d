import { boundedDiffText } from '../protocol/diffJson.js';
import { jsonText } from '../protocol/jsonText.js';

/**
 * Encodes results as JSON Patches against the last value sent for the same
 * handle, method and result key on this socket, as the engine does for
 * requests that carry `delta: true`. A patch never takes more bytes than
 * replacing the whole value (see `boundedDiffJson`). The values kept as bases
 * are the answers themselves, not copies: handlers answer with fresh values
 * or shared ones that never change (see `shareJson`).
 */
export class DeltaEncoder {
  private readonly sent = new Map<string, unknown>();

  /** The JSON of the patches for `result` (an object of patch arrays), remembering it as the new base. */
  encode(handle: number, method: string, result: Record<string, unknown>): string {
    let text = '{';
    for (const [key, value] of Object.entries(result)) {
      if (value === undefined) continue;
      const cacheKey = `${handle}\u0000${method}\u0000${key}`;
      const previous = this.sent.get(cacheKey);
      const patch =
        previous === undefined
          ? `[{"op":"add","path":"/","value":${jsonText(value)}}]`
          : boundedDiffText(previous, value);
      this.sent.set(cacheKey, value);
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${patch}`;
    }
    return `${text}}`;
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
