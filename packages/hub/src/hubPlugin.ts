import type { FastifyPluginAsync } from 'fastify';
import { FileCache } from './FileCache.js';
import { HUB_ASSETS_DIR, HUB_FILES, readHubAsset } from './hubAssets.js';

/** Options of the hub's plugin. */
export interface HubPluginOptions {
  /** The tenant's web integration id the page sends with its REST calls and engine sockets. */
  readonly webIntegrationId: string;
  /** Where the built page is (this package's `dist/www/` by default). */
  readonly assetsDir?: string;
}

/**
 * The hub as a fastify plugin for the tenant: `GET /` serves the page,
 * `/hub.js` and `/hub.css` its code. Everything else it leaves to the tenant.
 */
export function hubPlugin(options: HubPluginOptions): {
  plugin: FastifyPluginAsync<Record<string, unknown>>;
  options: Record<string, unknown>;
} {
  const dir = options.assetsDir ?? HUB_ASSETS_DIR;
  // The script is megabytes: each request reads it from memory, from disk only after a rebuild.
  const files = new FileCache();
  const plugin: FastifyPluginAsync<Record<string, unknown>> = async (app) => {
    for (const path of ['/', '/index.html', ...HUB_FILES]) {
      app.get(path, async (request, reply) => {
        const asset = await readHubAsset(
          path,
          options.webIntegrationId,
          dir,
          request.headers['accept-encoding'],
          files,
        );
        if (!asset) return reply.code(404).send();
        // no-cache: the browser revalidates, and an unchanged build answers 304 without a body.
        reply.header('cache-control', 'no-cache').header('vary', 'accept-encoding');
        if (asset.etag) {
          reply.header('etag', asset.etag);
          if (matches(request.headers['if-none-match'], asset.etag)) return reply.code(304).send();
        }
        if (asset.encoding) reply.header('content-encoding', asset.encoding);
        return reply.header('content-type', asset.contentType).send(asset.body);
      });
    }
  };
  return { plugin, options: {} };
}

/** Whether an If-None-Match header (a list of validators, or `*`) names `etag`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((validator) => {
    const trimmed = validator.trim();
    return trimmed === '*' || trimmed === etag;
  });
}
