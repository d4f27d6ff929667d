import { serviceFactories, type RestServices } from '../generated/services/index.js';
import type { ClientOptions } from './ClientOptions.js';
import { RestClient } from './RestClient.js';

/** The client `createClient` returns: the transport (request/paginate/download) plus one accessor per service. */
export type QlikClient = RestClient & RestServices;

/**
 * A `RestClient` whose service accessors (`client.apps`, `client.items`...) are
 * getters on the prototype, each service built on first use and then kept.
 */
class ServiceClient extends RestClient {
  readonly #services = new Map<keyof RestServices, unknown>();

  /** The service object for one accessor, created once per client. */
  service<K extends keyof RestServices>(name: K): RestServices[K] {
    let service = this.#services.get(name) as RestServices[K] | undefined;
    if (!service) {
      service = serviceFactories[name](this);
      this.#services.set(name, service);
    }
    return service;
  }
}

for (const name of Object.keys(serviceFactories) as (keyof RestServices)[]) {
  Object.defineProperty(ServiceClient.prototype, name, {
    get(this: ServiceClient) {
      return this.service(name);
    },
    enumerable: false,
    configurable: true,
  });
}

/** Creates a Qlik Cloud REST client for one tenant and one set of credentials. */
export function createClient(options: ClientOptions): QlikClient {
  return new ServiceClient(options) as ServiceClient & RestServices;
}
