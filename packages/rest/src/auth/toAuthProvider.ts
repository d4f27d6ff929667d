import type { AuthOption, AuthProvider } from './AuthProvider.js';
import { apiKey } from './apiKey.js';
import { customAuth } from './customAuth.js';

const anonymous: AuthProvider = { headers: () => ({}) };

/** Normalises the `auth` option: a string is an API key, a function a custom provider, nothing is anonymous. */
export function toAuthProvider(auth: AuthOption | undefined): AuthProvider {
  if (auth === undefined) return anonymous;
  if (typeof auth === 'string') return apiKey(auth);
  if (typeof auth === 'function') return customAuth(auth);
  return auth;
}
