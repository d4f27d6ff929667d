import type { AppStore } from '@qlikit/engine';
import type { AccessPolicy } from '../access/AccessPolicy.js';
import type { Authenticator } from '../auth/Authenticator.js';
import type { TokenSigner } from '../auth/TokenSigner.js';
import type { Storage } from '../storage/Storage.js';

/** What the services share: storage, access rules, the engine's apps, token signing. */
export interface TenantContext {
  readonly tenantId: string;
  readonly storage: Storage;
  readonly policy: AccessPolicy;
  readonly engineApps: AppStore;
  readonly signer: TokenSigner;
  readonly authenticator: Authenticator;
  /** Secret that signs session and CSRF cookies. */
  readonly cookieSecret: string;
  /** Where everything lives on disk. */
  readonly dataDir: string;
}
