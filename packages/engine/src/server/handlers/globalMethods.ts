import { randomUUID } from 'node:crypto';
import { arch, release, type as osType } from 'node:os';
import type { App } from '../../app/App.js';
import type { StoredObject } from '../../app/AppDocument.js';
import type { AppStore } from '../../app/AppStore.js';
import { bnfGrammar, bnfType } from '../../app/bnfGrammar.js';
import { functionsOfGroup } from '../../app/functionCatalog.js';
import { optionalStringArg, stringArg } from '../dispatch/argReaders.js';
import type { ProgressData } from '@qlikit/qix';
import type { ClassMethods } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { attachDoc, openDocOf } from './sessionDoc.js';
import { mayOpen } from '../access/appAccess.js';

import { ENGINE_VERSION } from '../../expression/functions/systemFunctions.js';

/** Methods of the Global class (handle -1). */
export function globalMethods(apps: AppStore): ClassMethods<'Global'> {
  return {
    EngineVersion: () => ({ qVersion: { qComponentVersion: ENGINE_VERSION } }),
    ProductVersion: () => ({ qReturn: ENGINE_VERSION }),
    QvVersion: () => ({ qReturn: ENGINE_VERSION }),
    OSName: () => ({ qReturn: osType() }),
    OSVersion: () => ({ qReturn: `${release()} ${arch()}` }),
    QTProduct: () => ({ qReturn: 'qlikit engine' }),
    IsDesktopMode: () => ({ qReturn: false }),
    IsPersonalMode: () => ({ qReturn: false }),
    AllowCreateApp: () => ({ qReturn: true }),
    GetUniqueID: () => ({ qUniqueID: randomUUID() }),
    GetAuthenticatedUser: ({ session }) => ({ qReturn: session.identity.userId }),
    GetSupportedCodePages: () => ({
      qCodePages: [{ qNumber: 65001, qName: 'UTF-8', qDescription: 'Unicode (UTF-8)' }],
    }),
    // Empty because this engine has none, not as a placeholder: its connectors (files, SQLite,
    // DuckDB, PostgreSQL) are built in, it has no QSE streams (the tenant has spaces), and
    // ODBC DSNs and OLE DB providers exist only on Windows hosts with those drivers.
    GetCustomConnectors: () => ({ qConnectors: [] }),
    GetStreamList: () => ({ qStreamList: [] }),
    GetOdbcDsns: () => ({ qOdbcDsns: [] }),
    GetOleDbProviders: () => ({ qOleDbProviders: [] }),
    GetDefaultAppFolder: () => ({ qPath: apps.appsDir }),
    // There are no extensions to reload: the hub serves nebula.js charts from npm packages.
    ReloadExtensionList: () => ({}),
    // Reloads here stop at the first script error and always report their error data to
    // GetProgress; qInteractOnError matters only to debug-mode reloads, which this engine does not run.
    ConfigureReload(_context, args) {
      if (args.qCancelOnScriptError === false)
        throw new LocError(
          'LOCERR_GENERIC_NOT_IMPLEMENTED',
          'Global.ConfigureReload: continuing a reload after a script error is not implemented by this engine',
          { parameter: 'qCancelOnScriptError' },
        );
      return {};
    },
    GetBNF: (_context, args) => ({
      qBnfDefs: [...bnfGrammar(bnfType(optionalStringArg(args, 'qBnfType'))).defs],
    }),
    GetBaseBNF: (_context, args) => {
      const grammar = bnfGrammar(bnfType(optionalStringArg(args, 'qBnfType')));
      return { qBnfDefs: [...grammar.defs], qBnfHash: grammar.hash };
    },
    GetBaseBNFHash: (_context, args) => ({
      qBnfHash: bnfGrammar(bnfType(optionalStringArg(args, 'qBnfType'))).hash,
    }),
    GetBaseBNFString: (_context, args) => {
      const grammar = bnfGrammar(bnfType(optionalStringArg(args, 'qBnfType')));
      return { qBnfStr: grammar.text, qBnfHash: grammar.hash };
    },
    GetFunctions: (_context, args) => ({
      qFunctions: functionsOfGroup(optionalStringArg(args, 'qGroup')),
    }),

    async GetDocList({ session }) {
      const documents = (await apps.list()).filter((document) => mayOpen(session, document.id));
      const sizes = await Promise.all(documents.map((document) => apps.fileSize(document.id)));
      return {
        qDocList: documents.map((document, index) => ({
          qDocName: String(document.properties.qTitle ?? document.id),
          qConnectedUsers: apps.connectedUsers(document.id),
          qFileTime: Date.parse(document.modifiedDate) / 86_400_000 + 25_569,
          qFileSize: sizes[index]!,
          qDocId: document.id,
          qMeta: { createdDate: document.createdDate, modifiedDate: document.modifiedDate },
          qLastReloadTime: document.lastReloadTime ?? '',
          qReadOnly: false,
          qTitle: String(document.properties.qTitle ?? document.id),
          qThumbnail: { qUrl: '' },
          qUsage: 'ANALYTICS',
        })),
      };
    },

    async GetAppEntry(_context, args) {
      const app = await apps.get(stringArg(args, 'qAppID'));
      const title = String(app.document.properties.qTitle ?? app.id);
      return {
        qEntry: {
          qID: app.id,
          qTitle: title,
          qPath: app.id,
          qLastReloadTime: app.document.lastReloadTime ?? '',
          qReadOnly: false,
          qMeta: {},
          qThumbnail: {},
          qFileSize: await apps.fileSize(app.id),
        },
      };
    },

    async OpenDoc({ session }, args) {
      const id = stringArg(args, 'qDocName');
      // A session app is known only to its own session (enigma.js reopens it by id on resume).
      const own = openDocOf(session)?.app;
      const app = own?.id === id ? own : await apps.get(id);
      return { qReturn: attachDoc(session, app) };
    },

    GetActiveDoc({ session }) {
      const doc = openDocOf(session);
      if (!doc) return { qReturn: { qType: null, qHandle: null } };
      return { qReturn: session.handles.open('Doc', doc.app.id, 'Doc', doc) };
    },

    async CreateApp(_context, args) {
      const app = await apps.create(stringArg(args, 'qAppName'));
      return { qSuccess: true, qAppId: app.id };
    },

    async CreateDocEx({ session }, args) {
      const app = await apps.create(stringArg(args, 'qDocName'));
      return { qDocId: app.id, qReturn: attachDoc(session, app) };
    },

    CreateSessionApp({ session }) {
      const id = `SessionApp_${randomUUID()}`;
      const app = apps.createSessionApp(id);
      return { qSessionAppId: id, qReturn: attachDoc(session, app) };
    },

    async CreateSessionAppFromApp({ session }, args) {
      const source = await apps.get(stringArg(args, 'qSrcAppId'));
      const id = `SessionApp_${randomUUID()}`;
      const app = apps.createSessionApp(id);
      const snapshot = source.snapshot();
      app.setScript(snapshot.document.script);
      // Section access comes along, so a copy never shows more than its source.
      app.replaceData(snapshot.tables, snapshot.document.scriptVariables, {
        sectionAccess: snapshot.sectionAccess,
        fieldTags: snapshot.document.fieldTags,
        comments: snapshot.document.comments,
        fieldNumberFormats: snapshot.document.fieldNumberFormats,
      });
      for (const object of snapshot.document.objects) copyObject(app, object);
      return { qSessionAppId: id, qReturn: attachDoc(session, app) };
    },

    async DeleteApp({ session }, args) {
      const id = stringArg(args, 'qAppId');
      if (openDocOf(session)?.app.id === id) {
        throw new LocError('LOCERR_APP_ALREADY_OPEN', `App is open in this session: ${id}`, {
          parameter: id,
        });
      }
      await apps.delete(id);
      return { qSuccess: true };
    },

    async CopyApp(_context, args) {
      const source = await apps.get(stringArg(args, 'qSrcAppId'));
      const target = await apps.get(stringArg(args, 'qTargetAppId'));
      const ids =
        (args.qIds as unknown[] | undefined)?.filter(
          (id): id is string => typeof id === 'string',
        ) ?? [];
      const snapshot = source.snapshot();
      const wanted = snapshot.document.objects.filter(
        (object) =>
          ids.length === 0 || ids.includes((object.properties.qInfo as { qId: string }).qId),
      );
      if (ids.length === 0) {
        target.setScript(snapshot.document.script);
        target.replaceData(snapshot.tables, snapshot.document.scriptVariables, {
          sectionAccess: snapshot.sectionAccess,
          fieldTags: snapshot.document.fieldTags,
          comments: snapshot.document.comments,
          fieldNumberFormats: snapshot.document.fieldNumberFormats,
        });
      }
      for (const object of wanted) {
        const id = (object.properties.qInfo as { qId: string }).qId;
        if (target.findObject(id)) target.destroyObject(id);
        copyObject(target, object);
      }
      await target.save();
      return { qSuccess: true };
    },

    GetProgress({ session }, args) {
      const requestId = args.qRequestId;
      const doc = openDocOf(session);
      const progress =
        requestId === 0 || requestId === undefined
          ? doc?.lastReload
          : doc?.reloads.get(String(requestId));
      return { qProgressData: progress ? progress.take(requestId !== 0) : emptyProgress() };
    },

    CancelRequest({ session }, args) {
      session.cancel(String(args.qRequestId));
      return {};
    },
    AbortRequest({ session }, args) {
      session.cancel(String(args.qRequestId));
      return {};
    },
    AbortAll({ session }) {
      session.cancelAll();
      return {};
    },
    CancelReload({ session }, args) {
      openDocOf(session)?.cancelReload(optionalStringArg(args, 'qReason', 'Reload cancelled'));
      return {};
    },
  };
}

/** Copies a stored object into another app with what is not in its properties: a bookmark's selections, a variable's origin. */
function copyObject(target: App, object: StoredObject): void {
  const copy = target.createObject(object.type, object.properties, object.parentId);
  if (object.bookmarkState !== undefined)
    copy.bookmarkState = structuredClone(object.bookmarkState);
  if (object.scriptCreated !== undefined) copy.scriptCreated = object.scriptCreated;
}

function emptyProgress(): ProgressData {
  return {
    qStarted: false,
    qFinished: false,
    qCompleted: 0,
    qTotal: 0,
    qKB: 0,
    qMillisecs: 0,
    qUserInteractionWanted: false,
    qPersistentProgress: '',
    qTransientProgress: '',
    qErrorData: [],
    qPersistentProgressMessages: [],
    qTransientProgressMessage: { qMessageCode: 0, qMessageParameters: [] },
  };
}
