import type { UserRow } from '../storage/UsersTable.js';

/** How a caller proved who it is; `system` is the tenant acting for a user (scheduled reloads, scripts). */
export type CredentialKind = 'api-key' | 'oauth' | 'session' | 'system';

/** The authenticated caller of a request or engine socket. */
export interface Principal {
  readonly user: UserRow;
  /** Groups the user belongs to, for space assignments to groups. */
  readonly groupIds: readonly string[];
  readonly via: CredentialKind;
  /** The API key, OAuth token or session id used. */
  readonly credentialId: string;
  /** Holds the `TenantAdmin` role. */
  readonly isAdmin: boolean;
}
