import type { ApiObject } from '../api/ApiObject.js';
import type { JsonRpcMessage } from '../rpc/JsonRpcMessage.js';
import type { RestoreRecipe } from './RestoreRecipe.js';

/** What restoring needs to know of a session's API objects (the object registry). */
export interface RestorableObjects {
  list(): ApiObject[];
  recipeOf(api: ApiObject): RestoreRecipe | undefined;
  readonly openDocParams: unknown;
}

/** Sends a request as is on the new socket; resolves the raw answer. */
export type RawCall = (method: string, handle: number, params: unknown) => Promise<JsonRpcMessage>;

/** Which API objects came back (with their new handles set) and which are gone. */
export interface RestoreOutcome {
  readonly restored: ApiObject[];
  readonly lost: ApiObject[];
}

const GET_BY_ID: Readonly<Record<string, string>> = {
  GenericObject: 'GetObject',
  GenericDimension: 'GetDimension',
  GenericMeasure: 'GetMeasure',
  GenericBookmark: 'GetBookmark',
  GenericVariable: 'GetVariableById',
};

/**
 * Re-gets the doc (GetActiveDoc, else OpenDoc with the original params),
 * then every object on the new doc handle: by id, session objects by id or
 * else re-created from their last properties, and objects made by calls
 * such as GetField by replaying that call on their restored parent.
 */
export async function restoreApis(
  objects: RestorableObjects,
  rawCall: RawCall,
): Promise<RestoreOutcome> {
  const restored: ApiObject[] = [];
  const lost: ApiObject[] = [];
  /** The handle of the object a call answers, or undefined when it answers none. */
  const fetchHandle = async (method: string, handle: number, params: unknown) => {
    const message = await rawCall(method, handle, params);
    const ref = message.result?.qReturn as { qHandle?: unknown } | undefined;
    return message.error === undefined && typeof ref?.qHandle === 'number'
      ? ref.qHandle
      : undefined;
  };
  const settle = (api: ApiObject, handle: number | undefined) => {
    if (handle === undefined) lost.push(api);
    else {
      api.handle = handle;
      restored.push(api);
    }
  };
  const apis = objects.list();
  const global = apis.find((api) => api.type === 'Global');
  if (global) restored.push(global);
  const doc = apis.find((api) => api.type === 'Doc');
  let docHandle: number | undefined;
  if (doc) {
    const { openDocParams } = objects;
    docHandle =
      (await fetchHandle('GetActiveDoc', -1, [])) ??
      (openDocParams === undefined ? undefined : await fetchHandle('OpenDoc', -1, openDocParams));
    settle(doc, docHandle);
  }
  const fetchAgain = async (api: ApiObject): Promise<number | undefined> => {
    const recipe = objects.recipeOf(api);
    if (recipe?.kind === 'replay') {
      if (lost.includes(recipe.parent) || !apis.includes(recipe.parent)) return undefined;
      return fetchHandle(recipe.method, recipe.parent.handle, recipe.params);
    }
    if (docHandle === undefined) return undefined;
    const getter = GET_BY_ID[api.type];
    const byId = getter ? await fetchHandle(getter, docHandle, [api.id]) : undefined;
    if (byId !== undefined || recipe?.kind !== 'sessionObject') return byId;
    return fetchHandle('CreateSessionObject', docHandle, [recipe.props]);
  };
  const rest = apis.filter((api) => api.type !== 'Global' && api.type !== 'Doc');
  const replays = rest.filter((api) => objects.recipeOf(api)?.kind === 'replay');
  const restoreAll = (list: ApiObject[]) =>
    Promise.all(list.map(async (api) => settle(api, await fetchAgain(api))));
  await restoreAll(rest.filter((api) => !replays.includes(api)));
  // Replays run after the rest, because their parent may be one of the objects above.
  await restoreAll(replays);
  return { restored, lost };
}
