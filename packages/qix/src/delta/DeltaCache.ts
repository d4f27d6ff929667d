import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import { applyJsonPatch } from './applyJsonPatch.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';

/**
 * The last full value the engine sent per handle + method + result key, which
 * its delta patches apply to. One per session, emptied when the session
 * resumes on a new socket and per handle when the handle closes.
 */
export class DeltaCache {
  readonly #byHandle = new Map<number, Map<string, unknown>>();

  /** Patches every key of a delta result in place of its patch array. */
  patchResult(handle: number, method: string, result: Record<string, unknown>): void {
    let values = this.#byHandle.get(handle);
    if (!values) {
      values = new Map();
      this.#byHandle.set(handle, values);
    }
    for (const key of Object.keys(result)) {
      const patches = result[key];
      const cacheKey = `${method}\u0000${key}`;
      if (!Array.isArray(patches)) {
        values.delete(cacheKey);
        throw new QixError(
          errorCodes.EXPECTED_ARRAY_OF_PATCHES,
          'Unexpected RPC response, expected array of patches',
        );
      }
      try {
        const next = applyJsonPatch(values.get(cacheKey), patches as JsonPatchOperation[]);
        values.set(cacheKey, next);
        result[key] = next;
      } catch (error) {
        // The engine's baseline is unknown now; the next full answer starts over.
        values.delete(cacheKey);
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
