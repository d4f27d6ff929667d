import type { AppStore } from '@qlikit/engine';
import type { AccessPolicy } from '../access/AccessPolicy.js';
import type { Authenticator } from '../auth/Authenticator.js';
import type { TokenSigner } from '../auth/TokenSigner.js';
import type { TenantEvents } from '../events/TenantEvents.js';
import type { DataFileFolders } from '../files/DataFileFolders.js';
import type { TempContentStore } from '../files/TempContentStore.js';
import type { UploadSpool } from '../files/UploadSpool.js';
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
  /** Where uploads are streamed before they commit. */
  readonly spool: UploadSpool;
  /** The data files' directories. */
  readonly folders: DataFileFolders;
  /** Temporary contents (uploads, exports). */
  readonly tempContents: TempContentStore;
  /** System events: services emit, webhooks and audits listen. */
  readonly events: TenantEvents;
}
