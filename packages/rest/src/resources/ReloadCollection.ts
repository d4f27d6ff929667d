import type { CallOptions, Paged, RestTransport } from '../core/Operation.js';
import {
  createReload,
  getReload,
  listReloads,
  type CreateReloadArgs,
  type GetReloadArgs,
  type ListReloadsArgs,
  type ListReloadsResult,
} from '../generated/services/reloads.js';
import { mapPaged } from '../paging/mapPaged.js';
import { Reload } from './Reload.js';

/** The `reloads` service with `Reload` objects for answers: same method names, same arguments. */
export class ReloadCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Reads one reload (`getReload`). */
  async get(args: GetReloadArgs, options?: CallOptions): Promise<Reload> {
    return this.#wrap(await getReload(this.#client, args, options));
  }

  /** The reloads matching the filter, newest first as the tenant sorts them (`listReloads`). */
  list(args: ListReloadsArgs, options?: CallOptions): Paged<ListReloadsResult, Reload> {
    return mapPaged(listReloads(this.#client, args, options), (details) => this.#wrap(details));
  }

  /** Starts a reload of an app (`createReload`); `wait()` on the result follows it to its end. */
  async create(args: CreateReloadArgs, options?: CallOptions): Promise<Reload> {
    return this.#wrap(await createReload(this.#client, args, options));
  }

  #wrap(details: Reload['details']): Reload {
    return new Reload(this.#client, details.id, details);
  }
}

/** The reloads of a tenant as objects: `await reloads(client).create({ body: { appId } })`. */
export function reloads(client: RestTransport): ReloadCollection {
  return new ReloadCollection(client);
}
