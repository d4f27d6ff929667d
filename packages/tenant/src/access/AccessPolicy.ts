import type { Principal } from '../auth/Principal.js';
import { ApiError } from '../server/ApiError.js';
import type { SpaceRow, SpacesTable } from '../storage/SpacesTable.js';
import { permissionsOf, type SpacePermission } from './spaceRoles.js';

/** Where a resource lives: a space, or (spaceId null) its owner's personal space. */
export interface Placement {
  readonly spaceId: string | null;
  readonly ownerId: string;
}

/** What a user may do with an app, by Qlik's privilege names (`NxApp.privileges`, item `actions`). */
export type AppPrivilege =
  | 'read'
  | 'update'
  | 'delete'
  | 'reload'
  | 'publish'
  | 'duplicate'
  | 'export'
  | 'exportdata'
  | 'change_owner'
  | 'change_space';

const EVERYTHING: readonly SpacePermission[] = [
  'read',
  'manage',
  'edit',
  'open',
  'develop',
  'reload',
  'publishTo',
  'readData',
  'writeData',
];

/**
 * Decides who may do what: space roles from assignments to the user and to
 * the user's groups (the highest wins, as Qlik applies them), the space's
 * owner, tenant admins (who act as owners of every space but only see other
 * users' personal content, never open or change it), and personal spaces
 * (their owner's alone).
 */
export class AccessPolicy {
  constructor(private readonly spaces: SpacesTable) {}

  /** The space roles the principal holds in a space, `owner` included when it owns it. */
  rolesIn(principal: Principal, space: SpaceRow): Set<string> {
    const roles = new Set<string>();
    if (space.ownerId === principal.user.id) roles.add('owner');
    const groups = new Set(principal.groupIds);
    for (const assignment of this.spaces.assignments(space.id)) {
      const mine =
        (assignment.type === 'user' && assignment.assigneeId === principal.user.id) ||
        (assignment.type === 'group' && groups.has(assignment.assigneeId));
      if (mine) for (const role of assignment.roles) roles.add(role);
    }
    return roles;
  }

  /** The permissions the principal has where a resource lives. */
  permissions(principal: Principal, placement: Placement): Set<SpacePermission> {
    if (placement.spaceId === null) {
      if (placement.ownerId === principal.user.id)
        return new Set(EVERYTHING.filter((p) => p !== 'publishTo'));
      return new Set(principal.isAdmin ? ['read'] : []);
    }
    const space = this.spaces.get(placement.spaceId);
    if (!space) return new Set();
    if (principal.isAdmin) return permissionsOf(space.type, ['owner']);
    return permissionsOf(space.type, this.rolesIn(principal, space));
  }

  /** The space permissions the principal has in a space (by row). */
  spacePermissions(principal: Principal, space: SpaceRow): Set<SpacePermission> {
    if (principal.isAdmin) return permissionsOf(space.type, ['owner']);
    return permissionsOf(space.type, this.rolesIn(principal, space));
  }

  /** What the principal may do with an app placed here (empty: it may not even see it). */
  appPrivileges(principal: Principal, app: Placement): AppPrivilege[] {
    const granted = this.permissions(principal, app);
    const managed = app.spaceId !== null && this.spaces.get(app.spaceId)?.type === 'managed';
    const owns = app.ownerId === principal.user.id;
    const privileges: AppPrivilege[] = [];
    // Data consumers see the space but not its apps; admins see other users' personal apps.
    const visible =
      granted.has('open') || granted.has('edit') || (app.spaceId === null && principal.isAdmin);
    if (!visible) return [];
    privileges.push('read');
    if (granted.has('edit'))
      privileges.push('update', 'duplicate', 'export', 'exportdata', 'change_space');
    if (granted.has('edit') || (managed && granted.has('manage'))) privileges.push('delete');
    else if (principal.isAdmin) privileges.push('delete');
    if (granted.has('develop') || (granted.has('reload') && (owns || managed)))
      privileges.push('reload');
    if (granted.has('edit') && !managed) privileges.push('publish');
    if (granted.has('manage') || principal.isAdmin) privileges.push('change_owner');
    return privileges;
  }

  /** Whether the principal may open an app here in the engine. */
  canOpen(principal: Principal, app: Placement): boolean {
    const granted = this.permissions(principal, app);
    if (app.spaceId === null) return app.ownerId === principal.user.id;
    return granted.has('open');
  }

  /**
   * Throws unless the principal holds `privilege` on the app: 404 when it may
   * not even see the app (its existence is not revealed), else 403.
   */
  requireApp(
    principal: Principal,
    app: Placement & { readonly id: string },
    privilege: AppPrivilege,
  ): void {
    const privileges = this.appPrivileges(principal, app);
    if (privileges.length === 0) throw ApiError.notFound(`App ${app.id} not found`, 'APP-404');
    if (!privileges.includes(privilege))
      throw ApiError.forbidden(`Not allowed to ${privilege.replace('_', ' ')} app ${app.id}`);
  }

  /** Throws unless the principal holds `permission` in the space (404 when it cannot see the space). */
  requireSpace(principal: Principal, space: SpaceRow, permission: SpacePermission): void {
    const granted = this.spacePermissions(principal, space);
    if (!granted.has('read')) throw ApiError.notFound(`Space ${space.id} not found`, 'SPACES-404');
    if (!granted.has(permission))
      throw ApiError.forbidden(`Not allowed to ${permission} in space ${space.id}`);
  }
}
