import type { ApiFactory } from '../api/ApiFactory.js';
import type { ApiHost } from '../api/ApiHost.js';
import type { ApiObject } from '../api/ApiObject.js';
import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import type { SentRequest } from './QixRequest.js';
import type { RestoreRecipe } from './RestoreRecipe.js';
import { RestoreRecipeBook } from './RestoreRecipeBook.js';
import { isContainer } from '../delta/isContainer.js';

/** A reference to an engine object as results carry it. */
export interface ObjectRef {
  readonly qHandle: number;
  readonly qType: string;
  readonly qGenericId?: string;
  readonly qGenericType?: string;
}

/**
 * The API objects of a session, one per handle, and what it takes to get
 * each back on a new socket.
 */
export class ObjectRegistry {
  readonly #apis = new Map<number, ApiObject>();
  readonly #recipes = new RestoreRecipeBook();

  readonly #factory: ApiFactory;
  readonly #host: ApiHost;

  constructor(factory: ApiFactory, host: ApiHost) {
    this.#factory = factory;
    this.#host = host;
  }

  /** The API object of a handle, if there is one. */
  get(handle: number): ApiObject | undefined {
    return this.#apis.get(handle);
  }

  /** The API objects alive now. */
  list(): ApiObject[] {
    return [...this.#apis.values()];
  }

  /** The API of a reference: the existing one of its handle, else a new one made by `request`. */
  apiOf(ref: ObjectRef, request?: SentRequest): ApiObject {
    const existing = this.#apis.get(ref.qHandle);
    if (existing) return existing;
    const api = this.#factory.create(
      this.#host,
      ref.qHandle,
      ref.qType,
      ref.qGenericId ?? '',
      ref.qGenericType ?? ref.qType,
    );
    this.#apis.set(ref.qHandle, api);
    if (request) this.#recipes.recordOrigin(api, request, this.#apis.get(request.handle));
    return api;
  }

  /** What a call resolves with: `{qHandle, qType}` becomes the API object of that handle. */
  resolve(request: SentRequest, value: unknown): unknown {
    if (request.method === 'SetProperties' || request.method === 'ApplyPatches') {
      this.#recipes.recordPropertyChange(this.#apis.get(request.handle), request);
    }
    if (!isContainer(value)) return value;
    const ref = value as { qHandle?: unknown; qType?: unknown };
    if (typeof ref.qHandle === 'number' && typeof ref.qType === 'string') {
      return this.apiOf(value as unknown as ObjectRef, request);
    }
    if (ref.qHandle === null && ref.qType === null) {
      throw new QixError(errorCodes.OBJECT_NOT_FOUND, 'Object not found');
    }
    return value;
  }

  /** The engine says the object of a handle changed. */
  changed(handle: number): void {
    this.#apis.get(handle)?.emit('changed');
  }

  /** The object of a handle is gone: its API emits `closed` and leaves. */
  closed(handle: number): void {
    const api = this.#apis.get(handle);
    if (!api) return;
    this.#apis.delete(handle);
    this.#recipes.forget(api);
    retire([api]);
  }

  /** Forgets every API object (the session closed) and returns them, to be retired. */
  takeAll(): ApiObject[] {
    const apis = this.list();
    this.#apis.clear();
    this.#recipes.clear();
    return apis;
  }

  /** After a restore: the restored APIs under their new handles; the lost ones retired. */
  replace(restored: readonly ApiObject[], lost: readonly ApiObject[]): void {
    this.#apis.clear();
    for (const api of restored) this.#apis.set(api.handle, api);
    for (const api of lost) this.#recipes.forget(api);
    retire(lost);
  }

  /** How to restore an API object beyond fetching it by id. */
  recipeOf(api: ApiObject): RestoreRecipe | undefined {
    return this.#recipes.get(api);
  }

  /** The OpenDoc params last sent, to open the doc again when resuming. */
  get openDocParams(): unknown {
    return this.#recipes.openDocParams;
  }
}

/** API objects that are gone emit `closed` and lose their listeners. */
export function retire(apis: readonly ApiObject[]): void {
  for (const api of apis) {
    api.emit('closed');
    api.removeAllListeners();
  }
}
