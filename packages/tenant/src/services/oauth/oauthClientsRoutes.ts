import { randomBytes } from 'node:crypto';
import { ApiError } from '../../server/ApiError.js';
import type { Call, RouteTable } from '../../routes/RouteTable.js';
import type { OAuthClientRow, OAuthClientSettings } from '../../storage/OAuthClientsTable.js';
import { cursorLinks, link } from '../links.js';
import { pageArray } from '../pageArray.js';
import type { TenantContext } from '../TenantContext.js';
import { requireAdmin } from '../users/usersRoutes.js';

/** A new client secret: 64 hex digits, shown once. */
function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** The oauth-clients service (tenant admins): clients, their secrets, publishing. */
export function oauthClientsRoutes(routes: RouteTable, context: TenantContext): void {
  const { storage, tenantId } = context;

  const show = (client: OAuthClientRow, call: Call) => ({
    clientId: client.id,
    clientName: client.name,
    description: client.description,
    appType: client.appType,
    ownerId: client.ownerId,
    tenantId,
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
    ...(client.publishedAt ? { publishedAt: client.publishedAt } : {}),
    createdByType: 'user',
    redirectUris: client.settings.redirectUris ?? [],
    allowedOrigins: client.settings.allowedOrigins ?? [],
    allowedScopes: client.settings.allowedScopes ?? [],
    allowedGrantTypes: client.settings.allowedGrantTypes ?? [],
    allowedAuthMethods: client.settings.allowedAuthMethods ?? ['client_secret'],
    ...(client.settings.logoUri ? { logoUri: client.settings.logoUri } : {}),
    ...(client.settings.clientUri ? { clientUri: client.settings.clientUri } : {}),
    clientSecrets: storage.oauthClients.secrets(client.id),
    links: { self: link(call, `/api/v1/oauth-clients/${client.id}`) },
  });
  const find = (id: string): OAuthClientRow => {
    const client = storage.oauthClients.get(id);
    if (!client) throw ApiError.notFound(`OAuth client ${id} not found`, 'OAUTH-CLIENTS-404');
    return client;
  };

  routes.add('oauth-clients.listOauthClients', (args, call) => {
    requireAdmin(call.principal);
    const all = storage.oauthClients.all();
    const page = pageArray(all, args.limit ?? 20, args.next, args.prev);
    return {
      data: page.items.map((client) => show(client, call)),
      links: cursorLinks(call, page),
      ...(args.totalResults ? { totalResults: all.length } : {}),
    };
  });

  routes.add('oauth-clients.createOauthClient', ({ body }, call) => {
    requireAdmin(call.principal);
    if (body.allowedGrantTypes?.length && body.appType !== 'web')
      throw ApiError.badRequest('allowedGrantTypes are only for appType web', 'OAUTH-CLIENTS-400');
    const settings: OAuthClientSettings = {
      redirectUris: body.redirectUris,
      allowedOrigins: body.allowedOrigins,
      allowedScopes: body.allowedScopes,
      allowedGrantTypes: body.allowedGrantTypes,
      allowedAuthMethods: body.allowedAuthMethods,
      logoUri: body.logoUri,
      clientUri: body.clientUri,
    };
    const client = storage.oauthClients.create({
      id: randomBytes(16).toString('hex'),
      name: body.clientName,
      description: body.description ?? '',
      appType: body.appType,
      ownerId: call.principal.user.id,
      settings,
    });
    const secret = newSecret();
    storage.oauthClients.addSecret(client.id, secret, call.principal.user.id);
    return { ...show(client, call), clientSecret: secret };
  });

  routes.add('oauth-clients.getOauthClient', ({ id }, call) => {
    requireAdmin(call.principal);
    return show(find(id), call);
  });

  routes.add('oauth-clients.patchOauthClient', ({ id, body }, call) => {
    requireAdmin(call.principal);
    const client = find(id);
    let name = client.name;
    let description = client.description;
    const settings: Record<string, unknown> = { ...client.settings };
    for (const patch of body) {
      const field = patch.path.slice(1);
      if (field === 'clientName') name = String(patch.value ?? '');
      else if (field === 'description') description = String(patch.value ?? '');
      else if (patch.op === 'remove') delete settings[field];
      else settings[field] = patch.value;
    }
    storage.oauthClients.update(id, {
      name,
      description,
      settings: settings as OAuthClientSettings,
    });
    // Adding client_secret to a client without a secret generates one: 202 with it, else 204.
    const methods = (settings.allowedAuthMethods as string[] | undefined) ?? ['client_secret'];
    if (methods.includes('client_secret') && storage.oauthClients.secrets(id).length === 0) {
      const secret = newSecret();
      storage.oauthClients.addSecret(id, secret, call.principal.user.id);
      return call.reply.code(202).send({ clientSecret: secret });
    }
    return call.reply.code(204).send();
  });

  routes.add('oauth-clients.deleteOauthClient', ({ id }, call) => {
    requireAdmin(call.principal);
    if (!storage.oauthClients.delete(id))
      throw ApiError.notFound(`OAuth client ${id} not found`, 'OAUTH-CLIENTS-404');
    return undefined;
  });

  routes.add('oauth-clients.publishOauthClient', ({ id }, call) => {
    requireAdmin(call.principal);
    find(id);
    const client = storage.oauthClients.update(id, { publishedAt: new Date().toISOString() })!;
    return { clientId: client.id, publishedAt: client.publishedAt! };
  });

  routes.add('oauth-clients.createOauthClientClientSecret', ({ id }, call) => {
    requireAdmin(call.principal);
    find(id);
    if (storage.oauthClients.secrets(id).length >= 2)
      throw ApiError.badRequest(
        'A client holds at most two secrets; delete one first',
        'OAUTH-CLIENTS-400',
      );
    const secret = newSecret();
    const hint = storage.oauthClients.addSecret(id, secret, call.principal.user.id);
    return {
      clientId: id,
      clientSecret: secret,
      hint: hint.hint,
      createdAt: hint.createdAt,
      createdBy: hint.createdBy,
    };
  });

  routes.add('oauth-clients.deleteOauthClientClientSecret', ({ id, hint }, call) => {
    requireAdmin(call.principal);
    if (!storage.oauthClients.removeSecret(id, hint))
      throw ApiError.notFound(`No secret ${hint} on client ${id}`, 'OAUTH-CLIENTS-404');
    return undefined;
  });
}
