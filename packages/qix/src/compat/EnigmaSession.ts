import type { ApiObject } from '../api/ApiObject.js';
import type { Global } from '../generated/classes.js';
import { Session } from '../session/Session.js';

/** One entry of enigma.js's API cache. */
export interface ApiCacheEntry {
  readonly handle: string;
  readonly api: ApiObject;
}

/**
 * A session from `@qlikit/qix/enigma`: a {@link Session} plus the enigma.js
 * internals that programs read: `apis` (its API cache: `getApi(handle)`,
 * `getApis()`, `getApisByType(type)`) and `suspendResume.isSuspended`
 * (`rpc` and `getObjectApi` are on every session).
 */
export class EnigmaSession extends Session<Global> {
  /** enigma.js's API cache, for reading. */
  readonly apis = {
    getApi: (handle: number): ApiObject | undefined =>
      this.listApis().find((api) => api.handle === handle),
    getApis: (): ApiCacheEntry[] =>
      this.listApis().map((api) => ({ handle: String(api.handle), api })),
    getApisByType: (type: string): ApiCacheEntry[] =>
      this.apis.getApis().filter((entry) => entry.api.type === type),
  };

  /** enigma.js's suspend/resume state, read when asked. */
  get suspendResume(): { readonly isSuspended: boolean } {
    return { isSuspended: this.isSuspended };
  }
}
