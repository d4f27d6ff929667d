import type { CallOptions, RestTransport } from '../core/Operation.js';
import {
  createSpace,
  getSpace,
  listSpaces,
  type ListSpacesArgs,
  type SpaceCreate,
} from '../generated/services/spaces.js';
import { Space } from './Space.js';

/** Finds, lists and creates spaces, handing back `Space` objects. */
export class SpaceCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Reads one space by id. */
  async get(args: { readonly id: string }, options?: CallOptions): Promise<Space> {
    return new Space(this.#client, await getSpace(this.#client, { spaceId: args.id }, options));
  }

  /** Creates a shared, managed or data space. */
  async create(args: SpaceCreate, options?: CallOptions): Promise<Space> {
    return new Space(this.#client, await createSpace(this.#client, { body: args }, options));
  }

  /** Every space matching the filter, page after page, one page in memory at a time. */
  async *list(args: ListSpacesArgs = {}, options?: CallOptions): AsyncGenerator<Space> {
    for await (const details of listSpaces(this.#client, args, options))
      yield new Space(this.#client, details);
  }
}

/** The spaces of a tenant, as objects: `const space = await spaces(client).get({ id })`. */
export function spaces(client: RestTransport): SpaceCollection {
  return new SpaceCollection(client);
}
