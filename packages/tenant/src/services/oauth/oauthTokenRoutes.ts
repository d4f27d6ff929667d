import { API_AUDIENCE, OAUTH_ISSUER } from '../../auth/Authenticator.js';
import { ApiError } from '../../server/ApiError.js';
import type { Call, RouteTable } from '../../routes/RouteTable.js';
import { newId } from '../../storage/newId.js';
import { link, selfWith } from '../links.js';
import type { TenantContext } from '../TenantContext.js';

/** Lifetime of an access token from the client-credentials flow, as Qlik Cloud's M2M tokens. */
const ACCESS_TOKEN_SECONDS = 6 * 60 * 60;

function invalidClient(detail: string): ApiError {
  return new ApiError(401, 'OAUTH-1', 'invalid_client', detail);
}

/**
 * `POST /oauth/token` (client credentials), `POST /oauth/revoke`, and the
 * oauth-tokens service. A client-credentials token acts as the user who
 * created the client (the tenant has no separate bot users) and is a JWT
 * this tenant signs; revoking it ends it at once.
 */
export function oauthTokenRoutes(routes: RouteTable, context: TenantContext): void {
  const { storage, signer, tenantId } = context;

  routes.addPublic('oauth.tokenOauth', ({ body }, call) => {
    const request = (body ?? {}) as Record<string, string | undefined>;
    const credentials = basicCredentials(call) ?? {
      id: request.client_id,
      secret: request.client_secret,
    };
    if (request.grant_type !== 'client_credentials')
      throw new ApiError(
        400,
        'OAUTH-2',
        'unsupported_grant_type',
        `The qlikit tenant issues tokens for grant_type client_credentials, not ${request.grant_type}`,
      );
    if (!credentials.id || !credentials.secret)
      throw invalidClient('client_id and client_secret are required');
    const client = storage.oauthClients.get(credentials.id);
    if (!client || !storage.oauthClients.verifySecret(client.id, credentials.secret))
      throw invalidClient('Unknown client or wrong secret');
    if (!(client.settings.allowedGrantTypes ?? []).includes('client_credentials'))
      throw new ApiError(
        400,
        'OAUTH-3',
        'unauthorized_client',
        'The client may not use client_credentials',
      );
    const owner = storage.users.get(client.ownerId);
    if (!owner || owner.status !== 'active')
      throw ApiError.forbidden("The client's user is disabled", 'OAUTH-4');
    const scope = request.scope ?? (client.settings.allowedScopes ?? []).join(' ');
    const issued = Math.floor(Date.now() / 1000);
    const id = newId();
    const expiresAt = new Date((issued + ACCESS_TOKEN_SECONDS) * 1000).toISOString();
    storage.oauthTokens.create({
      id,
      clientId: client.id,
      userId: owner.id,
      scope,
      createdAt: new Date(issued * 1000).toISOString(),
      expiresAt,
    });
    const accessToken = signer.sign({
      sub: owner.id,
      subType: 'user',
      tenantId,
      client_id: client.id,
      scope,
      jti: id,
      aud: API_AUDIENCE,
      iss: OAUTH_ISSUER,
      iat: issued,
      exp: issued + ACCESS_TOKEN_SECONDS,
    });
    return {
      access_token: accessToken,
      token_type: 'bearer' as const,
      expires_in: ACCESS_TOKEN_SECONDS,
      expires_at: expiresAt,
      scope,
    };
  });

  routes.addPublic('oauth.revokeOauth', ({ body }) => {
    const token = (body as { token?: string } | undefined)?.token;
    if (!token) throw ApiError.badRequest('token is required', 'OAUTH-5');
    const claims = signer.verify(token);
    if (claims?.iss === OAUTH_ISSUER) storage.oauthTokens.revoke(claims.jti);
    // RFC 7009: an unknown or already revoked token is answered as revoked.
    return {};
  });

  routes.add('oauth-tokens.listOauthTokens', (args, call) => {
    const userId = call.principal.isAdmin ? args.userId : call.principal.user.id;
    const limit = args.limit ?? 20;
    const offset = Number(args.page ?? 0) || 0;
    const rows = storage.oauthTokens.list({ userId, limit: limit + 1, offset });
    const links: { self: { href: string }; next?: { href: string } } = {
      self: link(call, call.request.url),
    };
    if (rows.length > limit) links.next = selfWith(call, { page: String(offset + limit) });
    return {
      data: rows.slice(0, limit).map((row) => ({
        id: row.id,
        userId: row.userId,
        tenantId,
        description: `client ${row.clientId}`,
      })),
      links,
    };
  });

  routes.add('oauth-tokens.deleteOauthToken', ({ tokenId }, call) => {
    const token = storage.oauthTokens.get(tokenId);
    if (!token || (!call.principal.isAdmin && token.userId !== call.principal.user.id))
      throw ApiError.notFound(`Token ${tokenId} not found`, 'OAUTH-TOKENS-404');
    storage.oauthTokens.revoke(tokenId);
    return undefined;
  });
}

/** Client credentials sent as HTTP Basic, as RFC 6749 allows. */
function basicCredentials(call: Call): { id?: string; secret?: string } | undefined {
  const header = call.request.headers.authorization;
  const encoded = header && /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}
