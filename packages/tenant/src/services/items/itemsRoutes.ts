import type { Principal } from '../../auth/Principal.js';
import { ApiError } from '../../server/ApiError.js';
import type { AuthenticatedCall, RouteTable } from '../../routes/RouteTable.js';
import type { ItemQuery, ItemRow, ItemVisibility } from '../../storage/ItemsTable.js';
import { cursorLinks } from '../links.js';
import type { TenantContext } from '../TenantContext.js';
import { toItem } from './toItem.js';

/** What the items service needs to know of each kind of resource it lists. */
export interface ItemResource {
  /** The item's `resourceType`. */
  readonly type: string;
  /** The space permission that lets a user see this kind of resource in a space. */
  readonly visibleWith: 'open' | 'readData';
  /**
   * The caller's actions on one resource (empty when it may not see it) and its
   * `resourceAttributes`, from one read of the resource.
   */
  view(principal: Principal, item: ItemRow): ItemView;
  /** Renames or re-describes the resource when its item is updated. */
  update(
    principal: Principal,
    item: ItemRow,
    changes: { name?: string; description?: string },
  ): Promise<void>;
  /** Deletes the resource behind the item. */
  delete(principal: Principal, item: ItemRow): Promise<void>;
}

/** What one caller sees of the resource behind an item. */
export interface ItemView {
  readonly actions: string[];
  readonly attributes: Record<string, unknown>;
}

const SORTS = new Set(['createdAt', 'updatedAt', 'name']);

/** The items service: the catalog of apps and data files, searchable and paged by cursor. */
export function itemsRoutes(
  routes: RouteTable,
  context: TenantContext,
  resources: readonly ItemResource[],
): void {
  const { storage, policy, tenantId } = context;
  const byType = new Map(resources.map((resource) => [resource.type, resource]));

  const visibility = (principal: Principal): ItemVisibility => {
    const spacesByType: Record<string, string[]> = {};
    for (const resource of resources) spacesByType[resource.type] = [];
    for (const space of storage.spaces.all()) {
      const granted = policy.spacePermissions(principal, space);
      for (const resource of resources) {
        const sees =
          resource.visibleWith === 'open'
            ? granted.has('open') || granted.has('edit')
            : granted.has('readData');
        if (sees) spacesByType[resource.type]!.push(space.id);
      }
    }
    return { userId: principal.user.id, spacesByType, allPersonal: principal.isAdmin };
  };

  const show = (item: ItemRow, call: AuthenticatedCall) => {
    const resource = byType.get(item.resourceType);
    const view = resource?.view(call.principal, item);
    return toItem(
      item,
      tenantId,
      call,
      view?.actions ?? [],
      view?.attributes ?? (item.resourceAttributes as Record<string, unknown>),
    );
  };

  const visibleItem = (
    itemId: string,
    principal: Principal,
  ): { item: ItemRow; resource: ItemResource } => {
    const item = storage.items.get(itemId);
    const resource = item && byType.get(item.resourceType);
    if (!item || !resource || resource.view(principal, item).actions.length === 0)
      throw ApiError.notFound(`Item ${itemId} not found`, 'ITEMS-404');
    return { item, resource };
  };

  routes.add('items.listItems', (args, call) => {
    const sort = args.sort ?? '+createdAt';
    const sortKey = sort.slice(1);
    if (!SORTS.has(sortKey))
      throw ApiError.badRequest(`Sorting by ${sortKey} is not supported`, 'ITEMS-400');
    if (args.next && args.prev)
      throw ApiError.badRequest('Give either next or prev, not both', 'ITEMS-400');
    const types = parseResourceTypes(args.resourceType);
    const query: ItemQuery = {
      visibility: visibility(call.principal),
      limit: args.limit ?? 10,
      sort: sortKey as ItemQuery['sort'],
      descending: sort.startsWith('-'),
      next: args.next,
      prev: args.prev,
      resourceTypes: types.types,
      resourceSubTypes: args.resourceSubType?.split(',') ?? types.subTypes,
      resourceIds:
        args.resourceIds?.split(',') ?? (args.resourceId ? [args.resourceId] : undefined),
      id: args.id,
      name: args.name,
      query: args.query,
      ownerId: args.ownerId,
      notOwnerId: args.notOwnerId,
      createdByUserId: args.createdByUserId,
      notCreatedByUserId: args.notCreatedByUserId,
      spaceId: args.spaceId,
      spaceTypes: args.spaceType?.split(','),
      shared: args.shared,
    };
    const page = storage.items.list(query);
    return { data: page.items.map((item) => show(item, call)), links: cursorLinks(call, page) };
  });

  routes.add('items.getItem', ({ itemId }, call) =>
    show(visibleItem(itemId, call.principal).item, call),
  );

  routes.add('items.updateItem', async ({ itemId, body }, call) => {
    const { item, resource } = visibleItem(itemId, call.principal);
    if (body.resourceType !== item.resourceType)
      throw ApiError.badRequest(
        `Item ${itemId} is a ${item.resourceType}, not a ${body.resourceType}`,
        'ITEMS-400',
      );
    await resource.update(call.principal, item, { name: body.name, description: body.description });
    return show(storage.items.get(itemId)!, call);
  });

  routes.add('items.deleteItem', async ({ itemId }, call) => {
    const { item, resource } = visibleItem(itemId, call.principal);
    await resource.delete(call.principal, item);
    return undefined;
  });
}

/** `app,qvapp` or `app[qvd,chart-monitoring],dataset`: the types and any sub-types in brackets. */
function parseResourceTypes(value: string | undefined): { types?: string[]; subTypes?: string[] } {
  if (!value) return {};
  const types: string[] = [];
  const subTypes: string[] = [];
  for (const match of value.matchAll(/([\w-]+)(?:\[([^\]]*)\])?/g)) {
    types.push(match[1]!);
    if (match[2] !== undefined) subTypes.push(...match[2].split(','));
  }
  return { types, subTypes: subTypes.length > 0 ? subTypes : undefined };
}
