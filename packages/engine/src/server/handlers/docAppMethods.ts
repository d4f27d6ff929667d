import type { ReloadOptions } from '../../app/reloadApp.js';
import { arrayArg, booleanArg, numberArg, objectArg, stringArg } from '../dispatch/argReaders.js';
import { notImplemented, type ClassMethods } from '../dispatch/MethodTable.js';
import { docOf } from './docObjectMethods.js';

const EMPTY_SCRIPT = [
  "SET ThousandSep=',';",
  "SET DecimalSep='.';",
  "SET MoneyThousandSep=',';",
  "SET MoneyDecimalSep='.';",
  "SET MoneyFormat='$#,##0.00;-$#,##0.00';",
  "SET TimeFormat='h:mm:ss TT';",
  "SET DateFormat='YYYY-MM-DD';",
  "SET TimestampFormat='YYYY-MM-DD h:mm:ss[.fff] TT';",
  'SET FirstWeekDay=0;',
  "SET MonthNames='Jan;Feb;Mar;Apr;May;Jun;Jul;Aug;Sep;Oct;Nov;Dec';",
  "SET DayNames='Mon;Tue;Wed;Thu;Fri;Sat;Sun';",
  '',
].join('\n');

/** Doc methods on the app itself: script, reload, save, properties, locale. */
export const docAppMethods: ClassMethods<'Doc'> = {
  GetScript: (context) => ({ qScript: docOf(context).app.document.script }),
  GetScriptEx: (context) => ({
    qScript: { qScript: docOf(context).app.document.script, qMeta: {} },
  }),
  SetScript(context, args) {
    docOf(context).app.setScript(stringArg(args, 'qScript'));
    return {};
  },
  GetEmptyScript: () => ({ qReturn: EMPTY_SCRIPT }),
  CheckScriptSyntax: async (context) => ({ qErrors: await docOf(context).checkScriptSyntax() }),

  async DoReload(context, args) {
    const doc = docOf(context);
    const ok = await doc.reload(String(context.requestId), context.signal, {
      partial: booleanArg(args, 'qPartial'),
    });
    return { qReturn: ok };
  },
  async DoReloadEx(context, args) {
    const doc = docOf(context);
    const ok = await doc.reload(
      String(context.requestId),
      context.signal,
      reloadExOptions(args.qParams),
    );
    const error = ok ? null : doc.lastReload?.error;
    // DoReloadExResult has no log text: clients read the log through GetProgress, as with DoReload.
    return {
      qResult: {
        qSuccess: ok,
        qScriptLogFile: '',
        qEndedWithMemoryConstraint: false,
        ...(error
          ? {
              qFailureData: {
                qErrors: [
                  { qError: error, qLineNumber: 0, qCode: 0, qTitle: 'LOCERR_GENERIC_UNKNOWN' },
                ],
              },
            }
          : {}),
      },
    };
  },

  async DoSave(context) {
    const doc = docOf(context);
    if (doc.app.isSessionApp) return {};
    await doc.app.save();
    return {};
  },

  GetAppProperties: (context) => ({
    qProp: structuredClone(docOf(context).app.document.properties),
  }),
  SetAppProperties(context, args) {
    docOf(context).app.setProperties(objectArg(args, 'qProp'));
    return {};
  },
  GetAppLayout(context) {
    const app = docOf(context).app;
    const properties = app.document.properties;
    return {
      qLayout: {
        ...structuredClone(properties),
        qTitle: String(properties.qTitle ?? app.id),
        qFileName: app.id,
        qLastReloadTime: app.document.lastReloadTime ?? '',
        qModified: false,
        qHasScript: app.document.script !== '',
        qStateNames: docOf(context).stateNames(),
        qMeta: {
          createdDate: app.document.createdDate,
          modifiedDate: app.document.modifiedDate,
          privileges: ['read', 'update', 'delete', 'reload'],
        },
        qLocaleInfo: docOf(context).localeInfo(),
        qHasData: app.tables.length > 0,
        qReadOnly: false,
        qIsOpenedWithoutData: false,
        qIsSessionApp: app.isSessionApp,
        qThumbnail: (properties.qThumbnail as { qUrl?: string } | undefined) ?? { qUrl: '' },
        qIsBDILiveMode: false,
        qProhibitBinaryLoad: false,
        qIsDirectQueryMode: false,
        qUnsupportedFeatures: [],
        qUsage: 'ANALYTICS',
      },
    };
  },
  GetLocaleInfo: (context) => ({ qReturn: docOf(context).localeInfo() }),
  // Empty because the engine keeps no image libraries or media files (only data files), not as a placeholder.
  GetContentLibraries: () => ({ qList: { qItems: [] } }),
  GetMediaList: () => ({ qList: { qItems: [] }, qReturn: true }),
  // The script's and the app's variables with their text; the sequence numbers count debug-mode
  // statements, which this engine does not run, so they stay 0 ("not updated by a statement").
  GetTextMacros: (context) => ({
    qMacros: docOf(context)
      .variableItems(true, true)
      .map((item) => ({
        qTag: item.name,
        qRefSeqNo: 0,
        qSetSeqNo: 0,
        qDisplayString: item.definition,
        qIsSystem: item.isConfig,
        qIsReserved: item.isReserved,
      })),
  }),
  GetFavoriteVariables: (context) => ({
    qNames: [...(docOf(context).app.document.favoriteVariables ?? [])],
  }),
  SetFavoriteVariables(context, args) {
    docOf(context).app.setFavoriteVariables(arrayArg<string>(args, 'qNames'));
    return {};
  },
  SetFetchLimit: notImplemented('it limits debug-mode reloads, which this engine does not run'),
  async SaveObjects(context) {
    await docOf(context).app.saveObjects();
    return {};
  },
  // There is no undo buffer (Undo and Redo answer not implemented): it is always clear.
  ClearUndoBuffer: () => ({}),
  Undo: notImplemented('property changes are not recorded in an undo buffer'),
  Redo: notImplemented('property changes are not recorded in an undo buffer'),
  Resume: notImplemented(
    'a session keeps no state after it ends; reconnect within /ttl/<seconds> to reattach',
  ),
  AbortModal(context, args) {
    docOf(context).endModal(booleanArg(args, 'qAccept'));
    return {};
  },
  SaveAs: notImplemented('use Global.CreateApp and Global.CopyApp'),
};

/** DoReloadEx's qParams as reload options; a qRowLimit below 0 (the default -1) means no limit. */
function reloadExOptions(params: unknown): ReloadOptions {
  const given = params ?? {};
  const rowLimit = Math.trunc(numberArg(given, 'qRowLimit', -1));
  return {
    partial: booleanArg(given, 'qPartial'),
    skipStore: booleanArg(given, 'qSkipStore'),
    ...(rowLimit >= 0 ? { rowLimit } : {}),
  };
}
