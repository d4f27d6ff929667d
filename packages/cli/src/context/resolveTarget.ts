import { CliError, usageError } from '../errors/CliError.js';
import type { ContextStore } from './ContextStore.js';
import type { GlobalOptions } from './GlobalOptions.js';
import { SERVER_TYPES, type SavedContext, type ServerType } from './SavedContext.js';
import type { Target } from './Target.js';

/**
 * Decides which server a command talks to and with which credentials: flags
 * first, then QLIKIT_* environment variables, then the context (--context,
 * QLIKIT_CONTEXT, or the current one). A --server other than the context's
 * never receives the context's credentials.
 */
export function resolveTarget(
  options: GlobalOptions,
  store: ContextStore,
  env: Readonly<Record<string, string | undefined>>,
): Target {
  const contextName = options.context ?? env.QLIKIT_CONTEXT ?? store.currentName;
  const saved = contextName === undefined ? undefined : store.require(contextName);
  const serverFlag = options.server ?? env.QLIKIT_SERVER;
  const fromContext = saved && (serverFlag === undefined || sameServer(serverFlag, saved.server));
  const context: Partial<SavedContext> = fromContext ? saved : {};
  const server = serverFlag ?? context.server;
  if (!server) {
    throw new CliError(
      'NO_SERVER',
      'No server to talk to: no --server, and no context is in use.',
      {
        hint: 'Create a context with `qlikit context create <name> --server <url> --api-key <key>`, or pass --server.',
        exitCode: 2,
      },
    );
  }
  const apiKey = options.apiKey ?? env.QLIKIT_API_KEY ?? context.apiKey;
  const oauth =
    context.oauthClientId && context.oauthClientSecret
      ? { clientId: context.oauthClientId, clientSecret: context.oauthClientSecret }
      : undefined;
  const serverType = parseServerType(
    options.serverType ?? context.serverType,
    server,
    Boolean(apiKey || oauth),
  );
  return {
    contextName: fromContext ? saved.name : undefined,
    server: normalizeServer(server, serverType),
    serverType,
    apiKey,
    oauth: apiKey ? undefined : oauth,
    headers: { ...context.headers, ...options.headers },
    insecure: options.insecure ?? context.insecure ?? false,
  };
}

/** Reads `--server-type`; without it, ws(s):// means an engine, http(s):// a tenant, and a bare host a tenant only with credentials. */
export function parseServerType(
  value: string | undefined,
  server: string,
  hasCredentials: boolean,
): ServerType {
  if (value !== undefined) {
    if ((SERVER_TYPES as readonly string[]).includes(value)) return value as ServerType;
    throw usageError(
      `--server-type ${value} is not supported.`,
      `Use one of: ${SERVER_TYPES.join(', ')} (Qlik Sense Enterprise on Windows is not supported).`,
    );
  }
  const scheme = /^([a-z]+):\/\//i.exec(server)?.[1]?.toLowerCase();
  if (scheme === 'ws' || scheme === 'wss') return 'engine';
  if (scheme === 'http' || scheme === 'https') return 'cloud';
  return hasCredentials ? 'cloud' : 'engine';
}

/** A server as a URL: a bare host gets ws:// for an engine, https:// for a tenant (http:// on this machine). */
export function normalizeServer(server: string, serverType: ServerType): URL {
  let text = server.trim();
  if (!/^[a-z]+:\/\//i.test(text)) {
    const local = /^(localhost|127\.|\[::1\])/i.test(text);
    text = `${serverType === 'engine' ? 'ws' : local ? 'http' : 'https'}://${text}`;
  }
  try {
    return new URL(text);
  } catch {
    throw usageError(
      `'${server}' is not a server address.`,
      'Pass a URL such as https://tenant.eu.qlikcloud.com or ws://localhost:9076.',
    );
  }
}

function sameServer(a: string, b: string): boolean {
  const strip = (text: string) =>
    text
      .trim()
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/\/+$/, '')
      .toLowerCase();
  return strip(a) === strip(b);
}
