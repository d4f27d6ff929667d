import type { AuthProvider } from './AuthProvider.js';

/**
 * Merges several providers into one: headers of later providers win, a failure
 * is offered to each, and the request is sent again if any of them recovered.
 */
export function combineAuth(...providers: readonly AuthProvider[]): AuthProvider {
  const credentials = providers.map((provider) => provider.credentials).find(Boolean);
  return {
    credentials,
    headers: async (request, context) => {
      const all = await Promise.all(
        providers.map((provider) => provider.headers(request, context)),
      );
      return Object.assign({}, ...all) as Record<string, string>;
    },
    recover: async (failure, context) => {
      const results = await Promise.all(
        providers.map((provider) => provider.recover?.(failure, context) ?? false),
      );
      return results.some(Boolean);
    },
  };
}
