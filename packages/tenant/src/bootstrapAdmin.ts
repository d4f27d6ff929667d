import { apiKeyToken } from './auth/apiKeyToken.js';
import type { TenantContext } from './services/TenantContext.js';
import { newId } from './storage/newId.js';
import type { UserRow } from './storage/UsersTable.js';

/** The admin user and an API key for it. */
export interface Bootstrap {
  readonly user: UserRow;
  /** A JWT of the admin's bootstrap key (a new token for the same key at each start). */
  readonly apiKey: string;
  /** True when this start created the admin. */
  readonly created: boolean;
}

const ADMIN_SUBJECT = 'qlikit|admin';
const ADMIN_KEY_SETTING = 'adminApiKeyId';

/**
 * Makes sure the tenant has its first admin (a `TenantAdmin`) and a key for
 * it, as a new Qlik Cloud tenant has its owner. The key's record is created
 * once; every start signs a token for it, which revoking the key ends.
 */
export function bootstrapAdmin(context: TenantContext): Bootstrap {
  const { storage } = context;
  return storage.transaction(() => {
    let user = storage.users.findBySubject(ADMIN_SUBJECT);
    const created = !user;
    user ??= storage.users.create({
      subject: ADMIN_SUBJECT,
      name: 'Admin',
      email: 'admin@qlikit.local',
      roles: [
        'TenantAdmin',
        'SharedSpaceCreator',
        'ManagedSpaceCreator',
        'DataSpaceCreator',
        'Developer',
      ],
    });
    const keyId = storage.settings.getOrCreate(ADMIN_KEY_SETTING, () => {
      const id = newId();
      storage.apiKeys.create({
        id,
        userId: user.id,
        description: 'qlikit start (bootstrap key)',
        expiresAt: null,
      });
      return id;
    });
    const key = storage.apiKeys.get(keyId)!;
    return { user, apiKey: apiKeyToken(context.signer, key, context.tenantId), created };
  });
}
