import type { TenantEvent } from './TenantEvents.js';

/** One `attribute op "value"` term of a webhook filter. */
interface Term {
  readonly attribute: string;
  readonly negate: boolean;
  readonly value: string;
}

/** A filter as OR-ed groups of AND-ed terms. */
export type EventFilter = readonly (readonly Term[])[];

const ATTRIBUTES = new Set(['id', 'spaceId', 'topLevelResourceId', 'data.status']);

/**
 * Parses a webhook filter (the SCIM subset Qlik documents for webhooks):
 * `id`, `spaceId`, `topLevelResourceId` and `data.status` compared with `eq`
 * or `ne` to a JSON string, terms joined by `and` (binding tighter) and `or`.
 * Anything else throws with what it did not understand.
 */
export function parseEventFilter(filter: string): EventFilter {
  if (filter.trim() === '') return [];
  return filter.split(/\s+or\s+/i).map((group) =>
    group.split(/\s+and\s+/i).map((text) => {
      const match = /^\(?\s*([\w.]+)\s+(eq|ne)\s+("(?:[^"\\]|\\.)*")\s*\)?$/i.exec(text.trim());
      if (!match || !ATTRIBUTES.has(match[1]!))
        throw new Error(
          `Unsupported filter term "${text.trim()}": use id, spaceId, topLevelResourceId or data.status with eq or ne`,
        );
      return {
        attribute: match[1]!,
        negate: match[2]!.toLowerCase() === 'ne',
        value: JSON.parse(match[3]!) as string,
      };
    }),
  );
}

/** Whether an event passes a filter (an empty filter passes everything). */
export function matchesFilter(filter: EventFilter, event: TenantEvent): boolean {
  if (filter.length === 0) return true;
  return filter.some((group) =>
    group.every((term) => (valueOf(term.attribute, event) === term.value) !== term.negate),
  );
}

function valueOf(attribute: string, event: TenantEvent): string | undefined {
  switch (attribute) {
    case 'id':
    case 'topLevelResourceId':
      return event.resourceId;
    case 'spaceId':
      return event.spaceId;
    case 'data.status':
      return typeof event.data.status === 'string' ? event.data.status : undefined;
    default:
      return undefined;
  }
}
