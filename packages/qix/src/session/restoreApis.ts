import type { ApiObject } from '../api/ApiObject.js';
import type { JsonRpcMessage } from '../rpc/JsonRpcMessage.js';
import type { RestoreRecipe } from './RestoreRecipe.js';

/** What restoring needs of a session whose new socket is open. */
export interface RestorableSession {
  rawCall(method: string, handle: number, params: unknown): Promise<JsonRpcMessage>;
  listApis(): ApiObject[];
  recipeOf(api: ApiObject): RestoreRecipe | undefined;
  readonly openDocParams: unknown;
}

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
export async function restoreApis(session: RestorableSession): Promise<RestoreOutcome> {
  const restored: ApiObject[] = [];
  const lost: ApiObject[] = [];
  const apis = session.listApis();
  const global = apis.find((api) => api.type === 'Global');
  if (global) restored.push(global);
  const doc = apis.find((api) => api.type === 'Doc');
  const docHandle = doc ? await restoreDoc(session, doc) : undefined;
  if (doc) (docHandle === undefined ? lost : restored).push(doc);
  const rest = apis.filter((api) => api.type !== 'Global' && api.type !== 'Doc');
  const replays = rest.filter((api) => session.recipeOf(api)?.kind === 'replay');
  const byId = rest.filter((api) => !replays.includes(api));
  await Promise.all(byId.map((api) => restoreOne(session, api, docHandle, restored, lost)));
  // Replays run after the rest, because their parent may be one of the objects above.
  await Promise.all(replays.map((api) => restoreOne(session, api, docHandle, restored, lost)));
  return { restored, lost };
}

async function restoreDoc(session: RestorableSession, doc: ApiObject): Promise<number | undefined> {
  const active = await session.rawCall('GetActiveDoc', -1, []);
  const activeHandle = handleOf(active);
  if (activeHandle !== undefined) return setHandle(doc, activeHandle);
  if (session.openDocParams === undefined) return undefined;
  const opened = await session.rawCall('OpenDoc', -1, session.openDocParams);
  const openedHandle = handleOf(opened);
  return openedHandle === undefined ? undefined : setHandle(doc, openedHandle);
}

async function restoreOne(
  session: RestorableSession,
  api: ApiObject,
  docHandle: number | undefined,
  restored: ApiObject[],
  lost: ApiObject[],
): Promise<void> {
  const handle = await fetchAgain(session, api, docHandle, lost);
  if (handle === undefined) lost.push(api);
  else {
    setHandle(api, handle);
    restored.push(api);
  }
}

async function fetchAgain(
  session: RestorableSession,
  api: ApiObject,
  docHandle: number | undefined,
  lost: readonly ApiObject[],
): Promise<number | undefined> {
  const recipe = session.recipeOf(api);
  if (recipe?.kind === 'replay') {
    if (lost.includes(recipe.parent) || !session.listApis().includes(recipe.parent))
      return undefined;
    return handleOf(await session.rawCall(recipe.method, recipe.parent.handle, recipe.params));
  }
  if (docHandle === undefined) return undefined;
  const getter = GET_BY_ID[api.type];
  const byId = getter ? handleOf(await session.rawCall(getter, docHandle, [api.id])) : undefined;
  if (byId !== undefined || recipe?.kind !== 'sessionObject') return byId;
  return handleOf(await session.rawCall('CreateSessionObject', docHandle, [recipe.props]));
}

function handleOf(message: JsonRpcMessage): number | undefined {
  if (message.error !== undefined) return undefined;
  const ref = message.result?.qReturn as { qHandle?: unknown } | undefined;
  return typeof ref?.qHandle === 'number' ? ref.qHandle : undefined;
}

function setHandle(api: ApiObject, handle: number): number {
  api.handle = handle;
  return handle;
}
