import type { Route } from '../router.js';
import type { AppConnection } from '../session/AppConnection.js';
import type { HubSession } from '../session/HubSession.js';

/** What a page gets: where to draw, the session, and the app connections the hub keeps. */
export interface PageContext {
  /** The element the page draws into (emptied before). */
  readonly root: HTMLElement;
  readonly session: HubSession;
  /** The engine connection to an app, opened once and kept while the hub stays in that app. */
  app(appId: string): Promise<AppConnection>;
  /** Sets the header's trail: the app's name and where in it the page is. */
  setTrail(...parts: { text: string; href?: string }[]): void;
}

/** Draws a page; the function it may return runs when the page is left. */
export type Page<R extends Route = Route> = (
  context: PageContext,
  route: R,
) => Promise<(() => void) | void>;
