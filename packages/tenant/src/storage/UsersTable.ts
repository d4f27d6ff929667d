import type { Db } from './openDatabase.js';
import { newId, now } from './newId.js';
import { Where } from './Where.js';

/** A user of the tenant. */
export interface UserRow {
  readonly id: string;
  readonly subject: string;
  readonly name: string;
  readonly email: string | null;
  readonly status: 'active' | 'disabled' | 'invited' | 'deleted';
  /** Tenant roles, e.g. `TenantAdmin`. */
  readonly roles: readonly string[];
  readonly locale: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface RawUser {
  id: string;
  subject: string;
  name: string;
  email: string | null;
  status: UserRow['status'];
  roles: string;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

/** What a new user starts with. */
export interface NewUser {
  readonly subject: string;
  readonly name: string;
  readonly email?: string | null;
  readonly status?: UserRow['status'];
  readonly roles?: readonly string[];
  readonly locale?: string | null;
}

/** The users table. */
export class UsersTable {
  private readonly byId;
  private readonly bySubject;
  private readonly subjectById;
  private readonly insert;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], RawUser>('SELECT * FROM users WHERE id = ?');
    this.bySubject = db.prepare<[string], RawUser>('SELECT * FROM users WHERE subject = ?');
    this.subjectById = db.prepare<[string], { subject: string }>(
      'SELECT subject FROM users WHERE id = ?',
    );
    this.insert = db.prepare(
      `INSERT INTO users (id, subject, name, email, status, roles, locale, created_at, updated_at)
       VALUES (@id, @subject, @name, @email, @status, @roles, @locale, @createdAt, @updatedAt)`,
    );
  }

  /** The user with this id, or undefined. */
  get(id: string): UserRow | undefined {
    const raw = this.byId.get(id);
    return raw && toUser(raw);
  }

  /** The subject of the user with this id (what an owner shows as), without reading the rest. */
  subjectOf(id: string): string | undefined {
    return this.subjectById.get(id)?.subject;
  }

  /** The user with this subject, or undefined. */
  findBySubject(subject: string): UserRow | undefined {
    const raw = this.bySubject.get(subject);
    return raw && toUser(raw);
  }

  /** Stores a new user. */
  create(user: NewUser): UserRow {
    const time = now();
    const row: UserRow = {
      id: newId(),
      subject: user.subject,
      name: user.name,
      email: user.email ?? null,
      status: user.status ?? 'active',
      roles: user.roles ?? [],
      locale: user.locale ?? null,
      createdAt: time,
      updatedAt: time,
    };
    this.insert.run({ ...row, roles: JSON.stringify(row.roles) });
    return row;
  }

  /** Users in id order after `after`, filtered by the given columns. */
  list(filter: {
    readonly after?: string;
    readonly limit: number;
    readonly email?: string;
    readonly status?: string;
    readonly subject?: string;
    readonly role?: string;
  }): UserRow[] {
    const where = new Where()
      .when('after', filter.after, 'id > @after')
      .when('email', filter.email, 'email = @email COLLATE NOCASE')
      .when('status', filter.status, 'status = @status')
      .when('subject', filter.subject, 'subject = @subject')
      .when('role', filter.role, 'EXISTS (SELECT 1 FROM json_each(roles) WHERE value = @role)')
      .bind('limit', filter.limit);
    return this.db
      .prepare<Record<string, unknown>, RawUser>(
        `SELECT * FROM users ${where} ORDER BY id LIMIT @limit`,
      )
      .all(where.params)
      .map(toUser);
  }

  /** Changes the given fields of a user; returns the new row. */
  update(
    id: string,
    changes: Partial<Pick<UserRow, 'name' | 'email' | 'status' | 'roles' | 'locale' | 'subject'>>,
  ): UserRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: UserRow = { ...current, ...changes, updatedAt: now() };
    this.db
      .prepare(
        `UPDATE users SET subject = @subject, name = @name, email = @email, status = @status,
         roles = @roles, locale = @locale, updated_at = @updatedAt WHERE id = @id`,
      )
      .run({ ...next, roles: JSON.stringify(next.roles) });
    return next;
  }

  /** Deletes a user; returns whether one was there. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM users WHERE id = ?').run(id).changes > 0;
  }

  /** How many users there are. */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }
}

function toUser(raw: RawUser): UserRow {
  return {
    id: raw.id,
    subject: raw.subject,
    name: raw.name,
    email: raw.email,
    status: raw.status,
    roles: JSON.parse(raw.roles) as string[],
    locale: raw.locale,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}
