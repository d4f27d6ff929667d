import { boundedPatchText } from '../protocol/diffJson.js';
import { jsonText } from '../protocol/jsonText.js';

/**
 * Encodes results as JSON Patches against the last value sent for the same
 * handle, method and result key on this socket, as the engine does for
 * requests that carry `delta: true`. A patch never takes more bytes than
 * the whole value (see `boundedPatchText`). When no key of a result is worth
 * patching, the result goes out whole as a plain answer (no `delta` member):
 * clients keep their delta bases for plain answers (enigma.js and
 * @qlikit/qix patch only what came as a delta), so the bases here stay as
 * they were, and the client is spared the work a delta answer costs it. The
 * values kept as bases are the answers themselves, not copies: handlers
 * answer with fresh values or shared ones that never change (see `shareJson`).
 */
export class DeltaEncoder {
  private readonly sent = new Map<string, unknown>();

  /**
   * The JSON of the patches for `result` (an object of patch arrays),
   * remembering its values as the new bases; undefined when the result is
   * better sent whole, as a plain answer.
   */
  encode(handle: number, method: string, result: Record<string, unknown>): string | undefined {
    const members: [cacheKey: string, key: string, value: unknown, patch: string | undefined][] =
      [];
    let patched = false;
    for (const [key, value] of Object.entries(result)) {
      if (value === undefined) continue;
      const cacheKey = `${handle}\u0000${method}\u0000${key}`;
      const previous = this.sent.get(cacheKey);
      const patch =
        previous === undefined
          ? `[{"op":"add","path":"/","value":${jsonText(value)}}]`
          : boundedPatchText(previous, value);
      if (patch !== undefined) patched = true;
      members.push([cacheKey, key, value, patch]);
    }
    if (!patched && members.length > 0) return undefined;
    let text = '{';
    for (const [cacheKey, key, value, patch] of members) {
      this.sent.set(cacheKey, value);
      const patchText = patch ?? `[{"op":"replace","path":"/","value":${jsonText(value)}}]`;
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${patchText}`;
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
