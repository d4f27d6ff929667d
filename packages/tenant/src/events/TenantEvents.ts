import { randomUUID } from 'node:crypto';

/** The system event types the tenant emits, by Qlik Cloud's names (webhooks subscribe to these). */
export const EVENT_TYPES = {
  'com.qlik.v1.app.created': 'App created',
  'com.qlik.v1.app.deleted': 'App deleted',
  'com.qlik.v1.app.data.updated': 'App data updated',
  'com.qlik.v1.app.reload.finished': 'App reload finished',
  'com.qlik.v1.app.published': 'App published',
  'com.qlik.v1.app.exported': 'App exported',
  'com.qlik.v1.user.created': 'User created',
  'com.qlik.v1.user.deleted': 'User deleted',
} as const;

/** A system event type. */
export type EventType = keyof typeof EVENT_TYPES;

/** A system event, as webhooks deliver it (CloudEvents 0.1, Qlik's envelope) and audits record it. */
export interface TenantEvent {
  readonly eventID: string;
  readonly eventType: EventType;
  readonly eventTime: string;
  /** The user who caused it. */
  readonly userId: string;
  /** The resource it is about. */
  readonly resourceId: string;
  readonly resourceType: 'app' | 'user';
  /** The resource's space, when it has one. */
  readonly spaceId?: string;
  /** The resource's owner, when it has one. */
  readonly ownerId?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Listens to the tenant's events. */
export type EventListener = (event: TenantEvent) => void;

/** The tenant's event bus: services emit, webhooks and audits listen. */
export class TenantEvents {
  private readonly listeners = new Set<EventListener>();

  /** Calls `listener` with every event from now on; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Emits an event (a listener's failure never reaches the emitter). */
  emit(event: Omit<TenantEvent, 'eventID' | 'eventTime'>): void {
    const full: TenantEvent = {
      ...event,
      eventID: randomUUID(),
      eventTime: new Date().toISOString(),
    };
    for (const listener of this.listeners) {
      try {
        listener(full);
      } catch {
        // A listener that throws must not fail the request that emitted.
      }
    }
  }
}
