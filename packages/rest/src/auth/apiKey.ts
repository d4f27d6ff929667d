import type { AuthProvider } from './AuthProvider.js';
import { QlikError } from '../errors/QlikError.js';

/** Authenticates with a Qlik Cloud API key sent as a Bearer token. */
export function apiKey(key: string): AuthProvider {
  if (!key) throw new QlikError('INVALID_ARGUMENT', 'apiKey: the key is empty');
  const headers = { authorization: `Bearer ${key}` };
  return { headers: () => headers };
}
