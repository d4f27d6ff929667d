import type { CallOptions, RestTransport } from '../core/Operation.js';
import {
  deleteSpace,
  getSpace,
  updateSpace,
  type Space as SpaceData,
  type SpaceUpdate,
} from '../generated/services/spaces.js';
import { SpaceAssignments } from './SpaceAssignments.js';

/** One space of the tenant, with its assignments. */
export class Space {
  readonly id: string;
  /** The space as last read from the tenant. */
  details: SpaceData;
  /** Who is assigned to this space, with which roles. */
  readonly assignments: SpaceAssignments;
  readonly #client: RestTransport;

  constructor(client: RestTransport, details: SpaceData) {
    this.#client = client;
    this.id = details.id;
    this.details = details;
    this.assignments = new SpaceAssignments(client, details.id);
  }

  /** The space's name. */
  get name(): string {
    return this.details.name;
  }

  /** Reads the space again from the tenant. */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getSpace(this.#client, { spaceId: this.id }, options);
    return this;
  }

  /** Changes the name, description or owner of the space. */
  async update(args: SpaceUpdate, options?: CallOptions): Promise<this> {
    this.details = await updateSpace(this.#client, { spaceId: this.id, body: args }, options);
    return this;
  }

  /** Deletes the space. */
  async delete(options?: CallOptions): Promise<void> {
    await deleteSpace(this.#client, { spaceId: this.id }, options);
  }
}
