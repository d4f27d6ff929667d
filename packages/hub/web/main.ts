import { h, replaceChildren } from './ui/h.js';
import { hrefOf, parseRoute, type Route } from './router.js';
import { HubSession } from './session/HubSession.js';
import { openApp, type AppConnection } from './session/AppConnection.js';
import type { Page, PageContext } from './pages/Page.js';
import { signInPage } from './pages/signInPage.js';
import { appsPage } from './pages/appsPage.js';
import { appPage } from './pages/appPage.js';
import { sheetPage } from './pages/sheetPage.js';
import { scriptPage } from './pages/scriptPage.js';
import { modelPage } from './pages/modelPage.js';

const PAGES: { readonly [P in Route['page']]: Page<Extract<Route, { page: P }>> } = {
  signin: signInPage,
  apps: appsPage,
  app: appPage,
  sheet: sheetPage,
  script: scriptPage,
  model: modelPage,
};

/** The web integration id the tenant gave this page (a meta tag of index.html). */
function webIntegrationId(): string {
  return (
    document.querySelector<HTMLMetaElement>('meta[name="qlik-web-integration-id"]')?.content ?? ''
  );
}

/**
 * The hub: a header with the trail back to the app list, and the page of the
 * hash route below it. One engine connection is kept for the app being
 * browsed and closed when another app (or the app list) is opened.
 */
async function start(): Promise<void> {
  const session = new HubSession(webIntegrationId());
  const trail = h('nav.trail');
  const main = h('main');
  document.body.append(
    h('header.topbar', {}, h('a.brand', { href: '#/' }, 'qlikit', h('span', {}, ' hub')), trail),
    main,
  );
  let connection: Promise<AppConnection> | undefined;
  let connectedTo: string | undefined;
  let leave: (() => void) | void;
  let showing = 0;

  const appConnection = (appId: string): Promise<AppConnection> => {
    if (connectedTo !== appId || !connection) {
      void connection?.then((open) => open.close()).catch(() => undefined);
      connectedTo = appId;
      connection = session.engineUrl(appId).then((url) => openApp(url, appId));
      connection.catch(() => {
        if (connectedTo === appId) connection = undefined;
      });
    }
    return connection;
  };

  const show = async () => {
    const mine = ++showing;
    // Not ready until this route's page has rendered (tests and scripts wait on it).
    delete document.body.dataset.ready;
    leave?.();
    leave = undefined;
    let route = parseRoute(location.hash);
    if (route.page !== 'signin' && !(await session.isSignedIn())) {
      location.hash = hrefOf({ page: 'signin' });
      return;
    }
    if (mine !== showing) return;
    if (!('appId' in route) && connection) {
      void connection.then((open) => open.close()).catch(() => undefined);
      connection = undefined;
      connectedTo = undefined;
    }
    replaceChildren(main);
    replaceChildren(trail);
    document.body.dataset.page = route.page;
    const context: PageContext = {
      root: main,
      session,
      app: appConnection,
      setTrail: (...parts) =>
        replaceChildren(
          trail,
          parts.map((part) =>
            part.href ? h('a', { href: part.href }, part.text) : h('span', {}, part.text),
          ),
        ),
    };
    try {
      const page = PAGES[route.page] as Page;
      leave = await page(context, route);
      if (mine === showing) document.body.dataset.ready = route.page;
    } catch (error) {
      // A page left before it finished (its app's connection closed under it) failed for nobody.
      if (mine !== showing) return;
      console.error(`[hub] ${route.page} page failed: ${(error as Error).message}`, error);
      main.append(
        h('p.error', { role: 'alert' }, `Could not show this page: ${(error as Error).message}`),
      );
      route = parseRoute(location.hash);
    }
  };
  window.addEventListener('hashchange', () => void show());
  await show();
}

void start();
