// What every session of bench/engine-server does, shared by the @qlikit/qix
// clients and the wire floor's raw clients: one chart, and one airport
// selected per op, in turn.

/** The chart every session views: 2 dimensions, 2 measures, the first 50 rows. */
export const CUBE = {
  qInfo: { qType: 'bench-chart' },
  qHyperCubeDef: {
    qDimensions: [{ qDef: { qFieldDefs: ['Origin State'] } }, { qDef: { qFieldDefs: ['Hour'] } }],
    qMeasures: [{ qDef: { qDef: 'Avg(Delay)' } }, { qDef: { qDef: 'Sum(Distance)' } }],
    qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 4, qHeight: 50 }],
  },
};

/** The airports the sessions select, one per op, in turn. */
export const ORIGINS = ['SFO', 'LAX', 'ORD', 'DFW', 'ATL', 'JFK', 'SEA', 'DEN'];

/** The airport session `index` selects in op `op` of the round at `offset`. */
export function originFor(index: number, op: number, offset: number): string {
  return ORIGINS[(index + op + offset) % ORIGINS.length]!;
}
