import type { ApiKey, ApiKeysConfig } from '@qlikit/rest/services/api-keys';
import { apiKeyToken } from '../../auth/apiKeyToken.js';
import type { Principal } from '../../auth/Principal.js';
import { ApiError } from '../../server/ApiError.js';
import type { RouteTable } from '../../routes/RouteTable.js';
import type { ApiKeyRow } from '../../storage/ApiKeysTable.js';
import { newId } from '../../storage/newId.js';
import { link, selfWith } from '../links.js';
import { parseIsoDuration } from '../isoDuration.js';
import type { TenantContext } from '../TenantContext.js';
import { requireAdmin } from '../users/usersRoutes.js';

const CONFIG_SETTING = 'apiKeysConfig';
const DEFAULT_CONFIG: Required<Pick<ApiKeysConfig, 'max_keys_per_user' | 'max_api_key_expiry'>> = {
  max_keys_per_user: 5,
  max_api_key_expiry: 'P365D',
};

/**
 * The api-keys service: users with the Developer role issue keys for
 * themselves (admins for anyone); the key is a JWT this tenant signs, shown
 * once at creation. Deleting a key ends it at once, as does revoking it.
 */
export function apiKeysRoutes(routes: RouteTable, context: TenantContext): void {
  const { storage, tenantId, signer } = context;
  const config = (): ApiKeysConfig => ({
    ...DEFAULT_CONFIG,
    ...(JSON.parse(storage.settings.get(CONFIG_SETTING) ?? '{}') as ApiKeysConfig),
  });

  const show = (key: ApiKeyRow): ApiKey => ({
    id: key.id,
    tenantId,
    description: key.description,
    sub: key.userId,
    subType: 'user',
    status:
      key.status === 'revoked'
        ? 'revoked'
        : key.expiresAt && key.expiresAt <= new Date().toISOString()
          ? 'expired'
          : 'active',
    expiry: key.expiresAt ?? '',
    created: key.createdAt,
    lastUpdated: key.updatedAt,
    createdByUser: key.createdBy,
  });

  const visibleKey = (id: string, principal: Principal): ApiKeyRow => {
    const key = storage.apiKeys.get(id);
    if (!key || (!principal.isAdmin && key.userId !== principal.user.id))
      throw ApiError.notFound(`API key ${id} not found`, 'APIKEYS-404');
    return key;
  };

  routes.add('api-keys.listApiKeys', (args, call) => {
    const principal = call.principal;
    const sub = principal.isAdmin ? args.sub : principal.user.id;
    if (args.startingAfter && args.endingBefore)
      throw ApiError.badRequest('Give startingAfter or endingBefore, not both', 'APIKEYS-400');
    const keys = storage.apiKeys
      .list({ userId: sub, createdBy: args.createdByUser })
      .map((key) => ({ key, shown: show(key) }))
      .filter(({ shown }) => !args.status || shown.status === args.status);
    sortKeys(keys, args.sort ?? '-created');
    const limit = args.limit ?? 20;
    let start = 0;
    if (args.startingAfter) start = keys.findIndex(({ key }) => key.id === args.startingAfter) + 1;
    if (args.endingBefore)
      start = Math.max(0, keys.findIndex(({ key }) => key.id === args.endingBefore) - limit);
    const page = keys.slice(start, start + limit);
    const links: { self: { href: string }; next?: { href: string }; prev?: { href: string } } = {
      self: link(call, call.request.url),
    };
    if (start + limit < keys.length)
      links.next = selfWith(call, {
        startingAfter: page[page.length - 1]!.key.id,
        endingBefore: undefined,
      });
    if (start > 0)
      links.prev = selfWith(call, { endingBefore: page[0]!.key.id, startingAfter: undefined });
    return { data: page.map(({ shown }) => shown), links };
  });

  routes.add('api-keys.createApiKey', ({ body }, call) => {
    const principal = call.principal;
    if (!principal.isAdmin && !principal.user.roles.includes('Developer'))
      throw ApiError.forbidden('Creating API keys needs the Developer role', 'APIKEYS-403');
    if (body.subType === 'externalClient')
      throw ApiError.badRequest(
        'SCIM externalClient keys are not supported by the qlikit tenant',
        'APIKEYS-400',
      );
    const userId = body.sub ?? principal.user.id;
    if (userId !== principal.user.id) requireAdmin(principal);
    if (!storage.users.get(userId))
      throw ApiError.badRequest(`User ${userId} not found`, 'APIKEYS-400');
    const settings = config();
    const active = storage.apiKeys
      .list({ userId, status: 'active' })
      .filter((key) => show(key).status === 'active');
    if (active.length >= (settings.max_keys_per_user ?? DEFAULT_CONFIG.max_keys_per_user))
      throw ApiError.badRequest(`User ${userId} has the most active keys allowed`, 'APIKEYS-400');
    const maxMs = parseIsoDuration(
      settings.max_api_key_expiry ?? DEFAULT_CONFIG.max_api_key_expiry,
    );
    const lifetime = body.expiry ? parseIsoDuration(body.expiry) : maxMs;
    if (lifetime > maxMs || lifetime <= 0)
      throw ApiError.badRequest(
        `expiry must be positive and at most ${settings.max_api_key_expiry}`,
        'APIKEYS-400',
      );
    const key = storage.apiKeys.create({
      id: newId(),
      userId,
      createdBy: principal.user.id,
      description: body.description,
      expiresAt: new Date(Date.now() + lifetime).toISOString(),
    });
    return { ...show(key), subType: 'user' as const, token: apiKeyToken(signer, key, tenantId) };
  });

  routes.add('api-keys.getApiKey', ({ id }, call) => show(visibleKey(id, call.principal)));

  routes.add('api-keys.patchApiKey', ({ id, body }, call) => {
    const key = visibleKey(id, call.principal);
    for (const patch of body) storage.apiKeys.describe(key.id, patch.value);
    return undefined;
  });

  routes.add('api-keys.deleteApiKey', ({ id }, call) => {
    const key = visibleKey(id, call.principal);
    // The owner's delete removes the key; an admin's revokes it (the record stays, as on Qlik Cloud).
    if (key.userId === call.principal.user.id) storage.apiKeys.delete(key.id);
    else storage.apiKeys.revoke(key.id);
    return undefined;
  });

  routes.add('api-keys.getApiKeysConfig', ({ tenantId: asked }, call) => {
    requireAdmin(call.principal);
    if (asked !== tenantId) throw ApiError.notFound(`Tenant ${asked} not found`, 'APIKEYS-404');
    return config();
  });

  routes.add('api-keys.patchApiKeysConfig', ({ tenantId: asked, body }, call) => {
    requireAdmin(call.principal);
    if (asked !== tenantId) throw ApiError.notFound(`Tenant ${asked} not found`, 'APIKEYS-404');
    const next: Record<string, unknown> = { ...config() };
    for (const patch of body) {
      const name = patch.path.replace(/^\//, '');
      if (name === 'max_api_key_expiry') parseIsoDuration(String(patch.value));
      next[name] = patch.value;
    }
    storage.settings.set(CONFIG_SETTING, JSON.stringify(next));
    return undefined;
  });
}

function sortKeys(keys: Array<{ shown: ApiKey }>, sort: string): void {
  const field = sort.replace(/^[+-]/, '') as keyof ApiKey;
  const descending = sort.startsWith('-');
  keys.sort((a, b) => {
    const x = String(a.shown[field] ?? '');
    const y = String(b.shown[field] ?? '');
    return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
  });
}
