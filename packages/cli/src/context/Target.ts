import type { ServerType } from './SavedContext.js';

/** Everything needed to reach one server, resolved from flags, environment and the context. */
export interface Target {
  /** The context it came from, if any. */
  readonly contextName?: string;
  /** http(s):// for a tenant, ws(s):// for a bare engine. */
  readonly server: URL;
  readonly serverType: ServerType;
  readonly apiKey?: string;
  readonly oauth?: { readonly clientId: string; readonly clientSecret: string };
  /** Extra headers for every request and socket. */
  readonly headers: Readonly<Record<string, string>>;
  /** Accept self-signed certificates. */
  readonly insecure: boolean;
}
