import type { Db } from './openDatabase.js';
import { newId, now } from './newId.js';

/** A group of users (Qlik's "custom" groups); space assignments may name it. */
export interface GroupRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly status: 'active' | 'disabled';
  readonly roles: readonly string[];
  readonly createdBy: string;
  readonly updatedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface RawGroup {
  id: string;
  name: string;
  description: string;
  status: GroupRow['status'];
  roles: string;
  created_by: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

/** The groups and user_groups tables. */
export class GroupsTable {
  constructor(private readonly db: Db) {}

  /** The group with this id. */
  get(id: string): GroupRow | undefined {
    const raw = this.db.prepare<[string], RawGroup>('SELECT * FROM groups WHERE id = ?').get(id);
    return raw && toGroup(raw);
  }

  /** The group with this name (case-insensitive). */
  findByName(name: string): GroupRow | undefined {
    const raw = this.db
      .prepare<[string], RawGroup>('SELECT * FROM groups WHERE name = ?')
      .get(name);
    return raw && toGroup(raw);
  }

  /** Every group, in id order. */
  all(): GroupRow[] {
    return this.db.prepare<[], RawGroup>('SELECT * FROM groups ORDER BY id').all().map(toGroup);
  }

  /** Stores a new group. */
  create(group: Pick<GroupRow, 'name' | 'description' | 'roles' | 'createdBy'>): GroupRow {
    const time = now();
    const row: GroupRow = {
      id: newId(),
      ...group,
      status: 'active',
      updatedBy: group.createdBy,
      createdAt: time,
      updatedAt: time,
    };
    this.db
      .prepare(
        `INSERT INTO groups (id, name, description, status, roles, created_by, updated_by, created_at, updated_at)
         VALUES (@id, @name, @description, @status, @roles, @createdBy, @updatedBy, @createdAt, @updatedAt)`,
      )
      .run({ ...row, roles: JSON.stringify(row.roles) });
    return row;
  }

  /** Changes a group's name, description or roles. */
  update(
    id: string,
    by: string,
    changes: Partial<Pick<GroupRow, 'name' | 'description' | 'roles'>>,
  ): GroupRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: GroupRow = { ...current, ...changes, updatedBy: by, updatedAt: now() };
    this.db
      .prepare(
        `UPDATE groups SET name = @name, description = @description, roles = @roles, updated_by = @updatedBy,
         updated_at = @updatedAt WHERE id = @id`,
      )
      .run({ ...next, roles: JSON.stringify(next.roles) });
    return next;
  }

  /** Deletes a group, its memberships and its space assignments. */
  delete(id: string): boolean {
    this.db
      .prepare("DELETE FROM space_assignments WHERE type = 'group' AND assignee_id = ?")
      .run(id);
    return this.db.prepare('DELETE FROM groups WHERE id = ?').run(id).changes > 0;
  }

  /** The groups a user belongs to, by name. */
  ofUser(userId: string): GroupRow[] {
    return this.db
      .prepare<[string], RawGroup>(
        'SELECT g.* FROM groups g JOIN user_groups ug ON ug.group_id = g.id WHERE ug.user_id = ? ORDER BY g.name',
      )
      .all(userId)
      .map(toGroup);
  }

  /** Makes a user a member of a group. */
  addMember(groupId: string, userId: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO user_groups (user_id, group_id) VALUES (?, ?)')
      .run(userId, groupId);
  }

  /** Ends a user's membership of a group. */
  removeMember(groupId: string, userId: string): void {
    this.db
      .prepare('DELETE FROM user_groups WHERE user_id = ? AND group_id = ?')
      .run(userId, groupId);
  }
}

function toGroup(raw: RawGroup): GroupRow {
  return {
    id: raw.id,
    name: raw.name,
    description: raw.description,
    status: raw.status,
    roles: JSON.parse(raw.roles) as string[],
    createdBy: raw.created_by,
    updatedBy: raw.updated_by,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}
