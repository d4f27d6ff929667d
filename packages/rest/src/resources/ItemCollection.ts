import type { CallOptions, RestTransport } from '../core/Operation.js';
import { getItem, listItems, type ListItemsArgs } from '../generated/services/items.js';
import { Item } from './Item.js';

/** Finds and lists hub items, handing back `Item` objects. */
export class ItemCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Reads one item by id. */
  async get(args: { readonly id: string }, options?: CallOptions): Promise<Item> {
    return new Item(this.#client, await getItem(this.#client, { itemId: args.id }, options));
  }

  /** Every item matching the filter (e.g. `{ resourceType: 'app' }`), page after page. */
  async *list(args: ListItemsArgs = {}, options?: CallOptions): AsyncGenerator<Item> {
    for await (const details of listItems(this.#client, args, options))
      yield new Item(this.#client, details);
  }
}

/** The hub items of a tenant, as objects: `for await (const item of items(client).list({ resourceType: 'app' }))`. */
export function items(client: RestTransport): ItemCollection {
  return new ItemCollection(client);
}
