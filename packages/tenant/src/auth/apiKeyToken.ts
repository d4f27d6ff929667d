import type { ApiKeyRow } from '../storage/ApiKeysTable.js';
import { API_AUDIENCE, API_KEY_ISSUER } from './Authenticator.js';
import type { TokenSigner } from './TokenSigner.js';

/**
 * The JWT of an API key, with the claims Qlik Cloud's keys carry. The key is
 * never stored: any token signed for the key's id is the key, and revoking
 * the id ends them all.
 */
export function apiKeyToken(signer: TokenSigner, key: ApiKeyRow, tenantId: string): string {
  const claims: Parameters<TokenSigner['sign']>[0] = {
    sub: key.userId,
    subType: 'user',
    tenantId,
    jti: key.id,
    aud: API_AUDIENCE,
    iss: API_KEY_ISSUER,
    iat: Math.floor(Date.parse(key.createdAt) / 1000),
    ...(key.expiresAt ? { exp: Math.floor(Date.parse(key.expiresAt) / 1000) } : {}),
  };
  return signer.sign(claims);
}
