import type { Db } from './openDatabase.js';
import { encodeCursor } from './Cursor.js';
import { Where } from './Where.js';

/** One audit record: a system event as it happened. */
export interface AuditRow {
  readonly id: string;
  readonly eventType: string;
  readonly eventTime: string;
  readonly source: string;
  readonly userId: string;
  readonly resourceId: string;
  readonly spaceId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

interface RawAudit {
  id: string;
  event_type: string;
  event_time: string;
  source: string;
  user_id: string;
  resource_id: string;
  space_id: string | null;
  data: string;
}

/** The audits table. */
export class AuditsTable {
  constructor(private readonly db: Db) {}

  /** Records an event. */
  add(row: AuditRow): void {
    this.db
      .prepare(
        `INSERT INTO audits (id, event_type, event_time, source, user_id, resource_id, space_id, data)
         VALUES (@id, @eventType, @eventTime, @source, @userId, @resourceId, @spaceId, @data)`,
      )
      .run({ ...row, data: JSON.stringify(row.data) });
  }

  /** One record. */
  get(id: string): AuditRow | undefined {
    const raw = this.db.prepare<[string], RawAudit>('SELECT * FROM audits WHERE id = ?').get(id);
    return raw && toRow(raw);
  }

  /** The event types and sources recorded so far. */
  distinct(column: 'event_type' | 'source'): string[] {
    return this.db
      .prepare<[], { v: string }>(`SELECT DISTINCT ${column} AS v FROM audits ORDER BY v`)
      .all()
      .map((row) => row.v);
  }

  /** One page of records, filtered, newest first unless ascending. */
  page(query: {
    readonly limit: number;
    readonly ascending: boolean;
    readonly next?: string;
    readonly eventType?: string;
    readonly source?: string;
    readonly userId?: string;
    readonly id?: string;
    readonly from?: string;
    readonly to?: string;
  }): { rows: AuditRow[]; next?: string } {
    const where = new Where()
      .when('eventType', query.eventType, 'event_type = @eventType')
      .when('source', query.source, 'source = @source')
      .when('userId', query.userId, 'user_id = @userId')
      .when('id', query.id, 'id = @id')
      .when('from', query.from, 'event_time >= @from')
      .when('to', query.to, 'event_time <= @to');
    where.after('event_time', query.next || undefined, !query.ascending);
    where.bind('limit', query.limit + 1);
    const order = query.ascending ? 'ASC' : 'DESC';
    const rows = this.db
      .prepare<Record<string, unknown>, RawAudit>(
        `SELECT * FROM audits ${where} ORDER BY event_time ${order}, id ${order} LIMIT @limit`,
      )
      .all(where.params)
      .map(toRow);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return rows.length > query.limit && last
      ? { rows: page, next: encodeCursor({ value: last.eventTime, id: last.id }) }
      : { rows: page };
  }
}

function toRow(raw: RawAudit): AuditRow {
  return {
    id: raw.id,
    eventType: raw.event_type,
    eventTime: raw.event_time,
    source: raw.source,
    userId: raw.user_id,
    resourceId: raw.resource_id,
    spaceId: raw.space_id,
    data: JSON.parse(raw.data) as Record<string, unknown>,
  };
}
