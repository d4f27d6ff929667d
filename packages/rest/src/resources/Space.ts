import type { CallOptions, Paged } from '../core/Operation.js';
import {
  createSpaceAssignment,
  deleteSpace,
  deleteSpaceAssignment,
  getSpace,
  listSpaceAssignments,
  updateSpace,
  type Assignment,
  type CreateSpaceAssignmentArgs,
  type DeleteSpaceAssignmentArgs,
  type ListSpaceAssignmentsArgs,
  type ListSpaceAssignmentsResult,
  type Space as SpaceData,
  type UpdateSpaceArgs,
} from '../generated/services/spaces.js';
import { Resource } from './Resource.js';

/**
 * One space of the tenant. Its methods are the `spaces` service's operations on
 * this space, with the same names and arguments without `spaceId`.
 */
export class Space extends Resource<SpaceData> {
  /** The space's name. */
  get name(): string {
    return this.details.name;
  }

  /** Reads the space again (`getSpace`). */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getSpace(this.client, { spaceId: this.id }, options);
    return this;
  }

  /** Changes the name, description or owner of the space (`updateSpace`). */
  async update(args: Omit<UpdateSpaceArgs, 'spaceId'>, options?: CallOptions): Promise<this> {
    this.details = await updateSpace(this.client, { ...args, spaceId: this.id }, options);
    return this;
  }

  /** The users and groups assigned to the space, with their roles (`listSpaceAssignments`). */
  listAssignments(
    args: Omit<ListSpaceAssignmentsArgs, 'spaceId'> = {},
    options?: CallOptions,
  ): Paged<ListSpaceAssignmentsResult, Assignment> {
    return listSpaceAssignments(this.client, { ...args, spaceId: this.id }, options);
  }

  /** Assigns a user or group to the space with roles (`createSpaceAssignment`). */
  createAssignment(
    args: Omit<CreateSpaceAssignmentArgs, 'spaceId'>,
    options?: CallOptions,
  ): Promise<Assignment> {
    return createSpaceAssignment(this.client, { ...args, spaceId: this.id }, options);
  }

  /** Removes one assignment from the space (`deleteSpaceAssignment`). */
  async deleteAssignment(
    args: Omit<DeleteSpaceAssignmentArgs, 'spaceId'>,
    options?: CallOptions,
  ): Promise<void> {
    await deleteSpaceAssignment(this.client, { ...args, spaceId: this.id }, options);
  }

  /** Deletes the space (`deleteSpace`). */
  async delete(options?: CallOptions): Promise<void> {
    await deleteSpace(this.client, { spaceId: this.id }, options);
  }
}
