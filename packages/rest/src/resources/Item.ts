import type { CallOptions, RestTransport } from '../core/Operation.js';
import {
  deleteItem,
  getItem,
  listItemCollections,
  updateItem,
  type ItemResultResponseBody,
  type ItemsUpdateItemRequestBody,
  type ListItemCollectionsItem,
} from '../generated/services/items.js';

/** One item of the hub (an app, a note, a link...), as the items API sees it. */
export class Item {
  readonly id: string;
  /** The item as last read from the tenant. */
  details: ItemResultResponseBody;
  readonly #client: RestTransport;

  constructor(client: RestTransport, details: ItemResultResponseBody) {
    this.#client = client;
    this.id = details.id;
    this.details = details;
  }

  /** The item's name. */
  get name(): string {
    return this.details.name;
  }

  /** What the item stands for, e.g. 'app', and the id of that resource. */
  get resource(): { readonly type: string; readonly id: string | undefined } {
    return { type: this.details.resourceType, id: this.details.resourceId };
  }

  /** Reads the item again from the tenant. */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getItem(this.#client, { itemId: this.id }, options);
    return this;
  }

  /** Changes the item's name, description or other updatable fields; the resource type stays as it is. */
  async update(
    args: Omit<ItemsUpdateItemRequestBody, 'resourceType'>,
    options?: CallOptions,
  ): Promise<this> {
    const body: ItemsUpdateItemRequestBody = {
      resourceType: this.details.resourceType,
      ...args,
    };
    this.details = await updateItem(this.#client, { itemId: this.id, body }, options);
    return this;
  }

  /** The collections (tags, favorites...) the item belongs to, every page. */
  collections(options?: CallOptions): Promise<ListItemCollectionsItem[]> {
    return listItemCollections(this.#client, { itemId: this.id }, options).all();
  }

  /** Deletes the item. */
  async delete(options?: CallOptions): Promise<void> {
    await deleteItem(this.#client, { itemId: this.id }, options);
  }
}
