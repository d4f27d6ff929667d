import type { Group } from '@qlikit/rest/services/groups';
import { assignedRoles } from '../../access/tenantRoles.js';
import { ApiError } from '../../server/ApiError.js';
import type { Call, RouteTable } from '../../routes/RouteTable.js';
import type { GroupRow } from '../../storage/GroupsTable.js';
import { cursorLinks, link } from '../links.js';
import { pageArray } from '../pageArray.js';
import type { TenantContext } from '../TenantContext.js';
import { parseEqFilter } from '../users/parseEqFilter.js';
import { requireAdmin, roleNames } from '../users/usersRoutes.js';

/** The groups service: custom groups that space assignments and users name. */
export function groupsRoutes(routes: RouteTable, context: TenantContext): void {
  const { storage, tenantId } = context;
  const show = (group: GroupRow, call: Call): Group & Record<string, unknown> => ({
    id: group.id,
    tenantId,
    name: group.name,
    description: group.description,
    status: group.status,
    providerType: 'custom',
    assignedRoles: assignedRoles(group.roles),
    createdAt: group.createdAt,
    createdBy: group.createdBy,
    updatedBy: group.updatedBy,
    lastUpdatedAt: group.updatedAt,
    links: { self: link(call, `/api/v1/groups/${group.id}`) },
  });
  const find = (groupId: string): GroupRow => {
    const group = storage.groups.get(groupId);
    if (!group) throw ApiError.notFound(`Group ${groupId} not found`, 'GROUPS-404');
    return group;
  };

  routes.add('groups.listGroups', (args, call) => {
    const filter = parseEqFilter(args.filter, ['id', 'name', 'status']);
    const groups = storage.groups
      .all()
      .filter((group) =>
        Object.entries(filter).every(
          ([field, value]) =>
            String(group[field as keyof GroupRow]).toLowerCase() === value.toLowerCase(),
        ),
      );
    if (args.sort?.replace(/^[+-]/, '') === 'name') {
      groups.sort((a, b) => a.name.localeCompare(b.name));
      if (args.sort.startsWith('-')) groups.reverse();
    }
    const page = pageArray(groups, args.limit ?? 20, args.next, args.prev);
    return {
      data: page.items.map((group) => show(group, call)),
      links: cursorLinks(call, page),
      ...(args.totalResults ? { totalResults: groups.length } : {}),
    };
  });

  routes.add('groups.createGroup', ({ body }, call) => {
    requireAdmin(call.principal);
    if (storage.groups.findByName(body.name))
      throw ApiError.conflict(`A group named ${body.name} exists`, 'GROUPS-409');
    const group = storage.groups.create({
      name: body.name,
      description: body.description ?? '',
      roles: body.assignedRoles ? roleNames(body.assignedRoles) : [],
      createdBy: call.principal.user.id,
    });
    return show(group, call);
  });

  routes.add('groups.getGroup', ({ groupId }, call) => show(find(groupId), call));

  routes.add('groups.patchGroup', ({ groupId, body }, call) => {
    requireAdmin(call.principal);
    find(groupId);
    const changes: { name?: string; description?: string; roles?: string[] } = {};
    for (const patch of body) {
      if (patch.path === 'assignedRoles')
        changes.roles = roleNames(patch.value as Array<{ id: string } | { name: string }>);
      else changes[patch.path] = String(patch.value);
    }
    storage.groups.update(groupId, call.principal.user.id, changes);
    return undefined;
  });

  routes.add('groups.deleteGroup', ({ groupId }, call) => {
    requireAdmin(call.principal);
    if (!storage.groups.delete(groupId))
      throw ApiError.notFound(`Group ${groupId} not found`, 'GROUPS-404');
    return undefined;
  });
}
