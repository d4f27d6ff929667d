import type { Db } from './openDatabase.js';
import { newId, now } from './newId.js';

/** Space types of the spaces API (personal spaces are not spaces there: their content has no spaceId). */
export type SpaceType = 'shared' | 'managed' | 'data';

/** A space. */
export interface SpaceRow {
  readonly id: string;
  readonly name: string;
  readonly type: SpaceType;
  readonly description: string;
  readonly ownerId: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A user's or group's roles in a space. */
export interface AssignmentRow {
  readonly id: string;
  readonly spaceId: string;
  readonly type: 'user' | 'group';
  readonly assigneeId: string;
  readonly roles: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

interface RawSpace {
  id: string;
  name: string;
  type: SpaceType;
  description: string;
  owner_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface RawAssignment {
  id: string;
  space_id: string;
  type: 'user' | 'group';
  assignee_id: string;
  roles: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

/** The spaces and space_assignments tables. */
export class SpacesTable {
  private readonly byId;
  private readonly byName;
  private readonly assignmentsOf;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], RawSpace>('SELECT * FROM spaces WHERE id = ?');
    this.byName = db.prepare<[string], RawSpace>(
      'SELECT * FROM spaces WHERE name = ? COLLATE NOCASE',
    );
    this.assignmentsOf = db.prepare<[string], RawAssignment>(
      'SELECT * FROM space_assignments WHERE space_id = ? ORDER BY id',
    );
  }

  /** The space with this id, or undefined. */
  get(id: string): SpaceRow | undefined {
    const raw = this.byId.get(id);
    return raw && toSpace(raw);
  }

  /** The space with this name (names are unique, case-insensitively), or undefined. */
  findByName(name: string): SpaceRow | undefined {
    const raw = this.byName.get(name);
    return raw && toSpace(raw);
  }

  /** Every space, in id order. */
  all(): SpaceRow[] {
    return this.db.prepare<[], RawSpace>('SELECT * FROM spaces ORDER BY id').all().map(toSpace);
  }

  /** Stores a new space. */
  create(
    space: Pick<SpaceRow, 'name' | 'type' | 'description' | 'ownerId' | 'createdBy'>,
  ): SpaceRow {
    const time = now();
    const row: SpaceRow = { id: newId(), ...space, createdAt: time, updatedAt: time };
    this.db
      .prepare(
        `INSERT INTO spaces (id, name, type, description, owner_id, created_by, created_at, updated_at)
         VALUES (@id, @name, @type, @description, @ownerId, @createdBy, @createdAt, @updatedAt)`,
      )
      .run(row);
    return row;
  }

  /** Changes a space's name, description or owner. */
  update(
    id: string,
    changes: Partial<Pick<SpaceRow, 'name' | 'description' | 'ownerId'>>,
  ): SpaceRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: SpaceRow = { ...current, ...changes, updatedAt: now() };
    this.db
      .prepare(
        'UPDATE spaces SET name = @name, description = @description, owner_id = @ownerId, updated_at = @updatedAt WHERE id = @id',
      )
      .run(next);
    return next;
  }

  /** Deletes a space and its assignments. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM spaces WHERE id = ?').run(id).changes > 0;
  }

  /** The assignments of a space. */
  assignments(spaceId: string): AssignmentRow[] {
    return this.assignmentsOf.all(spaceId).map(toAssignment);
  }

  /** One assignment of a space. */
  assignment(spaceId: string, id: string): AssignmentRow | undefined {
    const raw = this.db
      .prepare<[string, string], RawAssignment>(
        'SELECT * FROM space_assignments WHERE space_id = ? AND id = ?',
      )
      .get(spaceId, id);
    return raw && toAssignment(raw);
  }

  /** Adds an assignment; throws on a duplicate assignee (UNIQUE). */
  assign(
    assignment: Pick<AssignmentRow, 'spaceId' | 'type' | 'assigneeId' | 'roles' | 'createdBy'>,
  ): AssignmentRow {
    const time = now();
    const row: AssignmentRow = {
      id: newId(),
      ...assignment,
      createdAt: time,
      updatedBy: assignment.createdBy,
      updatedAt: time,
    };
    this.db
      .prepare(
        `INSERT INTO space_assignments (id, space_id, type, assignee_id, roles, created_by, created_at, updated_by, updated_at)
         VALUES (@id, @spaceId, @type, @assigneeId, @roles, @createdBy, @createdAt, @updatedBy, @updatedAt)`,
      )
      .run({ ...row, roles: JSON.stringify(row.roles) });
    return row;
  }

  /** Replaces an assignment's roles. */
  reassign(
    spaceId: string,
    id: string,
    roles: readonly string[],
    by: string,
  ): AssignmentRow | undefined {
    this.db
      .prepare(
        'UPDATE space_assignments SET roles = ?, updated_by = ?, updated_at = ? WHERE space_id = ? AND id = ?',
      )
      .run(JSON.stringify(roles), by, now(), spaceId, id);
    return this.assignment(spaceId, id);
  }

  /** Removes an assignment. */
  unassign(spaceId: string, id: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM space_assignments WHERE space_id = ? AND id = ?')
        .run(spaceId, id).changes > 0
    );
  }
}

function toSpace(raw: RawSpace): SpaceRow {
  return {
    id: raw.id,
    name: raw.name,
    type: raw.type,
    description: raw.description,
    ownerId: raw.owner_id,
    createdBy: raw.created_by,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

function toAssignment(raw: RawAssignment): AssignmentRow {
  return {
    id: raw.id,
    spaceId: raw.space_id,
    type: raw.type,
    assigneeId: raw.assignee_id,
    roles: JSON.parse(raw.roles) as string[],
    createdBy: raw.created_by,
    createdAt: raw.created_at,
    updatedBy: raw.updated_by,
    updatedAt: raw.updated_at,
  };
}
