import type { ItemResultResponseBody } from '@qlikit/rest/services/items';
import type { Call } from '../../routes/RouteTable.js';
import type { ItemRow } from '../../storage/ItemsTable.js';
import { link } from '../links.js';

/** An item as the items API answers it. */
export function toItem(
  item: ItemRow,
  tenantId: string,
  call: Call,
  actions: readonly string[],
  resourceAttributes: Record<string, unknown>,
): ItemResultResponseBody {
  const body: ItemResultResponseBody = {
    id: item.id,
    name: item.name,
    description: item.description,
    resourceType: item.resourceType as ItemResultResponseBody['resourceType'],
    resourceSubType: item.resourceSubType,
    resourceId: item.resourceId,
    ownerId: item.ownerId,
    creatorId: item.creatorId,
    updaterId: item.updaterId,
    tenantId,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    resourceCreatedAt: item.resourceCreatedAt,
    resourceUpdatedAt: item.resourceUpdatedAt,
    resourceAttributes,
    resourceCustomAttributes: {},
    isFavorited: false,
    collectionIds: [],
    actions: [...actions],
    meta: { isFavorited: false, actions: [...actions], tags: [], collections: [] },
    links: {
      self: link(call, `/api/v1/items/${item.id}`),
      ...(item.resourceType === 'app' ? { open: link(call, `/sense/app/${item.resourceId}`) } : {}),
    },
  };
  if (item.spaceId) body.spaceId = item.spaceId;
  if (item.resourceSize !== null) body.resourceSize = { appFile: item.resourceSize, appMemory: 0 };
  return body;
}
