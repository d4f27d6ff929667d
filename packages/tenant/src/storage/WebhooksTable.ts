import type { Db } from './openDatabase.js';
import { now } from './newId.js';

/** A registered webhook. */
export interface WebhookRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly level: 'tenant' | 'user';
  readonly filter: string;
  /** Signs deliveries (`Qlik-Signature`); never answered back. */
  readonly secret: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly enabled: boolean;
  readonly origin: 'api' | 'automations' | 'management-console';
  readonly ownerId: string;
  readonly createdBy: string;
  readonly updatedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One delivery of an event to a webhook, with what was sent and received. */
export interface DeliveryRow {
  readonly id: string;
  readonly webhookId: string;
  readonly eventType: string;
  /** `pending` while retries remain; then `success` or `fail`. */
  readonly status: 'pending' | 'success' | 'fail';
  readonly statusMessage: string;
  readonly request: {
    readonly url: string;
    readonly headers: Record<string, string>;
    readonly body: unknown;
  };
  readonly response: {
    readonly statusCode?: number;
    readonly headers?: Record<string, string>;
    readonly body?: string;
  } | null;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly triggeredAt: string;
}

interface RawWebhook {
  id: string;
  name: string;
  description: string;
  url: string;
  event_types: string;
  level: WebhookRow['level'];
  filter: string;
  secret: string;
  headers: string;
  enabled: number;
  origin: WebhookRow['origin'];
  owner_id: string;
  created_by: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

interface RawDelivery {
  id: string;
  webhook_id: string;
  event_type: string;
  status: DeliveryRow['status'];
  status_message: string;
  request: string;
  response: string | null;
  attempts: number;
  next_attempt_at: string | null;
  triggered_at: string;
}

/** The webhooks and webhook_deliveries tables. */
export class WebhooksTable {
  constructor(private readonly db: Db) {}

  /** The webhook with this id. */
  get(id: string): WebhookRow | undefined {
    const raw = this.db
      .prepare<[string], RawWebhook>('SELECT * FROM webhooks WHERE id = ?')
      .get(id);
    return raw && toWebhook(raw);
  }

  /** Every webhook, by creation. */
  all(): WebhookRow[] {
    return this.db
      .prepare<[], RawWebhook>('SELECT * FROM webhooks ORDER BY created_at, id')
      .all()
      .map(toWebhook);
  }

  /** Stores a webhook. */
  create(row: Omit<WebhookRow, 'createdAt' | 'updatedAt'>): WebhookRow {
    const time = now();
    const full: WebhookRow = { ...row, createdAt: time, updatedAt: time };
    this.db
      .prepare(
        `INSERT INTO webhooks (id, name, description, url, event_types, level, filter, secret, headers, enabled,
           origin, owner_id, created_by, updated_by, created_at, updated_at)
         VALUES (@id, @name, @description, @url, @eventTypes, @level, @filter, @secret, @headers, @enabled,
           @origin, @ownerId, @createdBy, @updatedBy, @createdAt, @updatedAt)`,
      )
      .run(rawWebhook(full));
    return full;
  }

  /** Replaces a webhook's editable fields. */
  update(
    id: string,
    changes: Partial<Omit<WebhookRow, 'id' | 'createdAt' | 'createdBy' | 'ownerId' | 'origin'>>,
  ): WebhookRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: WebhookRow = { ...current, ...changes, updatedAt: now() };
    this.db
      .prepare(
        `UPDATE webhooks SET name = @name, description = @description, url = @url, event_types = @eventTypes,
           level = @level, filter = @filter, secret = @secret, headers = @headers, enabled = @enabled,
           updated_by = @updatedBy, updated_at = @updatedAt WHERE id = @id`,
      )
      .run(rawWebhook(next));
    return next;
  }

  /** Deletes a webhook and its deliveries. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes > 0;
  }

  /** One delivery of a webhook. */
  delivery(webhookId: string, id: string): DeliveryRow | undefined {
    const raw = this.db
      .prepare<[string, string], RawDelivery>(
        'SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND id = ?',
      )
      .get(webhookId, id);
    return raw && toDelivery(raw);
  }

  /** A webhook's finished deliveries, newest first. */
  deliveries(webhookId: string): DeliveryRow[] {
    return this.db
      .prepare<[string], RawDelivery>(
        "SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND status != 'pending' ORDER BY triggered_at DESC, id DESC",
      )
      .all(webhookId)
      .map(toDelivery);
  }

  /** Deliveries with an attempt due at or before `at`. */
  duePending(at: string): DeliveryRow[] {
    return this.db
      .prepare<[string], RawDelivery>(
        "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at",
      )
      .all(at)
      .map(toDelivery);
  }

  /** Stores a new delivery, pending its first attempt. */
  addDelivery(
    row: Pick<DeliveryRow, 'id' | 'webhookId' | 'eventType' | 'request' | 'triggeredAt'>,
  ): DeliveryRow {
    const full: DeliveryRow = {
      ...row,
      status: 'pending',
      statusMessage: '',
      response: null,
      attempts: 0,
      nextAttemptAt: row.triggeredAt,
    };
    this.db
      .prepare(
        `INSERT INTO webhook_deliveries (id, webhook_id, event_type, status, status_message, request, response, attempts, next_attempt_at, triggered_at)
         VALUES (@id, @webhookId, @eventType, @status, @statusMessage, @request, NULL, 0, @nextAttemptAt, @triggeredAt)`,
      )
      .run({ ...full, request: JSON.stringify(full.request) });
    return full;
  }

  /** Records an attempt's outcome. */
  recordAttempt(
    id: string,
    outcome: Pick<
      DeliveryRow,
      'status' | 'statusMessage' | 'response' | 'attempts' | 'nextAttemptAt'
    >,
  ): void {
    this.db
      .prepare(
        `UPDATE webhook_deliveries SET status = @status, status_message = @statusMessage, response = @response,
           attempts = @attempts, next_attempt_at = @nextAttemptAt WHERE id = @id`,
      )
      .run({
        id,
        ...outcome,
        response: outcome.response ? JSON.stringify(outcome.response) : null,
      });
  }
}

function rawWebhook(row: WebhookRow): Record<string, unknown> {
  return {
    ...row,
    eventTypes: JSON.stringify(row.eventTypes),
    headers: JSON.stringify(row.headers),
    enabled: row.enabled ? 1 : 0,
  };
}

function toWebhook(raw: RawWebhook): WebhookRow {
  return {
    id: raw.id,
    name: raw.name,
    description: raw.description,
    url: raw.url,
    eventTypes: JSON.parse(raw.event_types) as string[],
    level: raw.level,
    filter: raw.filter,
    secret: raw.secret,
    headers: JSON.parse(raw.headers) as Record<string, string>,
    enabled: raw.enabled !== 0,
    origin: raw.origin,
    ownerId: raw.owner_id,
    createdBy: raw.created_by,
    updatedBy: raw.updated_by,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

function toDelivery(raw: RawDelivery): DeliveryRow {
  return {
    id: raw.id,
    webhookId: raw.webhook_id,
    eventType: raw.event_type,
    status: raw.status,
    statusMessage: raw.status_message,
    request: JSON.parse(raw.request) as DeliveryRow['request'],
    response: raw.response ? (JSON.parse(raw.response) as DeliveryRow['response']) : null,
    attempts: raw.attempts,
    nextAttemptAt: raw.next_attempt_at,
    triggeredAt: raw.triggered_at,
  };
}
