import type { AuthProvider } from './AuthProvider.js';

/** Where a ready access token comes from: the token, or a function that returns the current one. */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * Authenticates with an access token obtained elsewhere. With a getter, a 401
 * asks it again and retries once if it hands out a different token.
 */
export function accessToken(source: TokenSource): AuthProvider {
  const current = async () => (typeof source === 'string' ? source : await source());
  return {
    headers: async () => ({ authorization: `Bearer ${await current()}` }),
    recover: async ({ response, sentHeaders }) => {
      if (typeof source === 'string' || response.status !== 401) return false;
      return `Bearer ${await current()}` !== sentHeaders.authorization;
    },
  };
}
