/** Options of {@link buildUrl}, as enigma.js's `sense-utilities` takes them. */
export interface BuildUrlOptions {
  /** Default 'localhost'. */
  readonly host?: string;
  readonly port?: number | string;
  /** wss (default true) or ws. */
  readonly secure?: boolean;
  /** Virtual proxy prefix. */
  readonly prefix?: string;
  readonly subpath?: string;
  /** Path used instead of `/app/<appId>` (default 'app/engineData' when there is no appId). */
  readonly route?: string;
  readonly appId?: string;
  /** `/identity/<x>`: a separate session for the same user. */
  readonly identity?: string;
  /** `/ttl/<n>`: keep the session that many seconds after the socket closes. */
  readonly ttl?: number;
  /**
   * Accepted as enigma.js accepts it, and like enigma.js it leaves the URL as
   * it is: open an app without data with OpenDoc's `qNoData`.
   */
  readonly noData?: boolean;
  /** Query string parameters. */
  readonly urlParams?: Readonly<
    Record<string, string | number | boolean | readonly (string | number | boolean)[]>
  >;
}

/** Builds the WebSocket URL of a Qlik Sense Enterprise / Desktop engine. The options are not changed. */
export function buildUrl(options: BuildUrlOptions): string {
  const { port, prefix, subpath, identity, ttl, appId, urlParams } = options;
  const route = options.route ?? (appId ? undefined : 'app/engineData');
  let url = `${options.secure === false ? 'ws' : 'wss'}://${options.host || 'localhost'}`;
  if (port) url += `:${port}`;
  if (prefix) url += `/${trimSlashes(prefix)}`;
  if (subpath) url += `/${trimSlashes(subpath)}`;
  if (route) url += `/${trimSlashes(route)}`;
  else if (appId) url += `/app/${encodeURIComponent(appId)}`;
  if (identity) url += `/identity/${encodeURIComponent(identity)}`;
  if (ttl) url += `/ttl/${ttl}`;
  if (urlParams) url += `?${toQueryString(urlParams)}`;
  return url;
}

/** Encodes query parameters; arrays repeat the key. */
export function toQueryString(params: BuildUrlOptions['urlParams'] & object): string {
  return Object.entries(params)
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map(
        (item) => `${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`,
      ),
    )
    .join('&');
}

function trimSlashes(path: string): string {
  return path.replace(/(^\/+)|(\/+$)/g, '');
}
