/** What an engine WebSocket URL asks for, read from Qlik's path forms. */
export interface EngineUrl {
  /** The app to open, or null for `/app/`, `/app/engineData` and URLs without an app part. */
  readonly appId: string | null;
  /** `/identity/<x>`: a separate session for the same user and app. */
  readonly identity: string;
  /** `/ttl/<n>`: seconds the session outlives its socket; 0 when absent. */
  readonly ttlSeconds: number;
  /** Qlik Cloud session apps (`/app/SessionApp_<x>`) exist only while their session lives. */
  readonly isSessionApp: boolean;
}

const NO_APP_IDS = new Set(['', 'engineData', 'enginedata']);

/** Reads `/app/<id>`, `/identity/<x>` and `/ttl/<n>` from a request path, ignoring any proxy prefix before them. */
export function parseEngineUrl(pathAndQuery: string): EngineUrl {
  const path = pathAndQuery.split('?')[0] ?? '';
  const parts = path.split('/').map(decodeSegment);
  let appId: string | null = null;
  let identity = '';
  let ttlSeconds = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1] ?? '';
    if (part === 'app') {
      appId = NO_APP_IDS.has(next) ? null : next;
      i++;
    } else if (part === 'identity') {
      identity = next;
      i++;
    } else if (part === 'ttl') {
      const seconds = Number(next);
      ttlSeconds = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
      i++;
    }
  }
  return { appId, identity, ttlSeconds, isSessionApp: appId?.startsWith('SessionApp_') ?? false };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
