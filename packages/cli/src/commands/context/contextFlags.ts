import type { OptionSpec } from '../../command/CommandSpec.js';
import type { GlobalOptions } from '../../context/GlobalOptions.js';
import { parseServerType } from '../../context/resolveTarget.js';
import type { SavedContext } from '../../context/SavedContext.js';

/** The flags `context create` and `context update` take besides the global --server, --api-key... */
export interface ContextFlags {
  readonly comment?: string;
  readonly oauthClientId?: string;
  readonly oauthClientSecret?: string;
}

/** Options of `context create` and `context update`. */
export const CONTEXT_OPTIONS: readonly OptionSpec[] = [
  { flags: '--comment <text>', description: 'Comment for the context' },
  {
    flags: '--oauth-client-id <id>',
    description: 'ID of an OAuth client (machine-to-machine) of the tenant',
  },
  {
    flags: '--oauth-client-secret <secret>',
    description: 'Secret of that OAuth client (kept in the 0600 secrets file)',
  },
];

/** Applies the given flags to a context (new or saved); flags not given keep what it had. */
export function applyContextFlags(
  base: Partial<SavedContext> & { readonly name: string },
  options: ContextFlags & GlobalOptions,
): SavedContext {
  const server = options.server ?? base.server ?? '';
  const merged = {
    ...base,
    server,
    comment: options.comment ?? base.comment,
    apiKey: options.apiKey ?? base.apiKey,
    oauthClientId: options.oauthClientId ?? base.oauthClientId,
    oauthClientSecret: options.oauthClientSecret ?? base.oauthClientSecret,
    headers: options.headers ? { ...base.headers, ...options.headers } : base.headers,
    insecure: options.insecure ?? base.insecure,
  };
  const hasCredentials = Boolean(merged.apiKey || merged.oauthClientId);
  return {
    ...merged,
    serverType: parseServerType(options.serverType ?? base.serverType, server, hasCredentials),
  };
}

/** A secret shown as its last four characters. */
export function masked(secret: string | undefined): string | undefined {
  return secret === undefined ? undefined : `****${secret.slice(-4)}`;
}
