import type { RestTransport } from '../core/Operation.js';

/** What every resource object holds: its id, the data the tenant last sent, and the client it acts through. */
export abstract class Resource<TDetails> {
  readonly id: string;
  /** The resource as last read from (or returned by) the tenant. */
  details: TDetails;
  protected readonly client: RestTransport;

  constructor(client: RestTransport, id: string, details: TDetails) {
    this.client = client;
    this.id = id;
    this.details = details;
  }
}
