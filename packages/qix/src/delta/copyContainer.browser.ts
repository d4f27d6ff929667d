import type { Container } from './isContainer.js';

/**
 * Browsers: a shallow copy of an array, or of an object by spread (see
 * copyContainer.ts for Node's); a "__proto__" member stays data.
 */
export function copyContainer(source: Container): Container {
  return Array.isArray(source) ? source.slice() : { ...source };
}
