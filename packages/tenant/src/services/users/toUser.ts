import type { User } from '@qlikit/rest/services/users';
import { assignedRoles } from '../../access/tenantRoles.js';
import type { Call } from '../../routes/RouteTable.js';
import type { UserRow } from '../../storage/UsersTable.js';
import { link } from '../links.js';

/** A user as the users API answers it. */
export function toUser(
  user: UserRow,
  tenantId: string,
  call: Call,
  groups: ReadonlyArray<{ readonly id: string; readonly name: string }> = [],
): User & Record<string, unknown> {
  const body: User & Record<string, unknown> = {
    id: user.id,
    tenantId,
    subject: user.subject,
    name: user.name,
    status: user.status,
    createdAt: user.createdAt,
    lastUpdatedAt: user.updatedAt,
    assignedRoles: assignedRoles(user.roles),
    assignedGroups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      providerType: 'custom',
    })),
    links: { self: link(call, `/api/v1/users/${user.id}`) },
  };
  if (user.email) body.email = user.email;
  if (user.locale) body.locale = user.locale;
  return body;
}
