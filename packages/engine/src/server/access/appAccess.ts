import type { StoredObject } from '../../app/AppDocument.js';
import { LocError } from '../../errors/LocError.js';
import type { CallContext } from '../dispatch/MethodTable.js';
import { openDocOf } from '../handlers/sessionDoc.js';
import type { EngineSession } from '../session/EngineSession.js';

/**
 * What a user does to an app, as a host (the tenant) grants it per app:
 * `open` it (and see it in GetDocList), `use` the app it has open (reads,
 * selections, session objects: asked at every call, so cheap to answer),
 * `update` its stored content (properties, persistent objects, save),
 * `reload` it (and change its script), `create` or `delete` apps.
 */
export type AppAction = 'open' | 'use' | 'update' | 'reload' | 'create' | 'delete';

const DOC_UPDATES = [
  'DoSave',
  'SaveAs',
  'SaveObjects',
  'SetAppProperties',
  'SetAppObjectSortingRank',
  'SetFavoriteVariables',
  'SetProhibitBinaryLoad',
  'CreateObject',
  'DestroyObject',
  'CloneObject',
  'CreateDraft',
  'CommitDraft',
  'DestroyDraft',
  'CreateDimension',
  'DestroyDimension',
  'CloneDimension',
  'CreateMeasure',
  'DestroyMeasure',
  'CloneMeasure',
  'CreateVariable',
  'CreateVariableEx',
  'RemoveVariable',
  'DestroyVariableById',
  'DestroyVariableByName',
  'MigrateVariables',
  'MigrateDerivedFields',
  'AddAlternateState',
  'RemoveAlternateState',
  'CreateBookmark',
  'CreateBookmarkEx',
  'DestroyBookmark',
  'CloneBookmark',
  'ReplaceBookmark',
  'AddFieldFromExpression',
  'Publish',
  'UnPublish',
  'Scramble',
  'CreateConnection',
  'ModifyConnection',
  'DeleteConnection',
  'UploadTable',
  'TransformApp',
];
/** Changes to a stored (not session) object of these classes are changes to the app. */
const OBJECT_UPDATES = [
  'ApplyPatches',
  'SetProperties',
  'Publish',
  'UnPublish',
  'Approve',
  'UnApprove',
];

/** The action each method needs, by class; methods not listed (reads, selections, session objects) need `open` only. */
const METHOD_ACTIONS: Readonly<Record<string, ReadonlyMap<string, AppAction>>> = {
  Doc: new Map<string, AppAction>([
    ...DOC_UPDATES.map((method) => [method, 'update'] as const),
    // The script is the app's data: who may reload it may change it (Qlik's "edit data in apps").
    ['SetScript', 'reload'],
    ['CommitScript', 'reload'],
    ['DoReload', 'reload'],
    ['DoReloadEx', 'reload'],
  ]),
  GenericObject: updates([
    ...OBJECT_UPDATES,
    'SetFullPropertyTree',
    'CreateChild',
    'DestroyChild',
    'DestroyAllChildren',
    'SetChildArrayOrder',
    'CopyFrom',
    'EmbedSnapshotObject',
  ]),
  GenericDimension: updates(OBJECT_UPDATES),
  GenericMeasure: updates(OBJECT_UPDATES),
  GenericBookmark: updates(OBJECT_UPDATES),
  GenericVariable: updates(['ApplyPatches', 'SetProperties']),
};

/** Global methods that name apps: the action each needs, on the app in which parameter. */
const GLOBAL_ACTIONS: Readonly<Record<string, ReadonlyArray<readonly [AppAction, string]>>> = {
  OpenDoc: [['open', 'qDocName']],
  GetAppEntry: [['open', 'qAppID']],
  CreateSessionAppFromApp: [['open', 'qSrcAppId']],
  CopyApp: [
    ['open', 'qSrcAppId'],
    ['update', 'qTargetAppId'],
  ],
  DeleteApp: [['delete', 'qAppId']],
  CreateApp: [['create', 'qAppName']],
  CreateDocEx: [['create', 'qDocName']],
};

function updates(methods: readonly string[]): ReadonlyMap<string, AppAction> {
  return new Map(methods.map((method) => [method, 'update']));
}

/** Throws LOCERR_GENERIC_ACCESS_DENIED unless the session's user may do `action` to the app (or, for `create`, at all). */
export function requireAppAccess(session: EngineSession, action: AppAction, appId: string): void {
  const may = session.identity.may;
  if (!may || may(action, appId)) return;
  throw new LocError(
    'LOCERR_GENERIC_ACCESS_DENIED',
    `Access denied: ${session.identity.userId} may not ${action} ${action === 'create' ? 'apps' : `app ${appId}`}`,
    { parameter: appId },
  );
}

/** Whether the session's user may open the app (GetDocList lists only those). */
export function mayOpen(session: EngineSession, appId: string): boolean {
  return session.identity.may?.('open', appId) ?? true;
}

/**
 * Checks a method call against what its user may do: Global methods that
 * name an app need the action on it (open, delete, create); on an open app's
 * handles reloads and script changes need `reload`, changes to its
 * properties and stored objects `update`, and everything else (reads,
 * selections, session objects, soft patches) `use`.
 */
export function checkMethodAccess(
  context: CallContext,
  method: string,
  args: Readonly<Record<string, unknown>>,
): void {
  if (!context.session.identity.may) return;
  if (context.entry.type === 'Global') {
    for (const [needed, parameter] of GLOBAL_ACTIONS[method] ?? [])
      requireAppAccess(context.session, needed, String(args[parameter] ?? ''));
    return;
  }
  const doc = openDocOf(context.session);
  if (!doc || doc.app.isSessionApp) return;
  // Every call on an app's handles asks at least `use`: a revoked credential ends reads too.
  let action = METHOD_ACTIONS[context.entry.type]?.get(method) ?? 'use';
  if (
    action === 'update' &&
    context.entry.type !== 'Doc' &&
    (doc.isSessionObject(context.entry.target as StoredObject) ||
      (method === 'ApplyPatches' && args.qSoftPatch === true))
  )
    action = 'use';
  requireAppAccess(context.session, action, doc.app.id);
}
