import type { CallOptions, RestTransport } from '../core/Operation.js';
import {
  createReload,
  getReload,
  listReloads,
  type ListReloadsArgs,
  type ReloadRequest,
} from '../generated/services/reloads.js';
import { Reload } from './Reload.js';

/** Starts and finds reloads, handing back `Reload` objects. */
export class ReloadCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Reads one reload by id. */
  async get(args: { readonly id: string }, options?: CallOptions): Promise<Reload> {
    return new Reload(this.#client, await getReload(this.#client, { reloadId: args.id }, options));
  }

  /** Every reload of an app, newest first as the tenant sorts them, page after page. */
  async *list(args: ListReloadsArgs, options?: CallOptions): AsyncGenerator<Reload> {
    for await (const details of listReloads(this.#client, args, options))
      yield new Reload(this.#client, details);
  }

  /** Starts a reload of an app; call `wait()` on the result to follow it to its end. */
  async start(args: ReloadRequest, options?: CallOptions): Promise<Reload> {
    return new Reload(this.#client, await createReload(this.#client, { body: args }, options));
  }
}

/** The reloads of a tenant, as objects: `await reloads(client).start({ appId })`. */
export function reloads(client: RestTransport): ReloadCollection {
  return new ReloadCollection(client);
}
