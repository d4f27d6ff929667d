import type { CallOptions, Paged, RestTransport } from '../core/Operation.js';
import {
  createSpace,
  getSpace,
  listSpaces,
  type CreateSpaceArgs,
  type GetSpaceArgs,
  type ListSpacesArgs,
  type ListSpacesResult,
  type Space as SpaceData,
} from '../generated/services/spaces.js';
import { mapPaged } from '../paging/mapPaged.js';
import { Space } from './Space.js';

/** The `spaces` service with `Space` objects for answers: same method names, same arguments. */
export class SpaceCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Reads one space (`getSpace`). */
  async get(args: GetSpaceArgs, options?: CallOptions): Promise<Space> {
    return this.#wrap(await getSpace(this.#client, args, options));
  }

  /** Creates a shared, managed or data space (`createSpace`). */
  async create(args: CreateSpaceArgs, options?: CallOptions): Promise<Space> {
    return this.#wrap(await createSpace(this.#client, args, options));
  }

  /** The spaces matching the filter (`listSpaces`). */
  list(args: ListSpacesArgs = {}, options?: CallOptions): Paged<ListSpacesResult, Space> {
    return mapPaged(listSpaces(this.#client, args, options), (details) => this.#wrap(details));
  }

  #wrap(details: SpaceData): Space {
    return new Space(this.#client, details.id, details);
  }
}

/** The spaces of a tenant as objects: `const space = await spaces(client).get({ spaceId })`. */
export function spaces(client: RestTransport): SpaceCollection {
  return new SpaceCollection(client);
}
