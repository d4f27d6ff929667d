import type { AppDocument } from './AppDocument.js';

/** The document of a new, empty app. */
export function newDocument(id: string, title: string): AppDocument {
  const now = new Date().toISOString();
  return {
    id,
    properties: { qTitle: title, qThumbnail: { qUrl: '' }, qHasScript: true },
    script: '',
    objects: [],
    scriptVariables: {},
    lastReloadTime: null,
    createdDate: now,
    modifiedDate: now,
  };
}

/** An app's document made another app's (a copy, an import): new id and title, created now. */
export function documentAs(document: AppDocument, id: string, title: string): AppDocument {
  const now = new Date().toISOString();
  return {
    ...document,
    id,
    properties: { ...document.properties, qTitle: title },
    createdDate: now,
    modifiedDate: now,
  };
}
