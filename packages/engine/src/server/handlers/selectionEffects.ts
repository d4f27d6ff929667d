import type { DocSession } from '../../app/DocSession.js';

/**
 * Runs a selection change and, when it changed anything, marks the session's
 * data-dependent handles changed. Returns what the change returned.
 */
export function applySelection(doc: DocSession, change: () => boolean): boolean {
  const changed = change();
  if (changed) {
    doc.data.selectionsChanged();
    doc.invalidateData();
  }
  return changed;
}
