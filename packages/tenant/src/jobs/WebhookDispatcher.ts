import { createHmac, randomUUID } from 'node:crypto';
import { principalOf } from '../auth/Authenticator.js';
import { matchesFilter, parseEventFilter } from '../events/eventFilter.js';
import type { TenantEvent } from '../events/TenantEvents.js';
import type { TenantContext } from '../services/TenantContext.js';
import type { DeliveryRow, WebhookRow } from '../storage/WebhooksTable.js';

/** How deliveries are retried. */
export interface WebhookOptions {
  /** Waits before the 2nd, 3rd, … attempt; 5 attempts over about a minute by default. */
  readonly retryDelaysMs?: readonly number[];
  /** Time one attempt may take. */
  readonly timeoutMs?: number;
}

const DEFAULT_RETRIES = [1_000, 5_000, 15_000, 45_000];

/** The CloudEvents 0.1 envelope Qlik Cloud's webhooks deliver. */
export function eventBody(event: TenantEvent, tenantId: string): Record<string, unknown> {
  return {
    cloudEventsVersion: '0.1',
    source: event.resourceType === 'user' ? 'com.qlik/user-identity' : 'com.qlik/engine',
    contentType: 'application/json',
    eventID: event.eventID,
    eventTime: event.eventTime,
    eventTypeVersion: '1.0.0',
    eventType: event.eventType,
    extensions: {
      tenantId,
      userId: event.userId,
      topLevelResourceId: event.resourceId,
      ...(event.ownerId ? { ownerId: event.ownerId } : {}),
      ...(event.spaceId ? { spaceId: event.spaceId } : {}),
    },
    data: event.data,
  };
}

/**
 * Delivers events to the webhooks subscribed to them: each delivery is
 * recorded before its first attempt, POSTed as JSON with `Qlik-Signature`
 * (hex HMAC-SHA256 of the body with the webhook's secret), and retried with
 * growing waits until it gets a 2xx or runs out of attempts. Pending
 * deliveries survive a restart.
 */
export class WebhookDispatcher {
  private readonly retryDelays: readonly number[];
  private readonly timeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly context: TenantContext,
    options: WebhookOptions = {},
  ) {
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRIES;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Starts listening to events and sending what is pending. */
  start(): void {
    this.unsubscribe = this.context.events.subscribe((event) => this.enqueue(event));
    this.pump();
  }

  /** Stops listening and waits for attempts under way. */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Sends a delivery's payload again, as a new delivery. */
  resend(delivery: DeliveryRow): DeliveryRow {
    const row = this.context.storage.webhooks.addDelivery({
      id: randomUUID(),
      webhookId: delivery.webhookId,
      eventType: delivery.eventType,
      request: delivery.request,
      triggeredAt: new Date().toISOString(),
    });
    this.pump();
    return row;
  }

  private enqueue(event: TenantEvent): void {
    const { storage, tenantId } = this.context;
    const body = eventBody(event, tenantId);
    for (const hook of storage.webhooks.all()) {
      if (!this.wants(hook, event)) continue;
      storage.webhooks.addDelivery({
        id: randomUUID(),
        webhookId: hook.id,
        eventType: event.eventType,
        request: {
          url: hook.url,
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'Qlik Webhook',
            ...hook.headers,
          },
          body,
        },
        triggeredAt: event.eventTime,
      });
    }
    this.pump();
  }

  private wants(hook: WebhookRow, event: TenantEvent): boolean {
    if (!hook.enabled || !hook.eventTypes.includes(event.eventType)) return false;
    try {
      if (!matchesFilter(parseEventFilter(hook.filter), event)) return false;
    } catch {
      return false;
    }
    if (hook.level === 'user' && event.resourceType === 'app') {
      const { storage, policy } = this.context;
      const owner = storage.users.get(hook.ownerId);
      const app =
        storage.apps.get(event.resourceId) ??
        (event.ownerId ? { spaceId: event.spaceId ?? null, ownerId: event.ownerId } : undefined);
      if (!owner || !app) return false;
      const principal = principalOf(
        owner,
        storage.groups.ofUser(owner.id).map((group) => group.id),
        'system',
        hook.id,
      );
      return policy.appPrivileges(principal, app).includes('read');
    }
    return true;
  }

  private pump(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const { webhooks } = this.context.storage;
    for (const delivery of webhooks.duePending(new Date().toISOString())) {
      webhooks.recordAttempt(delivery.id, { ...delivery, nextAttemptAt: null });
      const attempt = this.attempt(delivery).finally(() => {
        this.inFlight.delete(attempt);
        this.pump();
      });
      this.inFlight.add(attempt);
    }
    this.timer = setTimeout(() => this.pump(), 500);
    this.timer.unref();
  }

  private async attempt(delivery: DeliveryRow): Promise<void> {
    const { webhooks } = this.context.storage;
    const hook = webhooks.get(delivery.webhookId);
    if (!hook) return;
    const payload = JSON.stringify(delivery.request.body);
    const headers: Record<string, string> = { ...delivery.request.headers };
    if (hook.secret)
      headers['Qlik-Signature'] = createHmac('sha256', hook.secret).update(payload).digest('hex');
    const attempts = delivery.attempts + 1;
    let response: DeliveryRow['response'] = null;
    let message: string;
    let ok = false;
    try {
      const answer = await fetch(delivery.request.url, {
        method: 'POST',
        headers,
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = (await answer.text()).slice(0, 4096);
      response = {
        statusCode: answer.status,
        headers: Object.fromEntries(answer.headers),
        body: text,
      };
      ok = answer.status >= 200 && answer.status < 300;
      message = `${answer.status} ${answer.statusText}`.trim();
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    const retry = this.retryDelays[attempts - 1];
    // A retry left pending at shutdown is sent after the next start.
    const giveUp = ok || retry === undefined;
    webhooks.recordAttempt(delivery.id, {
      status: ok ? 'success' : giveUp ? 'fail' : 'pending',
      statusMessage: `attempt ${attempts}: ${message}`,
      response,
      attempts,
      nextAttemptAt: giveUp ? null : new Date(Date.now() + retry).toISOString(),
    });
  }
}
