import type { Doc, GenericObject } from '@qlikit/qix';
import type { CubeQuery } from './CubeQuery.js';

/** A session object holding the query's hypercube: dimensions sorted by number, then text. */
export function createCube(doc: Doc, query: CubeQuery): Promise<GenericObject> {
  return doc.createSessionObject({
    qInfo: { qType: 'qlikit-cli-table' },
    qHyperCubeDef: {
      qDimensions: query.dimensions.map((dimension) => ({
        qDef: {
          qFieldDefs: [dimension],
          qFieldLabels: [dimension],
          qSortCriterias: [{ qSortByNumeric: 1, qSortByAscii: 1 }],
        },
      })),
      qMeasures: query.measures.map((measure) => ({ qDef: { qDef: measure, qLabel: measure } })),
      qInitialDataFetch: [],
    },
  });
}
