import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import { applyJsonPatch } from './applyJsonPatch.js';
import { copyJson } from './copyJson.js';
import type { Container } from './isContainer.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';

/**
 * The last full value the engine sent per handle + method + result key, which
 * its delta patches apply to. One per session, emptied when the session
 * resumes on a new socket and per handle when the handle closes.
 */
export class DeltaCache {
  // By handle, then method, then result key: no key text is built and hashed per answer.
  readonly #byHandle = new Map<number, Map<string, Map<string, unknown>>>();
  readonly #copies: boolean;
  /** The patcher's scratch space, reused by every patch of this session. */
  readonly #chain: Container[] = [];

  /**
   * With `copies`, each patched result is handed out as a deep copy, as
   * enigma.js does, so a caller may change it; without, it shares unchanged
   * parts with the values kept here and must be treated as read-only.
   */
  constructor(copies: boolean) {
    this.#copies = copies;
  }

  /** Patches every key of a delta result in place of its patch array. */
  patchResult(handle: number, method: string, result: Record<string, unknown>): void {
    const values = inner(inner(this.#byHandle, handle), method);
    for (const key in result) {
      const patches = result[key];
      if (!Array.isArray(patches)) {
        values.delete(key);
        throw new QixError(
          errorCodes.EXPECTED_ARRAY_OF_PATCHES,
          'Unexpected RPC response, expected array of patches',
        );
      }
      try {
        const next = applyJsonPatch(values.get(key), patches as JsonPatchOperation[], this.#chain);
        values.set(key, next);
        result[key] = this.#copies ? copyJson(next) : next;
      } catch (error) {
        // The engine's baseline is unknown now; the next full answer starts over.
        values.delete(key);
        throw error;
      }
    }
  }

  /** Forgets the values of a handle that closed. */
  dropHandle(handle: number): void {
    this.#byHandle.delete(handle);
  }

  /** Forgets everything (the engine starts over on a new socket). */
  clear(): void {
    this.#byHandle.clear();
  }
}

/** The map kept under `key`, made on first use. */
function inner<K, V>(maps: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map()));
  return map;
}
