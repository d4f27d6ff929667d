// The GetLayout answer of the bench's engine stand-in (server.mjs): a 200-row hypercube layout.

/** Rows of the hypercube. */
export const ROWS = 200;
/** A fresh layout of the object with id `id`. */
export function makeLayout(id) {
  const qMatrix = [];
  for (let r = 0; r < ROWS; r += 1) {
    qMatrix.push([
      { qText: `Customer ${r}`, qNum: 'NaN', qElemNumber: r, qState: 'O' },
      { qText: `Region ${r % 7}`, qNum: 'NaN', qElemNumber: r % 7, qState: 'O' },
      { qText: String(r * 3), qNum: r * 3, qElemNumber: 0, qState: 'L' },
      { qText: String(r * 1.5), qNum: r * 1.5, qElemNumber: 0, qState: 'L' },
    ]);
  }
  return {
    qInfo: { qId: id, qType: 'table' },
    qMeta: { privileges: ['read', 'update'] },
    qSelectionInfo: {},
    qHyperCube: {
      qSize: { qcx: 4, qcy: ROWS },
      qDimensionInfo: [
        {
          qFallbackTitle: 'Customer',
          qCardinal: ROWS,
          qSortIndicator: 'A',
          qStateCounts: { qOption: ROWS },
        },
        {
          qFallbackTitle: 'Region',
          qCardinal: 7,
          qSortIndicator: 'A',
          qStateCounts: { qOption: 7 },
        },
      ],
      qMeasureInfo: [
        { qFallbackTitle: 'Sales', qMin: 0, qMax: ROWS * 3 },
        { qFallbackTitle: 'Margin', qMin: 0, qMax: ROWS * 1.5 },
      ],
      qDataPages: [{ qArea: { qLeft: 0, qTop: 0, qWidth: 4, qHeight: ROWS }, qMatrix, qTails: [] }],
      qGrandTotalRow: [],
    },
  };
}
