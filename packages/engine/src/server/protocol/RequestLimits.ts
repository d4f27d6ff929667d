import { DEFAULT_JSON_LIMITS, type JsonLimits } from '../../app/checkJsonLimits.js';

/** How large and deep a request may be; anything beyond is refused before any work is done. */
export interface RequestLimits extends JsonLimits {
  /** Bytes of one WebSocket frame. */
  readonly maxFrameBytes: number;
}

/** The limits an engine applies unless `startEngine({ limits })` says otherwise. */
export const DEFAULT_LIMITS: RequestLimits = {
  ...DEFAULT_JSON_LIMITS,
  maxFrameBytes: 64 * 1024 * 1024,
};
