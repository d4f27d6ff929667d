import type { EngineErrorPayload } from '../errors/QixEngineError.js';

/** Any frame the engine sends: a response (with `id`), a notification (with `method`), or a bare change/close push. */
export interface JsonRpcMessage {
  readonly jsonrpc?: string;
  readonly id?: number;
  /** Result keys (named after the method's Out params); patch arrays when `delta` is true. */
  readonly result?: Record<string, unknown>;
  readonly error?: EngineErrorPayload;
  readonly delta?: boolean;
  /** Handles whose layout is now invalid. */
  readonly change?: readonly number[];
  /** Handles that no longer exist. */
  readonly close?: readonly number[];
  readonly method?: string;
  readonly params?: unknown;
}
