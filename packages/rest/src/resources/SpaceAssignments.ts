import type { CallOptions, Paged, RestTransport } from '../core/Operation.js';
import {
  createSpaceAssignment,
  deleteSpaceAssignment,
  listSpaceAssignments,
  type Assignment,
  type AssignmentCreate,
  type ListSpaceAssignmentsArgs,
  type ListSpaceAssignmentsResult,
} from '../generated/services/spaces.js';

/** The users and groups assigned to one space, with their roles. */
export class SpaceAssignments {
  readonly spaceId: string;
  readonly #client: RestTransport;

  constructor(client: RestTransport, spaceId: string) {
    this.#client = client;
    this.spaceId = spaceId;
  }

  /** The assignments, paged: iterate for every one, or `.all()` to collect them. */
  list(
    args: Omit<ListSpaceAssignmentsArgs, 'spaceId'> = {},
    options?: CallOptions,
  ): Paged<ListSpaceAssignmentsResult, Assignment> {
    return listSpaceAssignments(this.#client, { ...args, spaceId: this.spaceId }, options);
  }

  /** Assigns a user or group to the space with roles. */
  add(args: AssignmentCreate, options?: CallOptions): Promise<Assignment> {
    return createSpaceAssignment(this.#client, { spaceId: this.spaceId, body: args }, options);
  }

  /** Removes one assignment from the space. */
  remove(args: { readonly assignmentId: string }, options?: CallOptions): Promise<void> {
    return deleteSpaceAssignment(
      this.#client,
      { spaceId: this.spaceId, assignmentId: args.assignmentId },
      options,
    );
  }
}
