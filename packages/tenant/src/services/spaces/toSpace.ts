import type { Assignment, Space } from '@qlikit/rest/services/spaces';
import { assignableRoles, type SpacePermission } from '../../access/spaceRoles.js';
import type { Call } from '../../routes/RouteTable.js';
import type { AssignmentRow, SpaceRow } from '../../storage/SpacesTable.js';
import { link } from '../links.js';

type SpaceAction = NonNullable<Space['meta']>['actions'][number];

/** The space actions (`meta.actions`) that space permissions allow. */
export function spaceActions(permissions: ReadonlySet<SpacePermission>): SpaceAction[] {
  const actions: SpaceAction[] = [];
  if (permissions.has('read')) actions.push('read');
  if (permissions.has('edit') || permissions.has('writeData')) actions.push('create');
  if (permissions.has('manage')) actions.push('update', 'delete', 'change_owner');
  if (permissions.has('publishTo')) actions.push('publish');
  return actions;
}

/** A space as the spaces API answers it, with the caller's roles and actions in `meta`. */
export function toSpace(
  space: SpaceRow,
  tenantId: string,
  call: Call,
  roles: ReadonlySet<string>,
  permissions: ReadonlySet<SpacePermission>,
): Space {
  return {
    id: space.id,
    name: space.name,
    type: space.type,
    description: space.description,
    ownerId: space.ownerId,
    tenantId,
    createdAt: space.createdAt,
    createdBy: space.createdBy,
    updatedAt: space.updatedAt,
    meta: {
      roles: [...roles].filter((role) => role !== 'owner') as Assignment['roles'],
      actions: spaceActions(permissions),
      assignableRoles: assignableRoles(space.type),
    },
    links: {
      self: link(call, `/api/v1/spaces/${space.id}`),
      assignments: link(call, `/api/v1/spaces/${space.id}/assignments`),
    },
  };
}

/** An assignment as the spaces API answers it. */
export function toAssignment(assignment: AssignmentRow, tenantId: string, call: Call): Assignment {
  return {
    id: assignment.id,
    type: assignment.type,
    assigneeId: assignment.assigneeId,
    roles: assignment.roles as Assignment['roles'],
    spaceId: assignment.spaceId,
    tenantId,
    createdAt: assignment.createdAt,
    createdBy: assignment.createdBy,
    updatedAt: assignment.updatedAt,
    updatedBy: assignment.updatedBy,
    links: {
      self: link(call, `/api/v1/spaces/${assignment.spaceId}/assignments/${assignment.id}`),
      space: link(call, `/api/v1/spaces/${assignment.spaceId}`),
    },
  };
}
