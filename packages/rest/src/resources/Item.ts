import type { CallOptions, Paged } from '../core/Operation.js';
import {
  deleteItem,
  getItem,
  listItemCollections,
  updateItem,
  type ItemResultResponseBody,
  type ItemsUpdateItemRequestBody,
  type ListItemCollectionsArgs,
  type ListItemCollectionsItem,
  type ListItemCollectionsResult,
} from '../generated/services/items.js';
import { Resource } from './Resource.js';

/** What `Item.update` takes: the generated body, whose `resourceType` defaults to the item's own. */
export interface ItemUpdateArgs {
  readonly body: Omit<ItemsUpdateItemRequestBody, 'resourceType'> &
    Partial<Pick<ItemsUpdateItemRequestBody, 'resourceType'>>;
}

/**
 * One item of the hub (an app, a note, a link...). Its methods are the `items`
 * service's operations on this item, with the same names and arguments without `itemId`.
 */
export class Item extends Resource<ItemResultResponseBody> {
  /** The item's name. */
  get name(): string {
    return this.details.name;
  }

  /** What the item stands for, e.g. 'app', and the id of that resource. */
  get resource(): { readonly type: string; readonly id: string | undefined } {
    return { type: this.details.resourceType, id: this.details.resourceId };
  }

  /** Reads the item again (`getItem`). */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getItem(this.client, { itemId: this.id }, options);
    return this;
  }

  /** Changes the item's name, description or other updatable fields (`updateItem`). */
  async update(args: ItemUpdateArgs, options?: CallOptions): Promise<this> {
    const body = { resourceType: this.details.resourceType, ...args.body };
    this.details = await updateItem(this.client, { itemId: this.id, body }, options);
    return this;
  }

  /** The collections (tags, favorites...) the item belongs to (`listItemCollections`). */
  listCollections(
    args: Omit<ListItemCollectionsArgs, 'itemId'> = {},
    options?: CallOptions,
  ): Paged<ListItemCollectionsResult, ListItemCollectionsItem> {
    return listItemCollections(this.client, { ...args, itemId: this.id }, options);
  }

  /** Deletes the item (`deleteItem`). */
  async delete(options?: CallOptions): Promise<void> {
    await deleteItem(this.client, { itemId: this.id }, options);
  }
}
