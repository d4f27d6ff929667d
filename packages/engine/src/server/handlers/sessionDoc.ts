import { DocSession } from '../../app/DocSession.js';
import type { App } from '../../app/App.js';
import { LocError } from '../../errors/LocError.js';
import type { EngineSession } from '../session/EngineSession.js';
import type { ObjectInterface } from '../session/HandleTable.js';

/** The doc open in a session, or null. */
export function openDocOf(session: EngineSession): DocSession | null {
  return session.doc instanceof DocSession ? session.doc : null;
}

/** The doc open in a session, or LOCERR_APP_NOT_OPEN. */
export function requireDoc(session: EngineSession): DocSession {
  const doc = openDocOf(session);
  if (!doc) throw new LocError('LOCERR_APP_NOT_OPEN', 'No app is open in this session');
  return doc;
}

/** Opens `app` in the session (once) and returns its Doc handle. */
export function attachDoc(session: EngineSession, app: App): ObjectInterface {
  const doc = adoptDoc(session, app);
  return session.handles.open('Doc', app.id, 'Doc', doc);
}

/**
 * Makes `app` the session's open doc (once), without handing out a handle
 * (GetActiveDoc does that). A stored app stays loaded while a session has it
 * open and is unloaded after the last one ends; a session app, never in the
 * store, ends with its session.
 */
export function adoptDoc(session: EngineSession, app: App): DocSession {
  const current = openDocOf(session);
  if (current && current.app !== app) {
    throw new LocError(
      'LOCERR_APP_ALREADY_OPEN',
      `Another app is open in this session: ${current.app.id}`,
      { parameter: app.id },
    );
  }
  if (current) return current;
  const doc = new DocSession(app, session);
  if (app.tablesFor(doc.accessUser) === null) {
    doc.dispose();
    throw new LocError(
      'LOCERR_GENERIC_ACCESS_DENIED',
      `Access denied: no SECTION ACCESS row admits '${doc.accessUser.userId}'`,
      { parameter: app.id },
    );
  }
  session.doc = doc;
  session.onDispose(() => doc.dispose());
  return doc;
}
