import { append, h } from '../ui/h.js';
import { hrefOf } from '../router.js';
import { listMasterItems, listSheets, type ListEntry } from './engineLists.js';
import { modelTables } from './modelTables.js';
import type { Page } from './Page.js';
import type { Route } from '../router.js';

/** An app's overview: its sheets, its master items and a summary of its data model. */
export const appPage: Page<Extract<Route, { page: 'app' }>> = async (context, { appId }) => {
  const { root, setTrail } = context;
  const { doc } = await context.app(appId);
  const [appLayout, sheets, dimensions, measures, tables] = await Promise.all([
    doc.getAppLayout(),
    listSheets(doc),
    listMasterItems(doc, 'dimension'),
    listMasterItems(doc, 'measure'),
    modelTables(doc),
  ]);
  const title = String(appLayout.qTitle || appId);
  setTrail({ text: title, href: hrefOf({ page: 'app', appId }) });
  append(root, [
    h(
      'div.page-head',
      {},
      h('h1', {}, title),
      h(
        'nav.actions',
        {},
        h('a.button', { href: hrefOf({ page: 'script', appId }) }, 'Load script'),
        h('a.button', { href: hrefOf({ page: 'model', appId }) }, 'Data model'),
      ),
    ),
    appLayout.qDescription ? h('p.description', {}, String(appLayout.qDescription)) : null,
    h(
      'section.sheets',
      {},
      h('h2', {}, 'Sheets'),
      sheets.length === 0
        ? h('p.empty', {}, 'This app has no sheets.')
        : h(
            'ul.cards',
            {},
            sheets.map((sheet) =>
              h(
                'li.card',
                {},
                h(
                  'a.sheet-link',
                  {
                    href: hrefOf({ page: 'sheet', appId, sheetId: sheet.id }),
                    'data-sheet': sheet.id,
                  },
                  h('strong', {}, sheet.title),
                  sheet.description ? h('span.description', {}, sheet.description) : null,
                ),
              ),
            ),
          ),
    ),
    h(
      'section.master-items',
      {},
      h('h2', {}, 'Master items'),
      h(
        'div.columns',
        {},
        masterList('Dimensions', dimensions, (item) => describeDimension(item)),
        masterList('Measures', measures, () => ''),
      ),
    ),
    h(
      'section.model-summary',
      {},
      h('h2', {}, 'Data model'),
      h(
        'ul.tables',
        {},
        tables.map((table) =>
          h(
            'li',
            {},
            h('strong', {}, table.name),
            ` — ${table.rows.toLocaleString('en-US')} rows, ${table.fields.length} fields`,
          ),
        ),
      ),
    ),
  ]);
};

function masterList(
  heading: string,
  items: readonly ListEntry[],
  detail: (item: ListEntry) => string,
): HTMLElement {
  return h(
    'div.master-list',
    {},
    h('h3', {}, heading),
    items.length === 0
      ? h('p.empty', {}, 'None')
      : h(
          'ul',
          {},
          items.map((item) =>
            h(
              'li',
              { 'data-master': item.qInfo.qId },
              h('span.title', {}, String(item.qData.title ?? item.qMeta?.title ?? item.qInfo.qId)),
              detail(item) ? h('span.detail', {}, detail(item)) : null,
            ),
          ),
        ),
  );
}

function describeDimension(item: ListEntry): string {
  const info = item.qData.info as { qCardinal?: number }[] | undefined;
  const cardinal = info?.[0]?.qCardinal;
  return cardinal === undefined ? '' : `${cardinal.toLocaleString('en-US')} values`;
}
