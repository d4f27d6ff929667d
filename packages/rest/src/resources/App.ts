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
  updateApp,
  updateAppSpace,
  type CopyAppArgs,
  type ExportAppArgs,
  type NxApp,
  type PublishAppArgs,
  type UpdateAppArgs,
  type UpdateAppSpaceArgs,
} from '../generated/services/apps.js';
import type { CreateReloadArgs } from '../generated/services/reloads.js';
import type { Reload, ReloadWaitOptions } from './Reload.js';
import { ReloadCollection } from './ReloadCollection.js';
import { Resource } from './Resource.js';

/** What `App.reload` takes: the reload request without the app, and how to wait for its end. */
export interface AppReloadArgs {
  readonly body?: Omit<CreateReloadArgs['body'], 'appId'>;
  readonly wait?: ReloadWaitOptions;
}

/**
 * One app of the tenant. Its methods are the `apps` service's operations on
 * this app (same names, same arguments without `appId`), plus `reload`.
 */
export class App extends Resource<NxApp> {
  /** The app's name, from its attributes. */
  get name(): string | undefined {
    return this.details.attributes?.name;
  }

  /** Reads the app again (`getApp`). */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getApp(this.client, { appId: this.id }, options);
    return this;
  }

  /** Changes the app's name, description or other attributes (`updateApp`). */
  async update(args: Omit<UpdateAppArgs, 'appId'>, options?: CallOptions): Promise<this> {
    this.details = await updateApp(this.client, { ...args, appId: this.id }, options);
    return this;
  }

  /** Moves the app into a shared or managed space (`updateAppSpace`). */
  async updateSpace(args: Omit<UpdateAppSpaceArgs, 'appId'>, options?: CallOptions): Promise<this> {
    this.details = await updateAppSpace(this.client, { ...args, appId: this.id }, options);
    return this;
  }

  /** Moves the app back to its owner's personal space (`deleteAppSpace`). */
  async deleteSpace(options?: CallOptions): Promise<this> {
    this.details = await deleteAppSpace(this.client, { appId: this.id }, options);
    return this;
  }

  /** Copies the app, optionally renamed or into another space, and returns the copy (`copyApp`). */
  async copy(args: Omit<CopyAppArgs, 'appId'> = { body: {} }, options?: CallOptions): Promise<App> {
    return toApp(this.client, await copyApp(this.client, { ...args, appId: this.id }, options));
  }

  /** Publishes the app to a managed space and returns the published app (`publishApp`). */
  async publish(args: Omit<PublishAppArgs, 'appId'>, options?: CallOptions): Promise<App> {
    return toApp(this.client, await publishApp(this.client, { ...args, appId: this.id }, options));
  }

  /** Exports the app as a .qvf (`exportApp`) and streams the file its `Location` names, never held whole. */
  export(args: Omit<ExportAppArgs, 'appId'> = {}, options?: CallOptions): Promise<Download> {
    return downloadFromLocation(
      this.client,
      exportAppOperation,
      { ...args, appId: this.id },
      options,
    );
  }

  /** Starts a reload of the app (`createReload`) and waits until it has ended; the result carries its status and log. */
  async reload(args: AppReloadArgs = {}, options?: CallOptions): Promise<Reload> {
    const reload = await new ReloadCollection(this.client).create(
      { body: { ...args.body, appId: this.id } },
      options,
    );
    return reload.wait(args.wait);
  }

  /** Deletes the app (`deleteApp`). */
  async delete(options?: CallOptions): Promise<void> {
    await deleteApp(this.client, { appId: this.id }, options);
  }
}

/** Wraps an app as the tenant returned it, taking its id from its attributes. */
export function toApp(client: RestTransport, details: NxApp): App {
  const id = details.attributes?.id;
  if (!id) throw new QlikError('BAD_RESPONSE', 'The tenant returned an app without attributes.id');
  return new App(client, id, details);
}
