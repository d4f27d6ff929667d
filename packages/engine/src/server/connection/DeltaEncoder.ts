import { boundedPatchText } from '../protocol/diffJson.js';
import { jsonText } from '../protocol/jsonText.js';

const scratchKeys: string[] = [];
const scratchPatches: (string | undefined)[] = [];

// Results have few distinct keys (qLayout, qDataPages, ...): their JSON is written once each.
const keyTexts = new Map<string, string>();
const KEY_TEXTS_KEPT = 256;

/** A result key's JSON text. */
function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (keyTexts.size < KEY_TEXTS_KEPT) keyTexts.set(key, text);
  }
  return text;
}

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
  /** The last value sent, by handle, then method, then result key. */
  private readonly sent = new Map<number, Map<string, Map<string, unknown>>>();

  /**
   * The JSON of the patches for `result` (an object of patch arrays),
   * remembering its values as the new bases; undefined when the result is
   * better sent whole, as a plain answer.
   */
  encode(handle: number, method: string, result: Record<string, unknown>): string | undefined {
    let byMethod = this.sent.get(handle);
    if (!byMethod) this.sent.set(handle, (byMethod = new Map()));
    let bases = byMethod.get(method);
    if (!bases) byMethod.set(method, (bases = new Map()));
    // Scratch arrays shared by every encoder (encode runs to its end before another starts):
    // an answer's keys and patches need no new arrays.
    const keys = scratchKeys;
    const patches = scratchPatches;
    keys.length = 0;
    patches.length = 0;
    let patched = false;
    for (const key in result) {
      const value = result[key];
      if (value === undefined) continue;
      const previous = bases.get(key);
      const patch =
        previous === undefined
          ? `[{"op":"add","path":"/","value":${jsonText(value)}}]`
          : boundedPatchText(previous, value);
      if (patch !== undefined) patched = true;
      keys.push(key);
      patches.push(patch);
    }
    if (!patched && keys.length > 0) {
      keys.length = 0;
      patches.length = 0;
      return undefined;
    }
    let text = '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = result[key];
      bases.set(key, value);
      const patchText = patches[i] ?? `[{"op":"replace","path":"/","value":${jsonText(value)}}]`;
      text += `${i > 0 ? ',' : ''}${keyText(key)}:${patchText}`;
    }
    keys.length = 0;
    patches.length = 0;
    return `${text}}`;
  }

  /** Forgets the bases of closed handles. */
  forget(handles: readonly number[]): void {
    for (const handle of handles) this.sent.delete(handle);
  }
}
