import { toQueryString } from './buildUrl.js';

/** Options of {@link buildCloudUrl}. */
export interface BuildCloudUrlOptions {
  /** Tenant host, e.g. `your-tenant.eu.qlikcloud.com` (a scheme, if given, is ignored). */
  readonly tenant: string;
  /** App id; a session app id (`SessionApp_<random>`) opens a session app. */
  readonly appId: string;
  /** `/identity/<x>`: a separate engine session for the same user. */
  readonly identity?: string;
  /** `/ttl/<n>`: keep the session alive that many seconds after the socket closes. */
  readonly ttl?: number;
  /** Browser auth with a web integration: the id of the integration allowing this origin. */
  readonly webIntegrationId?: string;
  /** Browser auth with cookies: the token from `GET /api/v1/csrf-token` (header `qlik-csrf-token`). */
  readonly csrfToken?: string;
  /** Browser auth with OAuth/API tokens: a temporary `websocket` access token. */
  readonly accessToken?: string;
  /** Where the engine reloads the app from (the Sense client sends `<tenant>/sense/app/<id>`). */
  readonly reloadUri?: string;
  /** Engine workload type, e.g. `interactive-reload`. */
  readonly workloadType?: string;
  /** More query parameters. */
  readonly urlParams?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Builds the engine WebSocket URL of an app on Qlik Cloud:
 * `wss://<tenant>/app/<appId>[/identity/<x>][/ttl/<n>]?…`. Browsers cannot set
 * headers on a WebSocket, so their credentials go in the query string
 * (`qlik-web-integration-id`, `qlik-csrf-token`, or `accessToken`); from
 * Node, send `Authorization: Bearer <api key>` through `createSocket` instead.
 */
export function buildCloudUrl(options: BuildCloudUrlOptions): string {
  const tenant = options.tenant.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  let url = `wss://${tenant}/app/${encodeURIComponent(options.appId)}`;
  if (options.identity) url += `/identity/${encodeURIComponent(options.identity)}`;
  if (options.ttl !== undefined) url += `/ttl/${options.ttl}`;
  const params: Record<string, string | number | boolean> = {};
  if (options.reloadUri) params.reloadUri = options.reloadUri;
  if (options.workloadType) params.workloadType = options.workloadType;
  if (options.webIntegrationId) params['qlik-web-integration-id'] = options.webIntegrationId;
  if (options.csrfToken) params['qlik-csrf-token'] = options.csrfToken;
  if (options.accessToken) params.accessToken = options.accessToken;
  Object.assign(params, options.urlParams);
  const query = toQueryString(params);
  return query ? `${url}?${query}` : url;
}
