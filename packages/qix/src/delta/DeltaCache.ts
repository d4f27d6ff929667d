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
  // By handle, then method, then result key: no key text is built and hashed per answer.
  readonly #byHandle = new Map<number, Map<string, Map<string, unknown>>>();

  /** Patches every key of a delta result in place of its patch array. */
  patchResult(handle: number, method: string, result: Record<string, unknown>): void {
    let methods = this.#byHandle.get(handle);
    if (!methods) {
      methods = new Map();
      this.#byHandle.set(handle, methods);
    }
    let values = methods.get(method);
    if (!values) {
      values = new Map();
      methods.set(method, values);
    }
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
        const next = applyJsonPatch(values.get(key), patches as JsonPatchOperation[]);
        values.set(key, next);
        result[key] = next;
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
