import type { CallOptions, Paged, RestTransport } from '../core/Operation.js';
import {
  createApp,
  getApp,
  importApps,
  type CreateAppArgs,
  type GetAppArgs,
  type ImportAppsArgs,
  type NxAttributes,
} from '../generated/services/apps.js';
import {
  listItems,
  type ListItemsArgs,
  type ListItemsItem,
  type ListItemsResult,
} from '../generated/services/items.js';
import { mapPaged } from '../paging/mapPaged.js';
import { App, toApp } from './App.js';

/** The `apps` service with `App` objects for answers: same method names, same arguments. */
export class AppCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Reads one app (`getApp`). */
  async get(args: GetAppArgs, options?: CallOptions): Promise<App> {
    return new App(this.#client, args.appId, await getApp(this.#client, args, options));
  }

  /** Creates an empty app (`createApp`). */
  async create(args: CreateAppArgs, options?: CallOptions): Promise<App> {
    return toApp(this.#client, await createApp(this.#client, args, options));
  }

  /** Imports a .qvf streamed from `body` (a path, stream or bytes; never read whole), or from a temp-contents `fileId` (`importApps`). */
  async import(args: ImportAppsArgs, options?: CallOptions): Promise<App> {
    return toApp(this.#client, await importApps(this.#client, args, options));
  }

  /**
   * The apps matching the filter, read from the items API (the apps service has
   * no list); each `App` holds the attributes its item carries.
   */
  list(
    args: Omit<ListItemsArgs, 'resourceType'> = {},
    options?: CallOptions,
  ): Paged<ListItemsResult, App> {
    const items = listItems(this.#client, { ...args, resourceType: 'app' }, options);
    return mapPaged(items, (item) => appOfItem(this.#client, item));
  }
}

function appOfItem(client: RestTransport, item: ListItemsItem): App {
  const id = item.resourceId ?? item.id;
  const attributes = item.resourceAttributes as NxAttributes | undefined;
  return new App(client, id, { attributes: { name: item.name, ...attributes, id } });
}

/** The apps of a tenant as objects: `const app = await apps(client).get({ appId })`. */
export function apps(client: RestTransport): AppCollection {
  return new AppCollection(client);
}
