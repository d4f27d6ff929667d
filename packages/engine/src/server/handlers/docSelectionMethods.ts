import type { DocSession } from '../../app/DocSession.js';
import { dualParts } from '../../app/dualParts.js';
import { fieldDescription } from '../../app/fieldDescriptions.js';
import { searchValues } from '../../app/searchValues.js';
import { tablesAndKeys } from '../../app/tablesAndKeys.js';
import { tableData } from '../../app/tableData.js';
import {
  arrayArg,
  booleanArg,
  numberArg,
  objectArg,
  optionalStringArg,
  stringArg,
} from '../dispatch/argReaders.js';
import type { ClassMethods } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { containerEntry, created, docOf, openObjectHandle } from './docObjectMethods.js';
import type { FieldTarget } from './fieldMethods.js';
import { applySelection } from './selectionEffects.js';

type Json = Record<string, unknown>;

// One Field target per doc, field and state, so a field asked for twice keeps its handle.
const fieldTargets = new WeakMap<DocSession, Map<string, FieldTarget>>();

function fieldTarget(doc: DocSession, name: string, stateName: string): FieldTarget {
  let targets = fieldTargets.get(doc);
  if (!targets) fieldTargets.set(doc, (targets = new Map()));
  const key = `${stateName}\u0000${name}`;
  let target = targets.get(key);
  if (!target)
    targets.set(key, (target = { name, stateName, nxProperties: { qOneAndOnlyOne: false } }));
  return target;
}

function requireData(doc: DocSession): void {
  if (doc.tables.length === 0)
    throw new LocError('LOCERR_GENERIC_NOT_FOUND', 'The app has no data: reload it first');
}

/** Where each search term occurs in a matched text (case-insensitive): SearchCharRange items. */
function termRanges(
  text: string,
  searched: readonly string[],
): { qCharPos: number; qCharCount: number; qTerm: number }[] {
  const lower = text.toLowerCase();
  return searched.flatMap((term, qTerm) => {
    const qCharPos = term === '' ? -1 : lower.indexOf(term.toLowerCase());
    return qCharPos < 0 ? [] : [{ qCharPos, qCharCount: term.length, qTerm }];
  });
}

function terms(args: { qTerms: string[] }): string[] {
  return arrayArg<unknown>(args, 'qTerms').filter(
    (term): term is string => typeof term === 'string',
  );
}

/** Doc methods on selections, fields, expressions, bookmarks and search. */
export const docSelectionMethods: ClassMethods<'Doc'> = {
  GetField(context, args) {
    const doc = docOf(context);
    const name = stringArg(args, 'qFieldName');
    const stateName = optionalStringArg(args, 'qStateName', '$') || '$';
    requireData(doc);
    if (!doc.dataModel.findField(name))
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Field not found: ${name}`, {
        parameter: name,
      });
    doc.data.state(stateName);
    const target = fieldTarget(doc, name, stateName);
    const genericId = stateName === '$' ? name : `${stateName}::${name}`;
    return { qReturn: context.session.handles.open('Field', genericId, 'Field', target) };
  },
  GetFieldDescription(context, args) {
    const doc = docOf(context);
    const name = stringArg(args, 'qFieldName');
    const field = doc.tables.length > 0 ? doc.dataModel.findField(name) : undefined;
    if (!field)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Field not found: ${name}`, {
        parameter: name,
      });
    return { qReturn: fieldDescription(doc.dataModel, field, doc.app.comments) };
  },
  GetFieldOnTheFlyByName(context, args) {
    const name = stringArg(args, 'qReadableName');
    const doc = docOf(context);
    return { qName: doc.tables.length > 0 && doc.dataModel.findField(name) ? name : '' };
  },
  GetTablesAndKeys(context, args) {
    const doc = docOf(context);
    if (doc.tables.length === 0) return { qtr: [], qk: [] };
    return tablesAndKeys(doc.dataModel, booleanArg(args, 'qIncludeSysVars'), doc.app.comments);
  },
  GetTableData(context, args) {
    const doc = docOf(context);
    requireData(doc);
    const table = doc.dataModel.findTable(stringArg(args, 'qTableName'));
    if (!table)
      throw new LocError(
        'LOCERR_GENERIC_NOT_FOUND',
        `Table not found: ${String(args.qTableName)}`,
        { parameter: 'qTableName' },
      );
    const offset = numberArg(args, 'qOffset', 0);
    const rows = numberArg(args, 'qRows', 0);
    for (const [name, value] of [
      ['qOffset', offset],
      ['qRows', rows],
    ] as const) {
      if (!Number.isInteger(value) || value < 0)
        throw new LocError(
          'LOCERR_GENERIC_INVALID_PARAMETERS',
          `${name} must be a whole number of rows, 0 or more: ${value}`,
          { parameter: name },
        );
    }
    return {
      qData: tableData(doc.dataModel, table, offset, rows, booleanArg(args, 'qSyntheticMode')),
    };
  },

  ClearAll(context, args) {
    const doc = docOf(context);
    doc.data.assertCanSelect(null);
    const lockedAlso = booleanArg(args, 'qLockedAlso');
    const stateName = optionalStringArg(args, 'qStateName', '$') || '$';
    if (doc.tables.length > 0)
      applySelection(doc, () => doc.data.state(stateName).clearAll(lockedAlso));
    return {};
  },
  LockAll(context, args) {
    const doc = docOf(context);
    if (doc.tables.length > 0)
      applySelection(doc, () =>
        doc.data.state(optionalStringArg(args, 'qStateName', '$') || '$').lockAll(),
      );
    return {};
  },
  UnlockAll(context, args) {
    const doc = docOf(context);
    if (doc.tables.length > 0)
      applySelection(doc, () =>
        doc.data.state(optionalStringArg(args, 'qStateName', '$') || '$').unlockAll(),
      );
    return {};
  },
  Back(context) {
    const doc = docOf(context);
    if (doc.tables.length > 0) applySelection(doc, () => doc.data.state().back());
    return {};
  },
  Forward(context) {
    const doc = docOf(context);
    if (doc.tables.length > 0) applySelection(doc, () => doc.data.state().forward());
    return {};
  },
  BackCount: (context) => ({
    qReturn: docOf(context).tables.length > 0 ? docOf(context).data.state().backCount : 0,
  }),
  ForwardCount: (context) => ({
    qReturn: docOf(context).tables.length > 0 ? docOf(context).data.state().forwardCount : 0,
  }),
  AddAlternateState(context, args) {
    const doc = docOf(context);
    doc.data.addState(stringArg(args, 'qStateName'));
    doc.invalidateData();
    return {};
  },
  RemoveAlternateState(context, args) {
    const doc = docOf(context);
    doc.data.removeState(stringArg(args, 'qStateName'));
    doc.invalidateData();
    return {};
  },

  Evaluate(context, args) {
    const doc = docOf(context);
    return {
      qReturn: dualParts(doc.data.chart.evaluate(stringArg(args, 'qExpression'), '$')).qText,
    };
  },
  EvaluateEx(context, args) {
    const doc = docOf(context);
    const { qText, qNum } = dualParts(doc.data.chart.evaluate(stringArg(args, 'qExpression'), '$'));
    return { qValue: { qText, qIsNumeric: qNum !== 'NaN', qNumber: qNum === 'NaN' ? 0 : qNum } };
  },
  CheckExpression(context, args) {
    const labels = Array.isArray(args.qLabels) ? args.qLabels.map(String) : [];
    return docOf(context).data.chart.checkExpression(stringArg(args, 'qExpr'), labels);
  },
  CheckNumberOrExpression(context, args) {
    return docOf(context).data.chart.checkNumberOrExpression(stringArg(args, 'qExpr'));
  },

  CreateBookmark(context, args) {
    const doc = docOf(context);
    const bookmark = doc.app.createObject('GenericBookmark', objectArg(args, 'qProp'));
    bookmark.bookmarkState = doc.tables.length > 0 ? doc.data.captureBookmark() : { states: {} };
    return created(context, bookmark);
  },
  CreateBookmarkEx(context, args) {
    return docSelectionMethods.CreateBookmark!(context, args);
  },
  GetBookmark(context, args) {
    const doc = docOf(context);
    const bookmark = doc.findObject(stringArg(args, 'qId'));
    if (!bookmark || bookmark.type !== 'GenericBookmark')
      return { qReturn: { qType: null, qHandle: null, qGenericType: null, qGenericId: null } };
    return { qReturn: openObjectHandle(context, bookmark) };
  },
  ApplyBookmark(context, args) {
    const doc = docOf(context);
    const bookmark = doc.findObject(stringArg(args, 'qId'));
    if (!bookmark || bookmark.type !== 'GenericBookmark') return { qSuccess: false };
    return { qSuccess: doc.applyBookmark(bookmark) };
  },
  DestroyBookmark(context, args) {
    const doc = docOf(context);
    const id = stringArg(args, 'qId');
    const bookmark = doc.findObject(id);
    if (!bookmark || bookmark.type !== 'GenericBookmark') return { qSuccess: false };
    doc.app.destroyObject(id);
    return { qSuccess: true };
  },
  GetBookmarks(context, args) {
    const options = (args.qOptions as Json | undefined) ?? {};
    const types = Array.isArray(options.qTypes) ? (options.qTypes as string[]) : [];
    const qList = docOf(context)
      .objectsOfType('GenericBookmark')
      .filter(
        (bookmark) =>
          types.length === 0 ||
          types.includes((bookmark.properties.qInfo as { qType: string }).qType),
      )
      .map((bookmark) => containerEntry(bookmark, options.qData));
    return { qList };
  },

  SearchResults(context, args) {
    const doc = docOf(context);
    requireData(doc);
    const options = (args.qOptions as Json | undefined) ?? {};
    const page = (args.qPage as Json | undefined) ?? {};
    const found = searchValues(doc.dataModel, doc.data.state().result(), terms(args), {
      fields: options.qSearchFields as string[] | undefined,
      context: options.qContext as string | undefined,
    });
    const offset = Number(page.qOffset ?? 0);
    const count = Number(page.qCount ?? found.length);
    const maxMatches = Number(page.qMaxNbrFieldMatches ?? -1);
    const searched = terms(args);
    // Every term matches every value found (searchValues keeps only those).
    const allTerms = searched.map((_term, index) => index);
    const items = found.slice(offset, offset + count).map((match) => ({
      qItemType: 'Field' as const,
      qTotalNumberOfMatches: match.indexes.length,
      qIdentifier: match.field,
      qItemMatches: (maxMatches >= 0 ? match.texts.slice(0, maxMatches) : match.texts).map(
        (text) => ({ qText: text, qAttributes: [], qRanges: termRanges(text, searched) }),
      ),
      qSearchTermsMatched: allTerms,
      qMatchType: 'FieldMatchSubString' as const,
    }));
    return {
      qResult: {
        qSearchTerms: searched,
        qTotalNumberOfGroups: found.length > 0 ? 1 : 0,
        qSearchGroupArray:
          found.length > 0
            ? [
                {
                  qId: 0,
                  qGroupType: 'DatasetType',
                  qSearchTermsMatched: allTerms,
                  qTotalNumberOfItems: found.length,
                  qItems: items,
                },
              ]
            : [],
      },
    };
  },
  SearchSuggest(context, args) {
    const doc = docOf(context);
    requireData(doc);
    const searched = terms(args);
    const found = searchValues(doc.dataModel, doc.data.state().result(), searched);
    const suggested = new Set<string>();
    for (const match of found) for (const text of match.texts) suggested.add(text);
    const lastTerm = Math.max(0, searched.length - 1);
    return {
      qResult: {
        // Values found, each completing the last term (qTerm: its index), as a search box suggests.
        qSuggestions: [...suggested].slice(0, 20).map((qValue) => ({ qValue, qTerm: lastTerm })),
        qFieldNames: found.map((match) => match.field),
      },
    };
  },
  SelectAssociations(context, args) {
    const doc = docOf(context);
    requireData(doc);
    doc.data.assertCanSelect(null);
    const options = (args.qOptions as Json | undefined) ?? {};
    const found = searchValues(doc.dataModel, doc.data.state().result(), terms(args), {
      fields: options.qSearchFields as string[] | undefined,
      context: options.qContext as string | undefined,
    });
    const match = found[numberArg(args, 'qMatchIx', 0)];
    if (!match)
      throw new LocError('LOCERR_GENERIC_INVALID_PARAMETERS', 'qMatchIx names no search match', {
        parameter: 'qMatchIx',
      });
    applySelection(doc, () => doc.data.state().select(match.field, match.indexes));
    return {};
  },
};
