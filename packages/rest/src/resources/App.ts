import type { CallOptions, RestTransport } from '../core/Operation.js';
import type { Download } from '../core/Download.js';
import { downloadFromLocation } from '../core/downloadFromLocation.js';
import { QlikError } from '../errors/QlikError.js';
import {
  copyApp,
  deleteApp,
  deleteAppSpace,
  exportAppOperation,
  getApp,
  publishApp,
  updateAppSpace,
  type AppAttributes,
  type NxApp,
  type PublishApp,
} from '../generated/services/apps.js';
import type { ReloadRequest } from '../generated/services/reloads.js';
import type { Reload, ReloadWaitOptions } from './Reload.js';
import { ReloadCollection } from './ReloadCollection.js';

/** One app of the tenant with the everyday actions on it: space, copy, publish, export, reload, delete. */
export class App {
  readonly id: string;
  /** The app as last read from (or returned by) the tenant. */
  details: NxApp;
  readonly #client: RestTransport;

  constructor(client: RestTransport, id: string, details: NxApp) {
    this.#client = client;
    this.id = id;
    this.details = details;
  }

  /** The app's name, from its attributes. */
  get name(): string | undefined {
    return this.details.attributes?.name;
  }

  /** Reads the app again from the tenant. */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getApp(this.#client, { appId: this.id }, options);
    return this;
  }

  /** Moves the app into a shared or managed space. */
  async addToSpace(args: { readonly spaceId: string }, options?: CallOptions): Promise<this> {
    this.details = await updateAppSpace(
      this.#client,
      { appId: this.id, body: { spaceId: args.spaceId } },
      options,
    );
    return this;
  }

  /** Moves the app back to its owner's personal space. */
  async removeFromSpace(options?: CallOptions): Promise<this> {
    this.details = await deleteAppSpace(this.#client, { appId: this.id }, options);
    return this;
  }

  /** Copies the app (optionally renamed, into another space) and returns the copy. */
  async copy(args: AppAttributes = {}, options?: CallOptions): Promise<App> {
    return toApp(
      this.#client,
      await copyApp(this.#client, { appId: this.id, body: { attributes: args } }, options),
    );
  }

  /** Publishes the app to a managed space and returns the published app. */
  async publish(args: PublishApp, options?: CallOptions): Promise<App> {
    return toApp(
      this.#client,
      await publishApp(this.#client, { appId: this.id, body: args }, options),
    );
  }

  /** Exports the app as a .qvf and streams it back: the export's `Location` is downloaded, never held whole. */
  export(args: { readonly noData?: boolean } = {}, options?: CallOptions): Promise<Download> {
    const exportArgs =
      args.noData === undefined ? { appId: this.id } : { appId: this.id, NoData: args.noData };
    return downloadFromLocation(this.#client, exportAppOperation, exportArgs, options);
  }

  /** Reloads the app and waits until the reload has ended; the result carries its status and log. */
  async reload(
    args: Omit<ReloadRequest, 'appId'> = {},
    wait: ReloadWaitOptions = {},
    options?: CallOptions,
  ): Promise<Reload> {
    const reload = await new ReloadCollection(this.#client).start(
      { ...args, appId: this.id },
      options,
    );
    return reload.wait(wait);
  }

  /** Deletes the app. */
  async delete(options?: CallOptions): Promise<void> {
    await deleteApp(this.#client, { appId: this.id }, options);
  }
}

/** Wraps an app as the tenant returned it, taking its id from its attributes. */
export function toApp(client: RestTransport, details: NxApp): App {
  const id = details.attributes?.id;
  if (!id) throw new QlikError('BAD_RESPONSE', 'The tenant returned an app without attributes.id');
  return new App(client, id, details);
}
