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
const KEY_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Makes sure the tenant has its first admin (a `TenantAdmin`) and a key for
 * it, as a new Qlik Cloud tenant has its owner. The key's record is kept;
 * every start signs a token for it (a key is its id: revoking it ends every
 * token), and a new record replaces one that no longer works.
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
    let key = storage.apiKeys.get(storage.settings.get(ADMIN_KEY_SETTING) ?? '');
    // A key someone revoked, deleted or let expire is replaced, so the printed key always works.
    const expired = key?.expiresAt != null && key.expiresAt <= new Date().toISOString();
    if (!key || key.status !== 'active' || expired) {
      key = storage.apiKeys.create({
        id: newId(),
        userId: user.id,
        createdBy: user.id,
        description: 'qlikit start (bootstrap key)',
        expiresAt: new Date(Date.now() + KEY_LIFETIME_MS).toISOString(),
      });
      storage.settings.set(ADMIN_KEY_SETTING, key.id);
    }
    return { user, apiKey: apiKeyToken(context.signer, key, context.tenantId), created };
  });
}
