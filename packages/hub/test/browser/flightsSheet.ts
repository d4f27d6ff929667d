/**
 * The flights sheet of the engine-level browser test: six charts on a
 * 24 × 12 grid. The harness page creates each chart as the Qlik Sense client
 * does — nebula.js generates its properties from the chart package's own
 * defaults, with these fields and overrides — then shows the sheet.
 */
export const FLIGHTS_SHEET = 'flights-test-sheet';

type Props = Record<string, unknown>;

/** One chart of the sheet: its id, type, fields (dimensions, `=` measures), overrides and grid cell. */
export interface ChartSpec {
  readonly id: string;
  readonly type: string;
  readonly fields: readonly (string | Props)[];
  readonly properties?: Props;
  /** col, row, colspan, rowspan */
  readonly cell: readonly [number, number, number, number];
}

/** What the harness builds: a sheet and its charts. */
export interface SheetSpec {
  readonly id: string;
  readonly title: string;
  readonly charts: readonly ChartSpec[];
}

const flights = { qDef: { qDef: 'Count(Date)', qLabel: 'Flights', qNumFormat: format(0) } };
const delay = { qDef: { qDef: 'Avg(Delay)', qLabel: 'Average delay', qNumFormat: format(1) } };

function format(decimals: number): Props {
  return {
    qType: 'F',
    qnDec: decimals,
    qUseThou: 1,
    qFmt: decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0',
    qDec: '.',
    qThou: ',',
  };
}

export const FLIGHTS_SHEET_SPEC: SheetSpec = {
  id: FLIGHTS_SHEET,
  title: 'Flights test sheet',
  charts: [
    { id: 't-kpi', type: 'kpi', fields: [flights], cell: [0, 0, 6, 4] },
    {
      id: 't-bar',
      type: 'barchart',
      fields: ['Origin State', flights],
      properties: { title: 'Flights by origin state' },
      cell: [6, 0, 12, 6],
    },
    {
      id: 't-line',
      type: 'linechart',
      fields: ['Date', flights],
      properties: { title: 'Flights per day' },
      cell: [0, 4, 6, 8],
    },
    {
      id: 't-pie',
      type: 'piechart',
      fields: [
        {
          qDef: { qFieldDefs: ['Hour'] },
          qOtherTotalSpec: { qOtherMode: 'OTHER_COUNTED', qOtherCounted: { qv: '10' } },
        },
        flights,
      ],
      properties: { title: 'Flights by hour' },
      cell: [6, 6, 6, 6],
    },
    {
      id: 't-table',
      type: 'table',
      fields: ['Origin State', flights, delay],
      properties: { title: 'Details' },
      cell: [12, 6, 6, 6],
    },
    {
      id: 't-filters',
      type: 'filterpane',
      fields: ['Origin State', 'Hour'],
      properties: { title: 'Filters' },
      cell: [18, 0, 6, 12],
    },
  ],
};
