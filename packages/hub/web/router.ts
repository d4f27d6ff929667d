/** A route of the hub: the page name and its parameters, read from `location.hash`. */
export type Route =
  | { readonly page: 'signin' }
  | { readonly page: 'apps' }
  | { readonly page: 'app'; readonly appId: string }
  | { readonly page: 'sheet'; readonly appId: string; readonly sheetId: string }
  | { readonly page: 'script'; readonly appId: string }
  | { readonly page: 'model'; readonly appId: string };

/** The route of a hash such as `#/app/flights/sheet/s1`; unknown hashes are the app list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'signin') return { page: 'signin' };
  if (parts[0] === 'app' && parts[1]) {
    const appId = parts[1];
    if (parts[2] === 'sheet' && parts[3]) return { page: 'sheet', appId, sheetId: parts[3] };
    if (parts[2] === 'script') return { page: 'script', appId };
    if (parts[2] === 'model') return { page: 'model', appId };
    return { page: 'app', appId };
  }
  return { page: 'apps' };
}

/** The hash of a route. */
export function hrefOf(route: Route): string {
  const at = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;
  switch (route.page) {
    case 'signin':
      return at('signin');
    case 'apps':
      return '#/';
    case 'app':
      return at('app', route.appId);
    case 'sheet':
      return at('app', route.appId, 'sheet', route.sheetId);
    case 'script':
      return at('app', route.appId, 'script');
    case 'model':
      return at('app', route.appId, 'model');
  }
}
