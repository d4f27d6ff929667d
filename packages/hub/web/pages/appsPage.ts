import { listItems, type ListItemsItem } from '@qlikit/rest/services/items';
import { listSpaces, type ListSpacesItem } from '@qlikit/rest/services/spaces';
import { h, replaceChildren } from '../ui/h.js';
import { hrefOf } from '../router.js';
import type { Page } from './Page.js';

/** The apps the user can open, grouped by space, with a search box over their names. */
export const appsPage: Page = async ({ root, session, setTrail }) => {
  setTrail();
  const [apps, spaces] = await Promise.all([
    collect(listItems(session.rest, { resourceType: 'app', limit: 100 })),
    collect(listSpaces(session.rest, { limit: 100 })),
  ]);
  const search = h('input.search', {
    type: 'search',
    placeholder: 'Search apps',
    'aria-label': 'Search apps',
  }) as HTMLInputElement;
  const list = h('div.spaces');
  const show = () => replaceChildren(list, bySpace(apps, spaces, search.value));
  search.addEventListener('input', show);
  show();
  root.append(h('div.page-head', {}, h('h1', {}, 'Apps'), search), list);
};

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function bySpace(
  apps: readonly ListItemsItem[],
  spaces: readonly ListSpacesItem[],
  query: string,
): HTMLElement[] {
  const wanted = query.trim().toLowerCase();
  const shown = apps.filter(
    (app) =>
      wanted === '' ||
      String(app.name ?? '')
        .toLowerCase()
        .includes(wanted) ||
      String(app.description ?? '')
        .toLowerCase()
        .includes(wanted),
  );
  if (shown.length === 0)
    return [h('p.empty', {}, wanted ? `No app matches “${query}”.` : 'No apps yet.')];
  const names = new Map(spaces.map((space) => [space.id, space.name]));
  const groups = new Map<string, ListItemsItem[]>();
  for (const app of shown) {
    const key = app.spaceId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), app]);
  }
  return [...groups]
    .sort(([a], [b]) =>
      a === '' ? -1 : b === '' ? 1 : String(names.get(a)).localeCompare(String(names.get(b))),
    )
    .map(([spaceId, group]) =>
      h(
        'section.space',
        { 'data-space': spaceId || 'personal' },
        h('h2', {}, spaceId ? (names.get(spaceId) ?? spaceId) : 'Personal'),
        h(
          'ul.cards',
          {},
          group
            .sort((a, b) => String(a.name).localeCompare(String(b.name)))
            .map((app) =>
              h(
                'li.card',
                {},
                h(
                  'a.app-link',
                  {
                    href: hrefOf({ page: 'app', appId: String(app.resourceId) }),
                    'data-app': String(app.resourceId),
                  },
                  h('strong', {}, String(app.name ?? app.resourceId)),
                  app.description ? h('span.description', {}, String(app.description)) : null,
                ),
              ),
            ),
        ),
      ),
    );
}
