import { HyperCubeError } from './HyperCubeError.js';
import type { NxPage } from './QixShapes.js';

type PageField = 'qLeft' | 'qTop' | 'qWidth' | 'qHeight';

/**
 * The pages a client asks for (`qInitialDataFetch`, `qPages`) as complete
 * NxPage values. The spec requires none of the four fields and a missing one
 * is 0 (nebula.js charts send `{qWidth, qHeight}` only); a field that is
 * present must be an integer >= 0.
 */
export function readPages(pages: unknown): NxPage[] {
  if (pages === undefined || pages === null) return [];
  if (!Array.isArray(pages))
    throw new HyperCubeError(
      'LOCERR_GENERIC_INVALID_PARAMETERS',
      'Pages must be an array of NxPage',
    );
  return pages.map(readPage);
}

function readPage(page: unknown): NxPage {
  if (typeof page !== 'object' || page === null || Array.isArray(page))
    throw new HyperCubeError(
      'LOCERR_GENERIC_INVALID_PARAMETERS',
      `Invalid page ${JSON.stringify(page)}`,
    );
  const given = page as Partial<Record<PageField, unknown>>;
  const read = (name: PageField): number => {
    const value = given[name] ?? 0;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new HyperCubeError(
        'LOCERR_GENERIC_INVALID_PARAMETERS',
        `Invalid page ${JSON.stringify(page)}: ${name} must be an integer >= 0`,
      );
    return value;
  };
  return {
    qLeft: read('qLeft'),
    qTop: read('qTop'),
    qWidth: read('qWidth'),
    qHeight: read('qHeight'),
  };
}
