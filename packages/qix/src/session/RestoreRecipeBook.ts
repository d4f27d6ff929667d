import type { ApiObject } from '../api/ApiObject.js';
import { applyPropertyPatch, type PropertyPatch } from './applyPropertyPatch.js';
import type { SentRequest } from './QixRequest.js';
import type { RestoreRecipe } from './RestoreRecipe.js';

/**
 * Remembers what a session needs to restore its objects on a new socket:
 * the OpenDoc params, each session object's last properties, and the call
 * that made each object that cannot be fetched by id (e.g. GetField).
 */
export class RestoreRecipeBook {
  /** The OpenDoc params last sent. */
  openDocParams: unknown = undefined;
  readonly #recipes = new Map<ApiObject, RestoreRecipe>();

  /** The recipe of an API object, if fetching it by id is not enough. */
  get(api: ApiObject): RestoreRecipe | undefined {
    return this.#recipes.get(api);
  }

  /** Records how a new API object came to be; `parent` is the API the request was sent on. */
  recordOrigin(api: ApiObject, request: SentRequest, parent: ApiObject | undefined): void {
    const { method, params } = request;
    if (method === 'OpenDoc') {
      this.openDocParams = params;
    } else if (method === 'CreateSessionObject') {
      const props = copyJson(Array.isArray(params) ? params[0] : params.qProp);
      // Re-created with the same id, so that code holding the id still finds it.
      props.qInfo = { ...(props.qInfo as object | undefined), qId: api.id };
      this.#recipes.set(api, { kind: 'sessionObject', props });
    } else if (api.type !== 'Doc' && !api.type.startsWith('Generic') && parent) {
      this.#recipes.set(api, { kind: 'replay', parent, method, params });
    }
  }

  /** Keeps a session object's properties current after SetProperties or ApplyPatches succeeded. */
  recordPropertyChange(api: ApiObject | undefined, request: SentRequest): void {
    const recipe = api && this.#recipes.get(api);
    if (recipe?.kind !== 'sessionObject') return;
    const params = request.params;
    if (request.method === 'SetProperties') {
      recipe.props = copyJson(Array.isArray(params) ? params[0] : params.qProp);
      return;
    }
    const patches = (Array.isArray(params) ? params[0] : params.qPatches) as
      PropertyPatch[] | undefined;
    for (const patch of patches ?? []) applyPropertyPatch(recipe.props, patch);
  }

  /** Forgets an API object that is gone. */
  forget(api: ApiObject): void {
    this.#recipes.delete(api);
  }

  /** Forgets everything (the session closed). */
  clear(): void {
    this.#recipes.clear();
    this.openDocParams = undefined;
  }
}

/** A deep copy of JSON properties, so that later changes by the caller do not leak in. */
function copyJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;
}
