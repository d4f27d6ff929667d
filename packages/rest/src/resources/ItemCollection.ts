import type { CallOptions, Paged, RestTransport } from '../core/Operation.js';
import {
  getItem,
  listItems,
  type GetItemArgs,
  type ItemResultResponseBody,
  type ListItemsArgs,
  type ListItemsResult,
} from '../generated/services/items.js';
import { mapPaged } from '../paging/mapPaged.js';
import { Item } from './Item.js';

/** The `items` service with `Item` objects for answers: same method names, same arguments. */
export class ItemCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Reads one item (`getItem`). */
  async get(args: GetItemArgs, options?: CallOptions): Promise<Item> {
    return this.#wrap(await getItem(this.#client, args, options));
  }

  /** The items matching the filter, e.g. `{ resourceType: 'app' }` (`listItems`). */
  list(args: ListItemsArgs = {}, options?: CallOptions): Paged<ListItemsResult, Item> {
    return mapPaged(listItems(this.#client, args, options), (details) => this.#wrap(details));
  }

  #wrap(details: ItemResultResponseBody): Item {
    return new Item(this.#client, details.id, details);
  }
}

/** The hub items of a tenant as objects: `for await (const item of items(client).list({ resourceType: 'app' }))`. */
export function items(client: RestTransport): ItemCollection {
  return new ItemCollection(client);
}
