import type { ActionName, SpaceCreate } from '@qlikit/rest/services/spaces';
import { assignableRoles, permissionsOf } from '../../access/spaceRoles.js';
import type { Principal } from '../../auth/Principal.js';
import { ApiError } from '../../server/ApiError.js';
import type { AuthenticatedCall, RouteTable } from '../../routes/RouteTable.js';
import type { SpaceRow, SpaceType } from '../../storage/SpacesTable.js';
import { cursorLinks } from '../links.js';
import { pageArray } from '../pageArray.js';
import type { TenantContext } from '../TenantContext.js';
import { spaceActions, toAssignment, toSpace } from './toSpace.js';

const CREATOR_ROLE: Readonly<Record<SpaceType, string>> = {
  shared: 'SharedSpaceCreator',
  managed: 'ManagedSpaceCreator',
  data: 'DataSpaceCreator',
};

/** What every user may do in a personal space of its own. */
const SPACE_TYPES: readonly SpaceType[] = ['shared', 'managed', 'data'];
const PERSONAL_SPACE_ACTIONS: ActionName[] = ['create', 'read', 'update', 'delete'];

/** The spaces service: spaces and their assignments. */
export function spacesRoutes(routes: RouteTable, context: TenantContext): void {
  const { storage, policy, tenantId } = context;

  const show = (space: SpaceRow, call: AuthenticatedCall) =>
    toSpace(
      space,
      tenantId,
      call,
      policy.rolesIn(call.principal, space),
      policy.spacePermissions(call.principal, space),
    );

  /** The space, when the caller may see it (404 otherwise, as Qlik hides what you cannot read). */
  const visible = (spaceId: string, principal: Principal): SpaceRow => {
    const space = storage.spaces.get(spaceId);
    if (!space || !policy.spacePermissions(principal, space).has('read'))
      throw ApiError.notFound(`Space ${spaceId} not found`, 'SPACES-404');
    return space;
  };

  routes.add('spaces.listSpaces', (args, call) => {
    const types = args.type?.split(',').filter(Boolean);
    const name = args.name?.toLowerCase();
    const roles = args.roles;
    const spaces = storage.spaces.all().filter((space) => {
      const granted = policy.spacePermissions(call.principal, space);
      if (!granted.has('read')) return false;
      if (types && !types.includes(space.type)) return false;
      if (name && !space.name.toLowerCase().includes(name)) return false;
      if (args.ownerId && space.ownerId !== args.ownerId) return false;
      if (args.action && !spaceActions(granted).includes(args.action as never)) return false;
      if (roles?.length) {
        const mine = policy.rolesIn(call.principal, space);
        if (!roles.some((role) => mine.has(role))) return false;
      }
      return true;
    });
    sortSpaces(spaces, args.sort);
    const page = pageArray(spaces, args.limit ?? 10, args.next, args.prev);
    return {
      data: page.items.map((space) => show(space, call)),
      meta: {
        count: spaces.length,
        personalSpace: { resourceType: 'space', actions: PERSONAL_SPACE_ACTIONS },
      },
      links: cursorLinks(call, page),
    };
  });

  routes.add('spaces.listSpacesTypes', () => ({ data: [...SPACE_TYPES] }));

  routes.add('spaces.createSpace', ({ body }, call) => {
    const request = body as SpaceCreate;
    const principal = call.principal;
    if (!principal.isAdmin && !principal.user.roles.includes(CREATOR_ROLE[request.type]))
      throw ApiError.forbidden(
        `Creating ${request.type} spaces needs the ${CREATOR_ROLE[request.type]} role`,
      );
    if (storage.spaces.findByName(request.name))
      throw ApiError.conflict(`A space named ${request.name} exists`, 'SPACES-409');
    const space = storage.spaces.create({
      name: request.name,
      type: request.type,
      description: request.description ?? '',
      ownerId: principal.user.id,
      createdBy: principal.user.id,
    });
    return show(space, call);
  });

  routes.add('spaces.getSpace', ({ spaceId }, call) =>
    show(visible(spaceId, call.principal), call),
  );

  const update = (
    spaceId: string,
    changes: { name?: string; description?: string; ownerId?: string },
    call: AuthenticatedCall,
  ) => {
    const space = visible(spaceId, call.principal);
    policy.requireSpace(call.principal, space, 'manage');
    if (
      changes.name &&
      changes.name.toLowerCase() !== space.name.toLowerCase() &&
      storage.spaces.findByName(changes.name)
    )
      throw ApiError.conflict(`A space named ${changes.name} exists`, 'SPACES-409');
    if (changes.ownerId !== undefined) {
      if (!call.principal.isAdmin && space.ownerId !== call.principal.user.id)
        throw ApiError.forbidden('Only the space owner or a TenantAdmin may change the owner');
      if (!storage.users.get(changes.ownerId))
        throw ApiError.badRequest(`User ${changes.ownerId} not found`);
    }
    return show(storage.spaces.update(spaceId, changes)!, call);
  };

  routes.add('spaces.updateSpace', ({ spaceId, body }, call) => update(spaceId, body, call));

  routes.add('spaces.patchSpace', ({ spaceId, body }, call) => {
    const changes: { name?: string; description?: string; ownerId?: string } = {};
    for (const patch of body)
      changes[patch.path.slice(1) as 'name' | 'description' | 'ownerId'] = patch.value;
    return update(spaceId, changes, call);
  });

  routes.add('spaces.deleteSpace', ({ spaceId }, call) => {
    const space = visible(spaceId, call.principal);
    policy.requireSpace(call.principal, space, 'manage');
    const held = storage.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM items WHERE space_id = ?')
      .get(spaceId)!.n;
    if (held > 0)
      throw ApiError.conflict(`Space ${spaceId} still holds ${held} items`, 'SPACES-409');
    storage.spaces.delete(spaceId);
    return undefined;
  });

  routes.add('spaces.listSpaceAssignments', (args, call) => {
    visible(args.spaceId, call.principal);
    const assignments = storage.spaces
      .assignments(args.spaceId)
      .filter(
        (a) =>
          (!args.type || a.type === args.type) &&
          (!args.assigneeId || a.assigneeId === args.assigneeId),
      );
    const page = pageArray(assignments, args.limit ?? 10, args.next, args.prev);
    return {
      data: page.items.map((assignment) => toAssignment(assignment, tenantId, call)),
      meta: { count: assignments.length },
      links: cursorLinks(call, page),
    };
  });

  routes.add('spaces.createSpaceAssignment', ({ spaceId, body }, call) => {
    const space = visible(spaceId, call.principal);
    policy.requireSpace(call.principal, space, 'manage');
    checkRoles(space, body.roles);
    if (body.type === 'bot')
      throw ApiError.badRequest('Assignments to bots are not supported', 'SPACES-400');
    const exists =
      body.type === 'user'
        ? storage.users.get(body.assigneeId)
        : storage.db.prepare('SELECT id FROM groups WHERE id = ?').get(body.assigneeId);
    if (!exists) throw ApiError.badRequest(`No ${body.type} ${body.assigneeId}`, 'SPACES-400');
    if (
      storage.spaces
        .assignments(spaceId)
        .some((a) => a.type === body.type && a.assigneeId === body.assigneeId)
    )
      throw ApiError.conflict(
        `${body.type} ${body.assigneeId} is already assigned to space ${spaceId}`,
        'SPACES-409',
      );
    const assignment = storage.spaces.assign({
      spaceId,
      type: body.type as 'user' | 'group',
      assigneeId: body.assigneeId,
      roles: body.roles,
      createdBy: call.principal.user.id,
    });
    return toAssignment(assignment, tenantId, call);
  });

  routes.add('spaces.getSpaceAssignment', ({ spaceId, assignmentId }, call) => {
    visible(spaceId, call.principal);
    const assignment = storage.spaces.assignment(spaceId, assignmentId);
    if (!assignment) throw ApiError.notFound(`Assignment ${assignmentId} not found`, 'SPACES-404');
    return toAssignment(assignment, tenantId, call);
  });

  routes.add('spaces.updateSpaceAssignment', ({ spaceId, assignmentId, body }, call) => {
    const space = visible(spaceId, call.principal);
    policy.requireSpace(call.principal, space, 'manage');
    checkRoles(space, body.roles ?? []);
    const assignment = storage.spaces.reassign(
      spaceId,
      assignmentId,
      body.roles ?? [],
      call.principal.user.id,
    );
    if (!assignment) throw ApiError.notFound(`Assignment ${assignmentId} not found`, 'SPACES-404');
    return toAssignment(assignment, tenantId, call);
  });

  routes.add('spaces.deleteSpaceAssignment', ({ spaceId, assignmentId }, call) => {
    const space = visible(spaceId, call.principal);
    policy.requireSpace(call.principal, space, 'manage');
    if (!storage.spaces.unassign(spaceId, assignmentId))
      throw ApiError.notFound(`Assignment ${assignmentId} not found`, 'SPACES-404');
    return undefined;
  });
}

function checkRoles(space: SpaceRow, roles: readonly string[]): void {
  if (roles.length === 0) throw ApiError.badRequest('roles must not be empty', 'SPACES-400');
  const allowed = assignableRoles(space.type) as string[];
  const wrong = roles.filter((role) => !allowed.includes(role));
  if (wrong.length > 0)
    throw ApiError.badRequest(
      `Roles ${wrong.join(', ')} cannot be assigned in a ${space.type} space (allowed: ${allowed.join(', ')})`,
      'SPACES-400',
    );
  // Keep the table the single source: an unknown role would grant nothing.
  permissionsOf(space.type, roles);
}

function sortSpaces(spaces: SpaceRow[], sort: string | undefined): void {
  const key = (sort ?? '+name').replace(/^[+-]/, '');
  const descending = sort?.startsWith('-') ?? false;
  const value = (space: SpaceRow): string =>
    key === 'createdAt'
      ? space.createdAt
      : key === 'updatedAt'
        ? space.updatedAt
        : space.name.toLowerCase();
  spaces.sort((a, b) =>
    value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id < b.id ? -1 : 1,
  );
  if (descending) spaces.reverse();
}
