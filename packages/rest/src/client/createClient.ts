import type { ClientOptions } from './ClientOptions.js';
import { RestClient } from './RestClient.js';

/** The client `createClient` returns: the transport (request/paginate/download) and its limiter. */
export type QlikClient = RestClient;

/** Creates a Qlik Cloud REST client for one tenant and one set of credentials. */
export function createClient(options: ClientOptions): QlikClient {
  return new RestClient(options);
}
