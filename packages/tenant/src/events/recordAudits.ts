import type { TenantContext } from '../services/TenantContext.js';
import type { TenantEvents } from './TenantEvents.js';

/** Records every system event in the audit log. */
export function recordAudits(events: TenantEvents, context: TenantContext): () => void {
  return events.subscribe((event) => {
    context.storage.audits.add({
      id: event.eventID,
      eventType: event.eventType,
      eventTime: event.eventTime,
      source: event.resourceType === 'user' ? 'com.qlik/user-identity' : 'com.qlik/engine',
      userId: event.userId,
      resourceId: event.resourceId,
      spaceId: event.spaceId ?? null,
      data: { ...event.data, ...(event.ownerId ? { ownerId: event.ownerId } : {}) },
    });
  });
}
