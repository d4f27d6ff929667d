import type { CallOptions, RestTransport } from '../core/Operation.js';
import type { FileInput } from '../files/FileInput.js';
import {
  createApp,
  getApp,
  importApps,
  type AppAttributes,
  type ImportAppsArgs,
  type NxAttributes,
} from '../generated/services/apps.js';
import { listItems, type ListItemsArgs } from '../generated/services/items.js';
import { App, toApp } from './App.js';

/** What `import` takes: the .qvf to upload (streamed), or the id of one already in temp-contents, plus options. */
export type AppImportArgs = Omit<ImportAppsArgs, 'body' | 'fileId'> &
  (
    | { readonly file: FileInput; readonly fileId?: never }
    | { readonly fileId: string; readonly file?: never }
  );

/** Finds, creates and imports apps, handing back `App` objects. */
export class AppCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Reads one app by id. */
  async get(args: { readonly id: string }, options?: CallOptions): Promise<App> {
    return new App(this.#client, args.id, await getApp(this.#client, { appId: args.id }, options));
  }

  /** Creates an empty app. */
  async create(args: AppAttributes, options?: CallOptions): Promise<App> {
    return toApp(
      this.#client,
      await createApp(this.#client, { body: { attributes: args } }, options),
    );
  }

  /**
   * Every app matching the filter, page after page, read from the items API (the apps
   * API has no list); each `App` holds the attributes the item carries.
   */
  async *list(
    args: Omit<ListItemsArgs, 'resourceType'> = {},
    options?: CallOptions,
  ): AsyncGenerator<App> {
    for await (const item of listItems(this.#client, { ...args, resourceType: 'app' }, options)) {
      if (item.resourceId) {
        const attributes = item.resourceAttributes as NxAttributes;
        yield new App(this.#client, item.resourceId, {
          attributes: { ...attributes, id: item.resourceId },
        });
      }
    }
  }

  /** Imports a .qvf, streamed from a file, stream or bytes (never read whole), or from a temp-contents id. */
  async import(args: AppImportArgs, options?: CallOptions): Promise<App> {
    const { file, ...query } = args;
    const request: ImportAppsArgs = file === undefined ? query : { ...query, body: file };
    return toApp(this.#client, await importApps(this.#client, request, options));
  }
}

/** The apps of a tenant, as objects: `const app = await apps(client).get({ id })`. */
export function apps(client: RestTransport): AppCollection {
  return new AppCollection(client);
}
