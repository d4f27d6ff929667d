import { createHash } from 'node:crypto';

/** A tenant role as the users API shows it in `assignedRoles`. */
export interface TenantRole {
  readonly id: string;
  readonly name: string;
  readonly type: 'default';
  readonly level: 'admin' | 'user';
}

/** Qlik Cloud's default roles this tenant knows (names as the roles API spells them). */
const ROLE_NAMES: ReadonlyArray<readonly [string, 'admin' | 'user']> = [
  ['TenantAdmin', 'admin'],
  ['AnalyticsAdmin', 'admin'],
  ['DataAdmin', 'admin'],
  ['Developer', 'user'],
  ['SharedSpaceCreator', 'user'],
  ['ManagedSpaceCreator', 'user'],
  ['DataSpaceCreator', 'user'],
  ['PrivateAnalyticsContentCreator', 'user'],
  ['DataServicesContributor', 'user'],
];

/** The default roles by name; each id is stable across tenants and restarts. */
export const TENANT_ROLES: ReadonlyMap<string, TenantRole> = new Map(
  ROLE_NAMES.map(([name, level]) => [
    name,
    {
      id: createHash('sha1').update(`role:${name}`).digest('hex').slice(0, 24),
      name,
      type: 'default',
      level,
    },
  ]),
);

/** The roles a new user gets, as on a new Qlik Cloud tenant. */
export const DEFAULT_USER_ROLES: readonly string[] = [
  'SharedSpaceCreator',
  'ManagedSpaceCreator',
  'DataSpaceCreator',
  'PrivateAnalyticsContentCreator',
  'Developer',
];

/** The `assignedRoles` entries of role names (unknown names are left out). */
export function assignedRoles(names: readonly string[]): TenantRole[] {
  return names.flatMap((name) => {
    const role = TENANT_ROLES.get(name);
    return role ? [role] : [];
  });
}
