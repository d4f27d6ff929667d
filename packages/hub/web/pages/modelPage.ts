import { h } from '../ui/h.js';
import { hrefOf, type Route } from '../router.js';
import { tablesAndKeys, type ModelKey, type ModelTable } from './modelTables.js';
import type { Page } from './Page.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The data model viewer: each table with its fields, key fields marked and linked by lines. */
export const modelPage: Page<Extract<Route, { page: 'model' }>> = async (context, { appId }) => {
  const { doc } = await context.app(appId);
  const [{ tables, keys }, layout] = await Promise.all([tablesAndKeys(doc), doc.getAppLayout()]);
  context.setTrail(
    { text: String(layout.qTitle || appId), href: hrefOf({ page: 'app', appId }) },
    { text: 'Data model' },
  );
  const board = h(
    'div.model-board',
    {},
    tables.map((table) => tableCard(table, keys)),
  );
  const lines = document.createElementNS(SVG, 'svg');
  lines.classList.add('model-links');
  board.prepend(lines);
  context.root.append(
    h('div.page-head', {}, h('h1', {}, 'Data model')),
    board,
    h(
      'section.model-keys',
      {},
      h('h2', {}, 'Associations'),
      keys.length === 0
        ? h('p.empty', {}, 'The tables share no fields.')
        : h(
            'ul',
            {},
            keys.map((key) =>
              h(
                'li',
                { 'data-key': key.fields.join('+') },
                `${key.tables.join(' ⟷ ')} through ${key.fields.join(', ')}`,
              ),
            ),
          ),
    ),
  );
  const draw = () => drawLinks(board, lines, keys);
  requestAnimationFrame(draw);
  window.addEventListener('resize', draw);
  return () => window.removeEventListener('resize', draw);
};

function tableCard(table: ModelTable, keys: readonly ModelKey[]): HTMLElement {
  const keyFields = new Set(
    keys.filter((key) => key.tables.includes(table.name)).flatMap((key) => key.fields),
  );
  return h(
    'article.model-table',
    { 'data-table': table.name },
    h(
      'header',
      {},
      h('strong', {}, table.name),
      h('span.rows', {}, `${table.rows.toLocaleString('en-US')} rows`),
    ),
    h(
      'ul',
      {},
      table.fields.map((field) =>
        h(
          `li${keyFields.has(field.name) ? '.key' : ''}`,
          { 'data-field': field.name, title: field.tags.join(' ') },
          h('span.name', {}, field.name),
          h('span.distinct', {}, field.distinct.toLocaleString('en-US')),
        ),
      ),
    ),
  );
}

// One line per key between the key field's rows in each pair of its tables.
function drawLinks(board: HTMLElement, svg: SVGSVGElement, keys: readonly ModelKey[]): void {
  const origin = board.getBoundingClientRect();
  svg.setAttribute('width', String(board.scrollWidth));
  svg.setAttribute('height', String(board.scrollHeight));
  svg.replaceChildren();
  for (const key of keys) {
    const field = key.fields[0];
    const ends = key.tables
      .map((table) =>
        board.querySelector(
          `[data-table="${CSS.escape(table)}"] [data-field="${CSS.escape(field ?? '')}"]`,
        ),
      )
      .filter((element): element is Element => element !== null)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return {
          x: box.left - origin.left + box.width / 2,
          y: box.top - origin.top + box.height / 2,
        };
      });
    for (let i = 1; i < ends.length; i++) {
      const line = document.createElementNS(SVG, 'line');
      line.setAttribute('x1', String(ends[0]!.x));
      line.setAttribute('y1', String(ends[0]!.y));
      line.setAttribute('x2', String(ends[i]!.x));
      line.setAttribute('y2', String(ends[i]!.y));
      svg.append(line);
    }
  }
}
