import type { FastifyPluginAsync } from 'fastify';
import type { WebhookOptions } from './jobs/WebhookDispatcher.js';
import type { RateLimitOptions } from './server/RateLimiter.js';

/** A fastify plugin the tenant registers beside its API (the hub's pages, for one). */
export interface TenantPlugin {
  readonly plugin: FastifyPluginAsync<Record<string, unknown>>;
  readonly options?: Record<string, unknown>;
}

/** Options of `startTenant`. */
export interface StartTenantOptions {
  /** TCP port; 0 picks a free one. */
  readonly port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  readonly host?: string;
  /** Where the database, apps and files live; created when missing. */
  readonly dataDir: string;
  /** Per-user rate limits of the spec's tiers; `false` switches them off. */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * Size limits in bytes: JSON bodies (10 MiB by default), one upload (2 GiB),
   * and all the data files one user owns (no limit by default); past them, 413.
   */
  readonly limits?: {
    readonly jsonBody?: number;
    readonly upload?: number;
    readonly dataFiles?: number;
  };
  /** Origins allowed to call the API from a browser page of another origin (CORS). */
  readonly corsOrigins?: readonly string[];
  /** Extra fastify plugins, registered after the API (e.g. the hub's static pages at `/`). */
  readonly plugins?: readonly TenantPlugin[];
  /** Reloads the queue runs at once (one per app at a time); 2 by default. */
  readonly reloadConcurrency?: number;
  /** Webhook delivery: retry waits and the time an attempt may take. */
  readonly webhooks?: WebhookOptions;
  /** Fastify's request log; off by default. */
  readonly logger?: boolean;
}
