import type { AuthFunction, AuthProvider } from './AuthProvider.js';

/** Authenticates with your own function from request to headers (e.g. a signed JWT per call). */
export function customAuth(
  headers: AuthFunction,
  options: { credentials?: RequestCredentials; recover?: AuthProvider['recover'] } = {},
): AuthProvider {
  return { headers: (request) => headers(request), ...options };
}
