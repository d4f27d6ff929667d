import type { Db } from './openDatabase.js';
import { encodeCursor } from './Cursor.js';
import { newId, now } from './newId.js';
import { Where } from './Where.js';
import { definedChanges } from './definedChanges.js';

/** A catalog entry: one app or data file, with where it lives and who owns it. */
export interface ItemRow {
  readonly id: string;
  readonly resourceType: string;
  readonly resourceSubType: string;
  readonly resourceId: string;
  readonly name: string;
  readonly description: string;
  readonly spaceId: string | null;
  readonly ownerId: string;
  readonly creatorId: string;
  readonly updaterId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly resourceCreatedAt: string;
  readonly resourceUpdatedAt: string;
  readonly resourceSize: number | null;
  readonly resourceAttributes: Readonly<Record<string, unknown>>;
}

interface RawItem {
  id: string;
  resource_type: string;
  resource_sub_type: string;
  resource_id: string;
  name: string;
  description: string;
  space_id: string | null;
  owner_id: string;
  creator_id: string;
  updater_id: string;
  created_at: string;
  updated_at: string;
  resource_created_at: string;
  resource_updated_at: string;
  resource_size: number | null;
  resource_attributes: string;
}

/** Which items a caller may see: spaces by resource type, its own personal items, or all personal items (admins). */
export interface ItemVisibility {
  readonly userId: string;
  /** Resource type → ids of the spaces whose items of that type the caller sees. */
  readonly spacesByType: Readonly<Record<string, readonly string[]>>;
  readonly allPersonal: boolean;
}

/** Filters and paging of an item list. */
export interface ItemQuery {
  readonly visibility: ItemVisibility;
  readonly limit: number;
  readonly sort: 'createdAt' | 'updatedAt' | 'name';
  readonly descending: boolean;
  readonly next?: string;
  readonly prev?: string;
  readonly resourceTypes?: readonly string[];
  readonly resourceSubTypes?: readonly string[];
  readonly resourceIds?: readonly string[];
  readonly id?: string;
  readonly name?: string;
  readonly query?: string;
  readonly ownerId?: string;
  readonly notOwnerId?: string;
  readonly createdByUserId?: string;
  readonly notCreatedByUserId?: string;
  /** A space id, or 'personal'. */
  readonly spaceId?: string;
  readonly spaceTypes?: readonly string[];
  readonly shared?: boolean;
}

/** A page of items and the cursors around it. */
export interface ItemPage {
  readonly items: ItemRow[];
  readonly next?: string;
  readonly prev?: string;
}

const SORT_COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  name: 'lower(name)',
} as const;

/** The items table: the catalog that `GET /api/v1/items` lists. */
export class ItemsTable {
  private readonly byId;
  private readonly byResource;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], RawItem>('SELECT * FROM items WHERE id = ?');
    this.byResource = db.prepare<[string, string], RawItem>(
      'SELECT * FROM items WHERE resource_type = ? AND resource_id = ?',
    );
  }

  /** The item with this id. */
  get(id: string): ItemRow | undefined {
    const raw = this.byId.get(id);
    return raw && toItem(raw);
  }

  /** The item of a resource. */
  forResource(resourceType: string, resourceId: string): ItemRow | undefined {
    const raw = this.byResource.get(resourceType, resourceId);
    return raw && toItem(raw);
  }

  /** Adds the item of a new resource. */
  create(
    item: Pick<ItemRow, 'resourceType' | 'resourceId' | 'name' | 'spaceId' | 'ownerId'> &
      Partial<
        Pick<ItemRow, 'resourceSubType' | 'description' | 'resourceSize' | 'resourceAttributes'>
      >,
  ): ItemRow {
    const time = now();
    const row: ItemRow = {
      id: newId(),
      resourceSubType: '',
      description: '',
      resourceSize: null,
      resourceAttributes: {},
      ...item,
      creatorId: item.ownerId,
      updaterId: item.ownerId,
      createdAt: time,
      updatedAt: time,
      resourceCreatedAt: time,
      resourceUpdatedAt: time,
    };
    this.db
      .prepare(
        `INSERT INTO items (id, resource_type, resource_sub_type, resource_id, name, description, space_id,
           owner_id, creator_id, updater_id, created_at, updated_at, resource_created_at, resource_updated_at,
           resource_size, resource_attributes)
         VALUES (@id, @resourceType, @resourceSubType, @resourceId, @name, @description, @spaceId,
           @ownerId, @creatorId, @updaterId, @createdAt, @updatedAt, @resourceCreatedAt, @resourceUpdatedAt,
           @resourceSize, @resourceAttributes)`,
      )
      .run({ ...row, resourceAttributes: JSON.stringify(row.resourceAttributes) });
    return row;
  }

  /** Changes an item's catalog fields (the resource changed, or the item was edited). */
  update(
    id: string,
    updaterId: string,
    changes: Partial<
      Pick<
        ItemRow,
        | 'name'
        | 'description'
        | 'spaceId'
        | 'ownerId'
        | 'resourceSize'
        | 'resourceAttributes'
        | 'resourceSubType'
      >
    > & { readonly resourceUpdated?: boolean },
  ): ItemRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const time = now();
    const { resourceUpdated, ...fields } = changes;
    const next: ItemRow = {
      ...current,
      ...definedChanges(fields),
      updaterId,
      updatedAt: time,
      resourceUpdatedAt: resourceUpdated ? time : current.resourceUpdatedAt,
    };
    this.db
      .prepare(
        `UPDATE items SET name = @name, description = @description, space_id = @spaceId, owner_id = @ownerId,
           updater_id = @updaterId, updated_at = @updatedAt, resource_updated_at = @resourceUpdatedAt,
           resource_size = @resourceSize, resource_attributes = @resourceAttributes,
           resource_sub_type = @resourceSubType
         WHERE id = @id`,
      )
      .run({ ...next, resourceAttributes: JSON.stringify(next.resourceAttributes) });
    return next;
  }

  /** Removes the item of a resource. */
  deleteResource(resourceType: string, resourceId: string): void {
    this.db
      .prepare('DELETE FROM items WHERE resource_type = ? AND resource_id = ?')
      .run(resourceType, resourceId);
  }

  /** Every item of a type (for reconciling with the disk). */
  allOfType(resourceType: string): ItemRow[] {
    return this.db
      .prepare<[string], RawItem>('SELECT * FROM items WHERE resource_type = ?')
      .all(resourceType)
      .map(toItem);
  }

  /** One page of the items the caller may see, filtered and sorted, with cursors to the pages around it. */
  list(query: ItemQuery): ItemPage {
    const column = SORT_COLUMNS[query.sort];
    const where = visibleWhere(query);
    const backwards = query.prev !== undefined;
    const cursor = query.next ?? query.prev;
    // Walking back from `prev` reads the other way and turns the rows round afterwards.
    const descending = query.descending !== backwards;
    where.after(column, cursor, descending);
    const order = descending ? 'DESC' : 'ASC';
    where.bind('limit', query.limit + 1);
    const rows = this.db
      .prepare<Record<string, unknown>, RawItem & { sort_value: string }>(
        `SELECT *, ${column} AS sort_value FROM items ${where} ORDER BY ${column} ${order}, id ${order} LIMIT @limit`,
      )
      .all(where.params);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    if (backwards) page.reverse();
    const at = (row: (typeof rows)[number] | undefined) =>
      row && encodeCursor({ value: row.sort_value, id: row.id });
    const first = page[0];
    const last = page[page.length - 1];
    const hasNext = backwards ? true : more;
    const hasPrev = backwards ? more : cursor !== undefined;
    const result: { items: ItemRow[]; next?: string; prev?: string } = { items: page.map(toItem) };
    if (hasNext && last) result.next = at(last);
    if (hasPrev && first) result.prev = at(first);
    return result;
  }
}

function visibleWhere(query: ItemQuery): Where {
  const { visibility } = query;
  const where = new Where()
    .add(
      `((space_id IS NULL AND (owner_id = @me OR @allPersonal))
        OR space_id IN (SELECT value FROM json_each(json_extract(@spacesByType, '$.' || resource_type))))`,
    )
    .bind('me', visibility.userId)
    .bind('allPersonal', visibility.allPersonal ? 1 : 0)
    .bind('spacesByType', JSON.stringify(visibility.spacesByType));
  if (query.resourceTypes?.length)
    where
      .add('resource_type IN (SELECT value FROM json_each(@types))')
      .bind('types', JSON.stringify(query.resourceTypes));
  if (query.resourceSubTypes?.length)
    where
      .add('resource_sub_type IN (SELECT value FROM json_each(@subTypes))')
      .bind('subTypes', JSON.stringify(query.resourceSubTypes));
  if (query.resourceIds?.length)
    where
      .add('resource_id IN (SELECT value FROM json_each(@resourceIds))')
      .bind('resourceIds', JSON.stringify(query.resourceIds));
  if (query.spaceTypes?.length) {
    where
      .add(
        `(('personal' IN (SELECT value FROM json_each(@spaceTypes)) AND space_id IS NULL)
          OR (SELECT type FROM spaces WHERE spaces.id = items.space_id) IN (SELECT value FROM json_each(@spaceTypes)))`,
      )
      .bind('spaceTypes', JSON.stringify(query.spaceTypes));
  }
  if (query.spaceId === 'personal') where.add('space_id IS NULL');
  else where.when('spaceId', query.spaceId, 'space_id = @spaceId');
  if (query.shared !== undefined)
    where.add(query.shared ? 'space_id IS NOT NULL' : 'space_id IS NULL');
  return where
    .when('id', query.id, 'id = @id')
    .when('name', query.name, 'lower(name) = lower(@name)')
    .when(
      'query',
      query.query && `%${escapeLike(query.query)}%`,
      "(name LIKE @query ESCAPE '\\' OR description LIKE @query ESCAPE '\\')",
    )
    .when('ownerId', query.ownerId, 'owner_id = @ownerId')
    .when('notOwnerId', query.notOwnerId, 'owner_id != @notOwnerId')
    .when('createdBy', query.createdByUserId, 'creator_id = @createdBy')
    .when('notCreatedBy', query.notCreatedByUserId, 'creator_id != @notCreatedBy');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function toItem(raw: RawItem): ItemRow {
  return {
    id: raw.id,
    resourceType: raw.resource_type,
    resourceSubType: raw.resource_sub_type,
    resourceId: raw.resource_id,
    name: raw.name,
    description: raw.description,
    spaceId: raw.space_id,
    ownerId: raw.owner_id,
    creatorId: raw.creator_id,
    updaterId: raw.updater_id,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    resourceCreatedAt: raw.resource_created_at,
    resourceUpdatedAt: raw.resource_updated_at,
    resourceSize: raw.resource_size,
    resourceAttributes: JSON.parse(raw.resource_attributes) as Record<string, unknown>,
  };
}
