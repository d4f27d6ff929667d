import type { JSONPatch } from '@qlikit/rest/services/users';
import { DEFAULT_USER_ROLES, TENANT_ROLES } from '../../access/tenantRoles.js';
import type { Principal } from '../../auth/Principal.js';
import { ApiError } from '../../server/ApiError.js';
import type { AuthenticatedCall, RouteTable } from '../../routes/RouteTable.js';
import { decodeCursor, encodeCursor } from '../../storage/Cursor.js';
import type { UserRow } from '../../storage/UsersTable.js';
import { cursorLinks } from '../links.js';
import type { TenantContext } from '../TenantContext.js';
import { parseEqFilter } from './parseEqFilter.js';
import { toUser } from './toUser.js';

/** The users service: who am I, list, get, create (admins), patch and delete. */
export function usersRoutes(routes: RouteTable, context: TenantContext): void {
  const { storage, tenantId } = context;
  const show = (user: UserRow, call: AuthenticatedCall) =>
    toUser(user, tenantId, call, storage.groups.ofUser(user.id));

  // The spec answers `/users/me` with a redirect to the user's own resource.
  routes.add('users.getUsersMe', (_args, call) =>
    call.reply.redirect(`${call.origin}/api/v1/users/${call.principal.user.id}`, 301),
  );

  routes.add('users.getUser', ({ userId }, call) => {
    const user = storage.users.get(userId);
    if (!user) throw ApiError.notFound(`User ${userId} not found`, 'USERS-404');
    return show(user, call);
  });

  routes.add('users.listUsers', (args, call) => {
    const limit = args.limit ?? 20;
    if (args.prev)
      throw ApiError.badRequest('Paging backwards (prev) is not supported; follow links.next');
    const rows = storage.users.list({
      limit: limit + 1,
      after: args.next ? decodeCursor(args.next).id : undefined,
      ...userFilter(args.filter),
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const next = rows.length > limit && last ? encodeCursor({ value: 0, id: last.id }) : undefined;
    return { data: page.map((user) => show(user, call)), links: cursorLinks(call, { next }) };
  });

  routes.add('users.createUser', ({ body }, call) => {
    requireAdmin(call.principal);
    if (storage.users.findBySubject(body.subject))
      throw ApiError.conflict(`A user with subject ${body.subject} exists`, 'USERS-409');
    const user = storage.users.create({
      subject: body.subject,
      name: body.name ?? body.email ?? body.subject,
      email: body.email ?? null,
      status: body.status ?? 'active',
      roles: body.assignedRoles ? roleNames(body.assignedRoles) : DEFAULT_USER_ROLES,
    });
    context.events.emit({
      eventType: 'com.qlik.v1.user.created',
      userId: call.principal.user.id,
      resourceId: user.id,
      resourceType: 'user',
      data: { id: user.id, name: user.name, subject: user.subject },
    });
    return show(user, call);
  });

  routes.add('users.patchUser', ({ userId, body }, call) => {
    const self = userId === call.principal.user.id;
    if (!self) requireAdmin(call.principal);
    const user = storage.users.get(userId);
    if (!user) throw ApiError.notFound(`User ${userId} not found`, 'USERS-404');
    const isGroups = (patch: JSONPatch) => patch.path === '/assignedGroups';
    const changes = applyUserPatch(
      body.filter((patch) => !isGroups(patch)),
      call.principal.isAdmin,
    );
    storage.transaction(() => {
      storage.users.update(userId, changes);
      for (const patch of body.filter(isGroups))
        applyGroupPatch(storage, userId, patch, call.principal.isAdmin);
    });
    return undefined;
  });

  routes.add('users.deleteUser', ({ userId }, call) => {
    requireAdmin(call.principal);
    if (userId === call.principal.user.id) throw ApiError.badRequest('A user cannot delete itself');
    if (!storage.users.delete(userId))
      throw ApiError.notFound(`User ${userId} not found`, 'USERS-404');
    context.events.emit({
      eventType: 'com.qlik.v1.user.deleted',
      userId: call.principal.user.id,
      resourceId: userId,
      resourceType: 'user',
      data: { id: userId },
    });
    return undefined;
  });
}

/** Throws 403 unless the caller is a tenant admin. */
export function requireAdmin(principal: Principal): void {
  if (!principal.isAdmin) throw ApiError.forbidden('Only a TenantAdmin may do this');
}

export function roleNames(refs: ReadonlyArray<{ id: string } | { name: string }>): string[] {
  return refs.map((ref) => {
    const role =
      'name' in ref
        ? TENANT_ROLES.get(ref.name)
        : [...TENANT_ROLES.values()].find((candidate) => candidate.id === ref.id);
    if (!role) throw ApiError.badRequest(`Unknown role ${JSON.stringify(ref)}`, 'USERS-400');
    return role.name;
  });
}

/** `add` or `remove-value` of `/assignedGroups` (by group name): the user's group memberships. */
function applyGroupPatch(
  storage: TenantContext['storage'],
  userId: string,
  patch: JSONPatch,
  isAdmin: boolean,
): void {
  if (!isAdmin) throw ApiError.forbidden('Only a TenantAdmin may change group memberships');
  if (patch.op !== 'add' && patch.op !== 'remove-value' && patch.op !== 'replace')
    throw ApiError.badRequest(`Patch op ${patch.op} is not supported on /assignedGroups`);
  if (!Array.isArray(patch.value))
    throw ApiError.badRequest('assignedGroups must be an array of {name}');
  const groups = (patch.value as Array<{ name?: string; id?: string }>).map((ref) => {
    const group = ref.id ? storage.groups.get(ref.id) : storage.groups.findByName(ref.name ?? '');
    if (!group) throw ApiError.badRequest(`Group ${ref.name ?? ref.id} not found`, 'USERS-400');
    return group;
  });
  if (patch.op === 'replace')
    for (const group of storage.groups.ofUser(userId))
      storage.groups.removeMember(group.id, userId);
  for (const group of groups) {
    if (patch.op === 'remove-value') storage.groups.removeMember(group.id, userId);
    else storage.groups.addMember(group.id, userId);
  }
}

function applyUserPatch(
  patches: readonly JSONPatch[],
  isAdmin: boolean,
): Partial<Pick<UserRow, 'name' | 'status' | 'roles' | 'locale'>> {
  const changes: { name?: string; status?: UserRow['status']; roles?: string[]; locale?: string } =
    {};
  for (const patch of patches) {
    if (patch.op !== 'replace' && patch.op !== 'set')
      throw ApiError.badRequest(`Patch op ${patch.op} is not supported on ${patch.path}`);
    switch (patch.path) {
      case '/name':
        changes.name = String(patch.value);
        break;
      case '/preferredLocale':
        changes.locale = String(patch.value);
        break;
      case '/status':
        if (!isAdmin) throw ApiError.forbidden('Only a TenantAdmin may change a status');
        if (patch.value !== 'active' && patch.value !== 'disabled')
          throw ApiError.badRequest('status must be active or disabled');
        changes.status = patch.value;
        break;
      case '/assignedRoles':
      case '/roles':
        if (!isAdmin) throw ApiError.forbidden('Only a TenantAdmin may change roles');
        if (!Array.isArray(patch.value))
          throw ApiError.badRequest('assignedRoles must be an array');
        changes.roles = roleNames(patch.value as Array<{ id: string } | { name: string }>);
        break;
      default:
        throw ApiError.badRequest(`Patching ${patch.path} is not supported`);
    }
  }
  return changes;
}

/** A users list filter (`email|status|subject|assignedRoles.name eq "value"`) as table filters. */
function userFilter(filter: string | undefined): {
  email?: string;
  status?: string;
  subject?: string;
  role?: string;
} {
  const terms = parseEqFilter(filter, ['email', 'status', 'subject', 'assignedRoles.name']);
  const { 'assignedRoles.name': role, ...rest } = terms;
  return role === undefined ? rest : { ...rest, role };
}
