import type { RoleType } from '@qlikit/rest/services/spaces';
import type { SpaceType } from '../storage/SpacesTable.js';

/** What a space role allows, on the space and on the content in it. */
export type SpacePermission =
  /** See the space and its member list. */
  | 'read'
  /** Rename the space, add, change and remove members, delete the space. */
  | 'manage'
  /** Create, move in, duplicate, export, delete apps and edit their attributes. */
  | 'edit'
  /** Open apps in the engine. */
  | 'open'
  /** Reload apps and edit their scripts, whoever owns them. */
  | 'develop'
  /** Reload apps the user owns (with `edit`), or any app (managed spaces' operators). */
  | 'reload'
  /** Publish apps into this (managed) space. */
  | 'publishTo'
  /** Read the space's data files, from scripts and by download. */
  | 'readData'
  /** Upload, replace and delete the space's data files. */
  | 'writeData';

/** The role names of the spec (`RoleType`), plus the implicit `owner`. */
export type SpaceRole = RoleType | 'owner';

type RoleTable = Readonly<Partial<Record<SpaceRole, readonly SpacePermission[]>>>;

/**
 * Which roles each space type accepts and what each allows, after Qlik Cloud's
 * permission tables (help.qlik.com, "Shared/Managed space permissions"): in a
 * shared space "Can view" opens apps, "Can edit" creates and changes them,
 * "Can edit data in apps" also edits others' scripts and reloads them, "Can
 * manage" manages members; in a managed space apps are published, not edited,
 * and "Can operate" reloads them; a data space holds data files only.
 */
export const SPACE_ROLES: Readonly<Record<SpaceType, RoleTable>> = {
  shared: {
    owner: ['read', 'manage', 'edit', 'open', 'reload', 'readData', 'writeData'],
    facilitator: ['read', 'manage', 'edit', 'open', 'reload', 'readData', 'writeData'],
    codeveloper: ['read', 'edit', 'open', 'develop', 'reload', 'readData', 'writeData'],
    producer: ['read', 'edit', 'open', 'reload', 'readData', 'writeData'],
    consumer: ['read', 'open'],
    dataconsumer: ['read', 'readData'],
  },
  managed: {
    owner: ['read', 'manage', 'open', 'publishTo', 'reload', 'readData', 'writeData'],
    facilitator: ['read', 'manage', 'open', 'reload', 'readData', 'writeData'],
    publisher: ['read', 'publishTo', 'readData'],
    contributor: ['read', 'open'],
    consumer: ['read', 'open'],
    basicconsumer: ['read', 'open'],
    dataconsumer: ['read', 'readData'],
    operator: ['read', 'open', 'reload', 'readData'],
  },
  data: {
    owner: ['read', 'manage', 'readData', 'writeData'],
    facilitator: ['read', 'manage', 'readData', 'writeData'],
    producer: ['read', 'readData', 'writeData'],
    publisher: ['read', 'readData'],
    operator: ['read', 'readData'],
    consumer: ['read', 'readData'],
    dataconsumer: ['read', 'readData'],
    datapreview: ['read', 'readData'],
  },
};

/** The roles that may be assigned in a space of this type (`meta.assignableRoles`): all but `owner`. */
export function assignableRoles(type: SpaceType): RoleType[] {
  return (Object.keys(SPACE_ROLES[type]) as SpaceRole[]).filter(
    (role): role is RoleType => role !== 'owner',
  );
}

/** The permissions a set of roles grants in a space of this type. */
export function permissionsOf(type: SpaceType, roles: Iterable<string>): Set<SpacePermission> {
  const table = SPACE_ROLES[type];
  const granted = new Set<SpacePermission>();
  for (const role of roles)
    for (const permission of table[role as SpaceRole] ?? []) granted.add(permission);
  return granted;
}
